// Distribution calls: the rules and settings, testing a lead against them, distributing and reassigning, a lead's
// assignment history, fairness figures and the what-if replay.
import { z } from 'zod';
import { GRADES } from '../../domain/funnel';
import { defineCall, empty, id, isoDate, MAX_NOTES, MAX_TEXT, stageKeySchema } from '../contract-kit';
import type { replayReportSchema } from '../jobs/schemas';
import { jobStatusSchema } from '../jobs/schemas';
import { DISTRIBUTION_ERRORS } from './errors';
import {
  assignmentRecordSchema,
  distributionSettingsSchema,
  explanationSchema,
  explanationSummarySchema,
  fairnessSchema,
  repFitViewSchema,
  ruleSetViewSchema,
  rulesSchema,
  workingHoursSchema,
} from './schemas';
import { appealSchema } from '../appeals/calls';

const text = (max = MAX_TEXT) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** A lead typed into the "test a lead" box: only the fields rules read; missing ones are empty. */
const testLeadFields = z
  .object({
    name: z.string().trim().max(MAX_TEXT).optional(),
    phone: text(40),
    email: text(),
    company: text(),
    title: text(),
    industry: text(),
    region: text(),
    companySize: z.number().int().min(0).max(10_000_000).nullish(),
    product: text(),
    source: text(),
    campaign: text(),
    needs: text(MAX_NOTES),
    stage: stageKeySchema.optional(),
    grade: z.enum(GRADES).nullish(),
    score: z.number().int().min(0).max(100).nullish(),
    costFen: z.number().int().min(0).max(1_000_000_000_00).optional(),
    customFields: z
      .record(z.string().min(1).max(64), z.string().max(MAX_TEXT))
      .refine((r) => Object.keys(r).length <= 50, 'at most 50 custom fields')
      .optional(),
    /** Arrival time (epoch ms) for arrival.* conditions and working hours; default now. */
    createdAt: z.number().int().min(0).max(8_640_000_000_000).optional(),
  })
  .strict();
export type TestLeadFields = z.output<typeof testLeadFields>;

const testLeadInput = z
  .object({
    leadId: id.optional(),
    lead: testLeadFields.optional(),
    /** A draft rule list to test instead of the saved one. */
    rules: rulesSchema.optional(),
  })
  .strict()
  .refine((v) => (v.leadId === undefined) !== (v.lead === undefined), {
    message: 'give either leadId or lead',
    path: ['leadId'],
  });

const leadIds = z.array(id).min(1).max(10_000);
const reason = z.string().trim().min(1, 'a reason is required').max(MAX_NOTES);

const distributeInput = z
  .object({ leadIds: leadIds.optional(), pool: z.boolean().optional() })
  .strict()
  .refine((v) => v.leadIds !== undefined || v.pool === true, {
    message: 'give leadIds or pool: true',
    path: ['leadIds'],
  });

const reassignInput = z.object({ leadIds, toRepId: id.nullable(), reason }).strict();

const settingsInput = z
  .object({
    utcOffsetMinutes: z.number().int().min(-720).max(840).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .optional(),
    teamWorkingHours: workingHoursSchema.optional(),
  })
  .strict();

const replayInput = z
  .object({
    from: isoDate,
    to: isoDate,
    /** Draft rules to replay; the saved rules when omitted. */
    rules: rulesSchema.optional(),
    /** A second rule list to replay over the same leads, compared side by side (b − a). */
    compareRules: rulesSchema.optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .optional(),
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'the range must end on or after its start', path: ['to'] });

const fairnessInput = z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict();

const distributedLeadSchema = z
  .object({
    leadId: z.string(),
    outcome: z.enum(['assigned', 'pool', 'manual']),
    repId: z.string().nullable(),
    ruleId: z.string().nullable(),
    poolReason: z.string().nullable(),
    assignmentId: z.string(),
  })
  .strict();
export type DistributedLead = z.output<typeof distributedLeadSchema>;

const distributeResultSchema = z
  .object({
    assigned: z.number().int(),
    pooled: z.number().int(),
    manual: z.number().int(),
    /** Leads passed over: unknown, history, closed, or already owned. */
    skipped: z.array(z.string()).readonly(),
    results: z.array(distributedLeadSchema).readonly(),
  })
  .strict();
export type DistributeResult = z.output<typeof distributeResultSchema>;

const testLeadResultSchema = z
  .object({
    ruleId: z.string().nullable(),
    ruleName: z.string().nullable(),
    outcome: z.enum(['assigned', 'pool', 'manual']),
    repId: z.string().nullable(),
    grade: z.string().nullable(),
    score: z.number().nullable(),
    explanation: explanationSchema,
    summary: explanationSummarySchema,
  })
  .strict();
export type TestLeadResult = z.output<typeof testLeadResultSchema>;

/** An assignment as the history shows it: the stored row plus plain-words tokens when the engine decided it. */
const assignmentViewSchema = assignmentRecordSchema
  .extend({
    summary: explanationSummarySchema.nullable(),
    fromRepId: z.string().nullable(),
    /** A rep's own release to the pool: their words ('' when none); null for any other step. */
    releaseNote: z.string().nullable(),
    /** The step's reason in each UI language, when it has one in words (a recycle, a demo move); else null. */
    reasonText: z.record(z.string(), z.string()).nullable(),
  })
  .strict();
export type AssignmentView = z.output<typeof assignmentViewSchema>;

export type ReplayReport = z.output<typeof replayReportSchema>;
export type ReplaySide = ReplayReport['a'];

const leadErrors = [DISTRIBUTION_ERRORS.leadNotFound];

export const distributionCalls = {
  /** The rules in force are open to the whole team, so a rep can see why a lead went where it went. */
  'distribution.getRules': defineCall({
    input: empty,
    output: ruleSetViewSchema,
    access: 'signed-in',
    repScope: 'shared',
  }),
  'distribution.saveRules': defineCall({
    input: z.object({ rules: rulesSchema }).strict(),
    output: z.object({ version: z.number().int() }).strict(),
    access: 'team-lead',
  }),
  /** Problems of a draft rule list without saving it (the editor's live validation); reads nothing stored. */
  'distribution.validateRules': defineCall({
    input: z.object({ rules: z.unknown() }).strict(),
    output: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() }).strict()),
    access: 'signed-in',
    repScope: 'shared',
  }),
  'distribution.getSettings': defineCall({
    input: empty,
    output: distributionSettingsSchema,
    access: 'signed-in',
    repScope: 'shared',
  }),
  'distribution.saveSettings': defineCall({
    input: settingsInput,
    output: distributionSettingsSchema,
    access: 'team-lead',
  }),
  /** A stored lead must be the rep's own or in the pool; a typed-in lead is the rep's own words. */
  'distribution.testLead': defineCall({
    input: testLeadInput,
    output: testLeadResultSchema,
    access: 'signed-in',
    repScope: 'own-and-pool',
    errors: leadErrors,
  }),
  'distribution.distribute': defineCall({
    input: distributeInput,
    output: distributeResultSchema,
    access: 'team-lead',
  }),
  'distribution.reassign': defineCall({
    input: reassignInput,
    output: z.object({ count: z.number().int() }).strict(),
    access: 'team-lead',
    errors: [...leadErrors, DISTRIBUTION_ERRORS.repNotFound, DISTRIBUTION_ERRORS.repInactive],
  }),
  /**
   * A lead's assignments and appeals. A rep sees it for their own and pool leads, and for a lead once assigned to
   * or away from them; of the appeals, only their own.
   */
  'distribution.history': defineCall({
    input: z.object({ leadId: id }).strict(),
    output: z
      .object({
        assignments: z.array(assignmentViewSchema).readonly(),
        appeals: z.array(appealSchema).readonly(),
      })
      .strict(),
    access: 'signed-in',
    repScope: 'own-and-pool',
    errors: [...leadErrors, DISTRIBUTION_ERRORS.notYours],
  }),
  /** Counts per rep and grade: the fairness the whole team is promised, the same for everyone. */
  'distribution.fairness': defineCall({
    input: fairnessInput,
    output: fairnessSchema,
    access: 'signed-in',
    repScope: 'shared',
  }),
  'distribution.replay': defineCall({
    input: replayInput,
    output: jobStatusSchema,
    access: 'team-lead',
  }),
  /** Each rep's conversion learned from closed leads, shrunk toward the team's, with sample sizes and intervals. */
  'distribution.repFit': defineCall({
    input: empty,
    output: repFitViewSchema,
    access: 'team-lead',
  }),
};

/** The linter's and the ledger's calls, declared in lint-calls.ts. */
export { distributionLintCalls } from './lint-calls';
/** The team's assignment history (the Transparency page), declared in assignment-log-calls.ts. */
export { distributionAssignmentLogCalls } from './assignment-log-calls';

export const distributionEvents = {
  /** A lead was handed to a rep (auto, manual, recycle or appeal); notifications hook this. */
  'distribution.assigned': z.object({ leadId: z.string(), repId: z.string(), kind: z.string() }),
  'distribution.rulesChanged': z.object({ version: z.number() }),
} as const satisfies Record<string, z.ZodType>;

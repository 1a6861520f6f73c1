// Calls and events of one feature: Distribution rules, assignments, appeals and replay (issue 5).
import { z } from 'zod';
import { GRADES } from '../../domain/funnel';
import { validateRules, validateWorkingHours } from '../../domain/distribution/validate-rules';
import type {
  DistributionRule,
  Explanation,
  RuleProblem,
  WorkingHours,
} from '../../domain/distribution/types';
import type { ExplanationSummary } from '../../domain/distribution/explanation-summary';
import type { FairnessFigures } from '../../domain/distribution/fairness';
import type { AssignmentRecord } from '../../store/assignments';
import type { Appeal, AppealState } from '../../store/appeals';
import type { RuleSetVersion } from '../../store/distribution-rules';
import {
  call,
  empty,
  id,
  isoDate,
  MAX_NOTES,
  MAX_TEXT,
  stageKeySchema,
  type JobStatus,
} from '../contract-kit';

export const MAX_RULES = 200;
const MAX_RULES_JSON = 200_000;

function toPath(path: string): (string | number)[] {
  return path === ''
    ? []
    : path
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .filter((p) => p !== '')
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** A rule list arrives as unknown JSON; the domain's validator names every problem with its path. */
export const rulesSchema = z.unknown().superRefine((rules, ctx) => {
  if (!Array.isArray(rules)) {
    ctx.addIssue({ code: 'custom', message: 'Rules must be a list.' });
    return;
  }
  if (rules.length > MAX_RULES) {
    ctx.addIssue({ code: 'custom', message: `At most ${MAX_RULES} rules.` });
    return;
  }
  if (JSON.stringify(rules).length > MAX_RULES_JSON) {
    ctx.addIssue({ code: 'custom', message: 'The rule list is too large.' });
    return;
  }
  for (const problem of validateRules(rules as DistributionRule[])) {
    ctx.addIssue({
      code: 'custom',
      message: problem.message,
      path: toPath(problem.path),
      params: { code: problem.code },
    });
  }
}) as unknown as z.ZodType<readonly DistributionRule[]>;

const workingHoursSchema = z.unknown().superRefine((hours, ctx) => {
  if (hours === null) return;
  for (const problem of validateWorkingHours(hours, '')) {
    ctx.addIssue({ code: 'custom', message: problem.message, path: toPath(problem.path) });
  }
}) as unknown as z.ZodType<WorkingHours | null>;

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

const appealRaiseInput = z
  .object({
    leadId: id,
    /** The assignment contested; the lead's latest when omitted. */
    assignmentId: id.optional(),
    message: z.string().trim().min(1, 'say why').max(MAX_NOTES),
  })
  .strict();

const appealResolveInput = z
  .object({
    id,
    decision: z.enum(['accept', 'reject']),
    reply: z.string().trim().max(MAX_NOTES).optional(),
    /** accept: the rep who gets the lead (null = public pool). */
    toRepId: id.nullable().optional(),
  })
  .strict()
  .refine((v) => v.decision === 'accept' || (v.reply !== undefined && v.reply !== ''), {
    message: 'a rejection needs a reply',
    path: ['reply'],
  })
  .refine((v) => v.decision === 'reject' || v.toRepId !== undefined, {
    message: 'say who gets the lead (or null for the public pool)',
    path: ['toRepId'],
  });

const appealListInput = z
  .object({
    state: z.enum(['open', 'accepted', 'rejected']).optional(),
    leadId: id.optional(),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();

export interface DistributionSettings {
  /** Local time = UTC + this many minutes (480 = China). */
  readonly utcOffsetMinutes: number;
  /** Seed for tie-breaks; fixed so the same inputs give the same assignments. */
  readonly seed: number;
  readonly teamWorkingHours: WorkingHours | null;
}

export interface RuleSetView {
  /** 0 = the built-in default pipeline, not saved yet. */
  readonly version: number;
  readonly rules: readonly DistributionRule[];
  readonly savedBy: string | null;
  readonly savedAt: number | null;
  readonly versions: readonly RuleSetVersion[];
}

export interface DistributedLead {
  readonly leadId: string;
  readonly outcome: 'assigned' | 'pool' | 'manual';
  readonly repId: string | null;
  readonly ruleId: string | null;
  readonly poolReason: string | null;
  readonly assignmentId: string;
}

export interface DistributeResult {
  readonly assigned: number;
  readonly pooled: number;
  readonly manual: number;
  /** Leads passed over: unknown, history, closed, or already owned. */
  readonly skipped: readonly string[];
  readonly results: readonly DistributedLead[];
}

export interface TestLeadResult {
  readonly ruleId: string | null;
  readonly ruleName: string | null;
  readonly outcome: 'assigned' | 'pool' | 'manual';
  readonly repId: string | null;
  readonly grade: string | null;
  readonly score: number | null;
  readonly explanation: Explanation;
  readonly summary: ExplanationSummary;
}

/** An assignment as the history shows it: the stored row plus plain-words tokens when the engine decided it. */
export interface AssignmentView extends AssignmentRecord {
  readonly summary: ExplanationSummary | null;
  readonly fromRepId: string | null;
}

export interface LeadDistributionHistory {
  readonly assignments: readonly AssignmentView[];
  readonly appeals: readonly Appeal[];
}

export interface ReplaySide {
  readonly processed: number;
  readonly total: number;
  readonly cancelled: boolean;
  readonly perRep: Readonly<
    Record<
      string,
      {
        readonly total: number;
        readonly byGrade: Readonly<Record<string, number>>;
        readonly expectedConversions: number;
      }
    >
  >;
  readonly pooled: number;
  readonly manual: number;
  readonly workloadStdDev: number;
  readonly newRepShare: number;
  readonly expectedConversions: number;
  readonly abGini: number;
  readonly vsActual: {
    readonly changed: number;
    readonly compared: number;
    readonly perRepDelta: Readonly<Record<string, number>>;
    readonly actualExpectedConversions: number;
    readonly expectedConversionsDelta: number;
    readonly actualWorkloadStdDev: number;
    readonly workloadStdDevDelta: number;
    /** Leads per rep as they actually went. */
    readonly actualPerRep: Readonly<Record<string, number>>;
  } | null;
}

export interface ReplayReport {
  readonly from: string;
  readonly to: string;
  readonly leadCount: number;
  readonly a: ReplaySide;
  readonly b: ReplaySide | null;
  readonly comparison: {
    readonly expectedConversionsDelta: number;
    readonly workloadStdDevDelta: number;
    readonly newRepShareDelta: number;
    readonly abGiniDelta: number;
    readonly pooledDelta: number;
    readonly perRepDelta: Readonly<
      Record<string, { readonly total: number; readonly byGrade: Readonly<Record<string, number>> }>
    >;
  } | null;
}

export interface AppealView extends Appeal {
  readonly leadName: string;
}

export const distributionCalls = {
  'distribution.getRules': call<RuleSetView>()(empty),
  'distribution.saveRules': call<{ version: number }>()(z.object({ rules: rulesSchema }).strict()),
  /** Problems of a draft rule list without saving it (the editor's live validation). */
  'distribution.validateRules': call<RuleProblem[]>()(z.object({ rules: z.unknown() }).strict()),
  'distribution.getSettings': call<DistributionSettings>()(empty),
  'distribution.saveSettings': call<DistributionSettings>()(settingsInput),
  'distribution.testLead': call<TestLeadResult>()(testLeadInput),
  'distribution.distribute': call<DistributeResult>()(distributeInput),
  'distribution.reassign': call<{ count: number }>()(reassignInput),
  'distribution.history': call<LeadDistributionHistory>()(z.object({ leadId: id }).strict()),
  'distribution.fairness': call<FairnessFigures>()(fairnessInput),
  'distribution.replay': call<JobStatus>()(replayInput),
  'appeals.raise': call<Appeal>()(appealRaiseInput),
  'appeals.resolve': call<Appeal>()(appealResolveInput),
  'appeals.list': call<AppealView[]>()(appealListInput),
  'appeals.count': call<{ open: number }>()(empty),
} as const;

export type { AppealState };

export const distributionEvents = {
  /** A lead was handed to a rep (auto, manual, recycle or appeal); notifications hook this. */
  'distribution.assigned': z.object({ leadId: z.string(), repId: z.string(), kind: z.string() }),
  'distribution.rulesChanged': z.object({ version: z.number() }),
  'appeals.changed': z.object({ appealId: z.string(), state: z.string(), open: z.number() }),
} as const satisfies Record<string, z.ZodType>;

// The team's assignment history (who got which lead, when, and why), open to every member of the team on the
// Transparency page: declared here, kept apart from calls.ts, which re-exports it.
import { z } from 'zod';
import { DISTRIBUTION_METHODS } from '../../domain/distribution/types';
import { GRADES } from '../../domain/funnel';
import { RESPONSE_OUTCOMES } from '../../domain/kpi/response-time';
import { REP_TIERS } from '../../domain/rep';
import { defineCall, id, isoDate, MAX_TEXT } from '../contract-kit';
import { DISTRIBUTION_ERRORS } from './errors';
import { assignmentRecordSchema, explanationSummarySchema } from './schemas';

export const ASSIGNMENT_LOG_MAX_PAGE = 100;
/** Deep offsets cost a scan of the rows before them; nobody pages past this in a table. */
export const ASSIGNMENT_LOG_MAX_OFFSET = 100_000;
/** The widest period one page is read from. */
export const ASSIGNMENT_LOG_MAX_DAYS = 366;

const POOL = 'pool';

const assignmentLogInput = z
  .object({
    /** Local dates, both included, given together; the last 30 days up to today when both are omitted. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** A rep's id, or 'pool' for leads sent to the public pool. */
    repId: z.union([z.literal(POOL), id]).optional(),
    grade: z.enum(GRADES).optional(),
    kind: assignmentRecordSchema.shape.kind.optional(),
    method: z.enum([...DISTRIBUTION_METHODS, 'affinity']).optional(),
    source: z.string().trim().min(1).max(MAX_TEXT).optional(),
    /** Hand-overs to reps of this tier. */
    tier: z.enum(REP_TIERS).optional(),
    /**
     * Only the hand-overs a response figure counts (the Dashboard's, over the same period and filters), by their
     * outcome against the grade's target; a rep may ask it only of their own hand-overs.
     */
    response: z.enum(RESPONSE_OUTCOMES).optional(),
    offset: z.number().int().min(0).max(ASSIGNMENT_LOG_MAX_OFFSET).default(0),
    limit: z.number().int().min(1).max(ASSIGNMENT_LOG_MAX_PAGE).default(25),
  })
  .strict()
  .refine((v) => (v.from === undefined) === (v.to === undefined), {
    message: 'give both ends of the period, or neither',
    path: ['to'],
  })
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    message: 'the range must end on or after its start',
    path: ['to'],
  })
  .refine(
    (v) =>
      v.from === undefined ||
      v.to === undefined ||
      (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 < ASSIGNMENT_LOG_MAX_DAYS,
    { message: `a period of at most ${ASSIGNMENT_LOG_MAX_DAYS} days`, path: ['from'] },
  );

/**
 * One assignment as the whole team may see it: the lead's name and company (what a pool shows of a lead before
 * anyone claims it) but never its phone, email or WeChat, nor notes; "why" as the engine's explanation in
 * translatable tokens, or the move's reason.
 */
const assignmentLogRowSchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    leadName: z.string(),
    company: z.string().nullable(),
    source: z.string().nullable(),
    /** The grade the lead had when assigned. */
    grade: z.enum(GRADES).nullable(),
    /** Who got it; null: sent to the public pool. */
    repId: z.string().nullable(),
    /** Whom it was taken from (a reassignment, recycle or appeal), when recorded. */
    fromRepId: z.string().nullable(),
    kind: assignmentRecordSchema.shape.kind,
    method: z.string().nullable(),
    ruleId: z.string().nullable(),
    at: z.number(),
    /** The engine's decision in tokens the UI words in its language; null for manual, claim and recycle steps. */
    summary: explanationSummarySchema.nullable(),
    /** A step's reason as written (a team lead's words, or the system's); null when the summary says it. */
    reason: z.string().nullable(),
    /** A step's reason in each UI language, when it was recorded so (demo moves). */
    reasonText: z.record(z.string(), z.string()).nullable(),
    /** A rep's own release to the pool: their words ('' when none); null for any other step. */
    releaseNote: z.string().nullable(),
    /** With the response filter: the hand-over's first contact in business minutes (null: none yet) and target. */
    response: z
      .object({
        minutes: z.number().nullable(),
        targetMinutes: z.number(),
        isWithinTarget: z.boolean(),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type AssignmentLogRow = z.output<typeof assignmentLogRowSchema>;

const assignmentLogSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    total: z.number().int(),
    offset: z.number().int(),
    rows: z.array(assignmentLogRowSchema).readonly(),
    /** The sources of the team's leads, for the source filter. */
    sources: z.array(z.string()).readonly(),
  })
  .strict();
export type AssignmentLog = z.output<typeof assignmentLogSchema>;

export const distributionAssignmentLogCalls = {
  /**
   * Every assignment of the period, newest first, filtered by rep, tier, grade then, kind, method, source and
   * response outcome. Shared: a rep sees the whole team's rows as the team lead does (the history is open so the
   * team can see it was fair), but the hub never answers a rep a lead's contact data: none is in a row, and any
   * the free text quotes (a condition on the phone, a reason) is masked in every row for a rep. Response outcomes
   * are a rep's own: another rep's are their figures by name.
   */
  'distribution.assignments': defineCall({
    input: assignmentLogInput,
    output: assignmentLogSchema,
    access: 'signed-in',
    repScope: 'shared',
    errors: [DISTRIBUTION_ERRORS.responseOfOthers],
  }),
};

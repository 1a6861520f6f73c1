// The shape of a background job as every client sees it: one status schema, its result typed by the job's kind,
// its failure as data (a reason code and details, never English to parse).
import { z } from 'zod';
import { refusalDataSchema } from '../contract-kit';

const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;

/** Why a job stopped short: the same data a refused call answers with. */
const jobErrorSchema = refusalDataSchema;
export type JobError = z.infer<typeof jobErrorSchema>;

const importJobResultSchema = z
  .object({
    batchId: z.string(),
    inserted: z.number(),
    merged: z.number(),
    flagged: z.number(),
    skipped: z.number(),
    errors: z.number(),
    rowsPerSecond: z.number(),
  })
  .strict();

const distributeJobResultSchema = z
  .object({ batchId: z.string(), leads: z.number(), assigned: z.number() })
  .strict();

/** `isSuperseded`: a newer model was saved meanwhile and its own rescore took over. */
const rescoreJobResultSchema = z
  .object({ version: z.number(), done: z.number(), isSuperseded: z.boolean() })
  .strict();

const trainJobResultSchema = z
  .object({
    auc: z.number(),
    strength: z.enum(['none', 'weak', 'moderate', 'strong']),
    /** Held-out AUC with the flagged leak columns put back, for comparison (absent: none were flagged then). */
    aucWithFlagged: z.number().nullable().optional(),
  })
  .strict();

const backupJobResultSchema = z.object({ backupId: z.string(), sizeBytes: z.number() }).strict();

const countsByKey = z.record(z.string(), z.number());

const replaySideSchema = z
  .object({
    processed: z.number(),
    total: z.number(),
    cancelled: z.boolean(),
    perRep: z.record(
      z.string(),
      z.object({ total: z.number(), byGrade: countsByKey, expectedConversions: z.number() }).strict(),
    ),
    pooled: z.number(),
    manual: z.number(),
    /** Replayed recycles that took a lead from its replayed owner; those of them that went to another rep. */
    recycled: z.number(),
    redistributed: z.number(),
    workloadStdDev: z.number(),
    newRepShare: z.number(),
    expectedConversions: z.number(),
    abGini: z.number(),
    vsActual: z
      .object({
        changed: z.number(),
        compared: z.number(),
        perRepDelta: countsByKey,
        actualExpectedConversions: z.number(),
        expectedConversionsDelta: z.number(),
        actualWorkloadStdDev: z.number(),
        workloadStdDevDelta: z.number(),
        actualPerRep: countsByKey,
      })
      .strict()
      .nullable(),
  })
  .strict();

/** A what-if replay's report (the distribution namespace's ReplayReport). */
export const replayReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    leadCount: z.number(),
    a: replaySideSchema,
    b: replaySideSchema.nullable(),
    comparison: z
      .object({
        expectedConversionsDelta: z.number(),
        workloadStdDevDelta: z.number(),
        newRepShareDelta: z.number(),
        abGiniDelta: z.number(),
        pooledDelta: z.number(),
        perRepDelta: z.record(z.string(), z.object({ total: z.number(), byGrade: countsByKey }).strict()),
      })
      .strict()
      .nullable(),
  })
  .strict();

const jobBase = {
  id: z.string(),
  /** Who started it, as the audit log names people ('team-lead', 'rep:<id>'). */
  actor: z.string(),
  state: z.enum(JOB_STATES),
  done: z.number(),
  total: z.number(),
  message: z.string().nullable(),
  error: jobErrorSchema.nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  /** The import batch an import, or the distribution of its new leads, works on; null for other kinds. */
  batchId: z.string().nullable(),
};

const jobOf = <K extends string, R extends z.ZodType>(kind: K, result: R) =>
  z.object({ ...jobBase, kind: z.literal(kind), result: result.nullable() }).strict();

/** A job's status; `result` is set once `state` is done, typed by `kind`. */
export const jobStatusSchema = z.discriminatedUnion('kind', [
  jobOf('import', importJobResultSchema),
  jobOf('distribute', distributeJobResultSchema),
  jobOf('rescore', rescoreJobResultSchema),
  jobOf('train', trainJobResultSchema),
  jobOf('replay', replayReportSchema),
  jobOf('backup', backupJobResultSchema),
]);
export type JobStatus = z.infer<typeof jobStatusSchema>;
export type JobKind = JobStatus['kind'];
export type JobResultOf<K extends JobKind> = NonNullable<Extract<JobStatus, { kind: K }>['result']>;
export type ImportJobResult = z.infer<typeof importJobResultSchema>;

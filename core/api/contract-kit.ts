// Building blocks shared by the contract's call files: the `call` declaration, common schemas, shared types.
import { z } from 'zod';
import { isStageKey, type FunnelStage } from '../domain/funnel';

export const MAX_TEXT = 200;
export const MAX_NOTES = 5_000;

/** Optional free text: trimmed, capped, and '' stored as null. */
export const optionalText = (max = MAX_TEXT) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export const id = z.string().min(1).max(64);
export const empty = z.object({}).strict();

/**
 * A stage key: a built-in stage or a custom one's generated key. Whether the funnel has that stage (and shows it)
 * the handlers check against the settings.
 */
export const stageKeySchema = z.custom<FunnelStage>(
  (value) => typeof value === 'string' && isStageKey(value),
  {
    message:
      'unknown stage: expected raw, mql, sql, opportunity, won, lost, nurture or a custom stage key (c_…)',
  },
);

/** Declares a call: its input schema is checked on every transport; its output type flows to every client. */
export function call<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: z.custom<O>() });
}

export interface JobStatus {
  readonly id: string;
  readonly kind: 'rescore' | 'train' | 'import' | 'distribute' | 'replay';
  readonly actor: string;
  readonly state: 'running' | 'done' | 'failed' | 'cancelled';
  readonly done: number;
  readonly total: number;
  readonly message: string | null;
  readonly result: unknown;
  readonly error: string | null;
  readonly startedAt: number;
  readonly finishedAt: number | null;
}

/**
 * A patch schema from an input schema: every field optional and no defaults. zod's own `.partial()` keeps the
 * defaults, which would quietly reset fields a patch did not mention (a stage back to raw, events to []).
 */
export function patchSchemaOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
      return [key, bare.optional()];
    }),
  ) as unknown as {
    [K in keyof Shape]: z.ZodOptional<Shape[K] extends z.ZodDefault<infer Inner> ? Inner : Shape[K]>;
  };
  return z.object(shape).strict();
}

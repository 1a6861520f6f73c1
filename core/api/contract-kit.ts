// Building blocks shared by the contract's call files: `defineCall`, common schemas, shared types.
import { z } from 'zod';
import { isStageKey, type FunnelStage } from '../domain/funnel';
import type { ErrorDef } from './errors';
import type { RepId } from '../domain/ids';

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

/** A calendar date as YYYY-MM-DD that exists (2026-02-30 and 2026-99-99 are refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isRealCalendarDate, {
    message: 'not a real calendar date',
    params: { reason: 'input.invalidDate' },
  });

export function isRealCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}
export const id = z.string().min(1).max(64);
export const empty = z.object({}).strict();

/** A refusal as data (a job's failure, a check's answer): its reason code, English text and details. */
export const refusalDataSchema = z
  .object({
    reason: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  })
  .strict();
/** Ids in outputs: checked as strings, typed as the domain's branded ids. */
export const repIdSchema = z.string() as unknown as z.ZodType<RepId, RepId>;

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

/** Who may make a call. `public` is only for signing in: every other call runs under a person's session. */
export type Access = 'team-lead' | 'signed-in' | 'public';

/**
 * How a call's answer is limited when a rep makes it (the role-table test checks each):
 * - own-leads: only leads the rep owns (or is about to claim from the pool), refused for others';
 * - own-and-pool: the rep's own leads plus the public pool;
 * - self: the rep's own record, session, jobs or notifications;
 * - shared: facts every member of the team sees alike (stage names, open rules, settings a rep needs).
 */
export type RepScope = 'own-leads' | 'own-and-pool' | 'self' | 'shared';

/** The default request body limit; calls that carry a file raise it. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

type AccessSpec =
  | { readonly access: 'team-lead' }
  | { readonly access: 'signed-in'; readonly repScope: RepScope }
  | { readonly access: 'public' };

interface CallFacts<I extends z.ZodType, O extends z.ZodType> {
  readonly input: I;
  /** A real schema: the service validates outputs against it in tests. */
  readonly output: O;
  /** True when the call waits on I/O (files, network): it runs outside the service's transaction. */
  readonly waitsOnIo?: boolean;
  /** Largest request body a transport accepts for this call, in bytes. */
  readonly maxBodyBytes?: number;
  /** The refusals this call may answer with, besides the common ones and input errors. */
  readonly errors?: readonly ErrorDef[];
}

/** One contract entry: everything a transport, the dispatcher and a reader need to know about a call. */
export type CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = CallFacts<I, O> &
  AccessSpec & {
    readonly waitsOnIo: boolean;
    readonly maxBodyBytes: number;
    readonly errors: readonly ErrorDef[];
  };

/** Declares a call with its input, output, who may make it, whether it waits on I/O, limits and errors. */
export function defineCall<I extends z.ZodType, O extends z.ZodType>(
  spec: CallFacts<I, O> & AccessSpec,
): CallSpec<I, O> {
  return {
    ...spec,
    waitsOnIo: spec.waitsOnIo ?? false,
    maxBodyBytes: spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    errors: spec.errors ?? [],
  };
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

// The one API contract: every call and every pushed event, as zod schemas. Transports are generated from it.
import { z } from 'zod';
import { GRADES, MAX_STAGES } from '../domain/funnel';
import { BEHAVIOUR_KINDS, type Lead } from '../domain/lead';
import { REP_TIERS, type Rep } from '../domain/rep';
import type { AuditEntry } from '../store/audit-log';
import type { AssignmentRecord } from '../store/assignments';
import type { FollowUpRecord } from '../store/follow-ups';
import { LEAD_SORT_FIELDS } from '../domain/lead-list';
import { isPlausiblePhone } from './leads/phone-check';
import type { LeadScore } from '../domain/scoring/engine';
import type { ConversionPrediction, LearnedModel } from '../domain/scoring/learned';
import type { ScoringModel } from '../domain/scoring/model';
import type { ModelChangePreview } from '../domain/scoring/preview';
import type { RuleWeightSuggestion } from '../domain/scoring/suggest';
import { validateScoringModel } from '../domain/scoring/validate';
import { dashboardCalls } from './dashboard/calls';
import { distributionCalls, distributionEvents } from './distribution/calls';
import { importCalls, importEvents } from './import/calls';
import { workCalls, workEvents } from './work/calls';
import {
  call,
  empty,
  id,
  isoDate,
  MAX_NOTES,
  MAX_TEXT,
  optionalText,
  patchSchemaOf,
  stageKeySchema,
  type JobStatus,
} from './contract-kit';

export type { JobStatus } from './contract-kit';
import type { ScoringModelVersion } from '../store/scoring-models';

export const leadInputSchema = z
  .object({
    name: z.string().trim().min(1, 'a name is required').max(MAX_TEXT),
    phone: optionalText(40).refine((value) => value === null || isPlausiblePhone(value), {
      message: 'not a phone number: use digits, spaces, +, - and an optional extension',
    }),
    email: optionalText(MAX_TEXT).refine((value) => value === null || z.email().safeParse(value).success, {
      message: 'not a valid email address',
    }),
    wechat: optionalText(64),
    company: optionalText(),
    title: optionalText(),
    industry: optionalText(),
    region: optionalText(),
    companySize: z
      .number()
      .int()
      .min(0)
      .max(10_000_000)
      .nullish()
      .transform((v) => v ?? null),
    product: optionalText(),
    source: optionalText(),
    campaign: optionalText(),
    costFen: z.number().int().min(0).max(1_000_000_000_00).default(0),
    needs: optionalText(MAX_NOTES),
    bant: z
      .object({
        budget: z.number().int().min(0).nullish(),
        authority: z.enum(['decision_maker', 'influencer', 'user']).nullish(),
        need: z.enum(['high', 'medium', 'low']).nullish(),
        timeline: z.enum(['now', 'quarter', 'year', 'unknown']).nullish(),
      })
      .strict()
      .default({}),
    customFields: z
      .record(z.string().min(1).max(64), z.string().max(MAX_NOTES))
      .refine((record) => Object.keys(record).length <= 100, 'at most 100 custom fields')
      .default({}),
    events: z
      .array(
        z
          .object({
            kind: z.enum(BEHAVIOUR_KINDS),
            at: z.number().int(),
            detail: z.string().max(MAX_TEXT).optional(),
          })
          .strict(),
      )
      .max(1_000)
      .default([]),
    stage: stageKeySchema.default('raw'),
  })
  .strict();
export type LeadInput = z.input<typeof leadInputSchema>;

export const repInputSchema = z
  .object({
    name: z.string().trim().min(1, 'a name is required').max(MAX_TEXT),
    email: optionalText().refine((value) => value === null || z.email().safeParse(value).success, {
      message: 'not a valid email address',
    }),
    phone: optionalText(40).refine((value) => value === null || isPlausiblePhone(value), {
      message: 'not a phone number',
    }),
    tier: z.enum(REP_TIERS),
    skills: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
    regions: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
    weight: z.number().int().min(1).max(100).default(1),
    capOpen: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .nullish()
      .transform((v) => v ?? null),
    capDaily: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .nullish()
      .transform((v) => v ?? null),
    isOutOfOffice: z.boolean().default(false),
    leave: z
      .array(
        z
          .object({ from: isoDate, to: isoDate })
          .strict()
          .refine((period) => period.from <= period.to, {
            message: 'leave must end on or after its start',
            path: ['to'],
          }),
      )
      .max(100)
      .default([]),
    joinedOn: isoDate.optional(),
    pin: z
      .string()
      .regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits')
      .nullish(),
  })
  .strict();
export type RepInput = z.input<typeof repInputSchema>;

/** How a lead's score came about: the rule parts (Σ points = rule score), the learned view, and the blend. */
export interface ScoreExplanation {
  readonly rule: LeadScore;
  readonly prediction: ConversionPrediction | null;
  readonly blend: ScoreBlend;
  /** The stored score and grade (the blend of rule score and probability, when blending is on). */
  readonly score: number;
  readonly grade: LeadScore['grade'];
  /** True when the stored score came from an older model version than the current one. */
  readonly isStale: boolean;
}

export interface ScoreBlend {
  /** rules: the rule score alone; learned: the learned probability × 100; blend: a weighted mix. */
  readonly mode: 'rules' | 'learned' | 'blend';
  /** Weight of the learned probability in [0, 1] when mode is blend. */
  readonly weight: number;
}

export interface LeadDetail {
  readonly lead: Lead;
  readonly assignments: readonly AssignmentRecord[];
  readonly followUps: readonly FollowUpRecord[];
  readonly scoreModelVersion: number | null;
  readonly explanation: ScoreExplanation;
}

/** What training found, as the Scoring page shows it. */
export interface LearnedSummary {
  readonly model: LearnedModel;
  readonly trainedBy: string;
}

export type Actor =
  { readonly role: 'lead' } | { readonly role: 'rep'; readonly repId: string; readonly name: string };

export interface WorkspaceStatus {
  readonly isEmpty: boolean;
  /** Whether switching back to the team lead asks for a PIN. */
  readonly hasLeadPin: boolean;
  readonly leadCount: number;
  readonly repCount: number;
  readonly schemaVersion: number;
  readonly appVersion: string;
  readonly actor: Actor;
}

export interface Preferences {
  readonly language: 'zh-CN' | 'en' | null;
}

export const leadListInput = z
  .object({
    text: z.string().max(MAX_TEXT).optional(),
    stages: z.array(stageKeySchema).max(MAX_STAGES).optional(),
    grades: z.array(z.enum(GRADES)).max(GRADES.length).optional(),
    owner: z.union([z.literal('pool'), id]).optional(),
    source: z.string().max(MAX_TEXT).optional(),
    includeHistory: z.boolean().optional(),
    sort: z.enum(LEAD_SORT_FIELDS).default('createdAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

const byId = z.object({ id }).strict();
const leadUpdateInput = z.object({ id, patch: patchSchemaOf(leadInputSchema) }).strict();
const repListInput = z.object({ includeInactive: z.boolean().default(false) }).strict();
const repUpdateInput = z.object({ id, patch: patchSchemaOf(repInputSchema) }).strict();
const repSetActiveInput = z.object({ id, isActive: z.boolean() }).strict();
const preferencesInput = z.object({ language: z.enum(['zh-CN', 'en']) }).strict();
const auditListInput = z
  .object({
    entityId: id.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
/** A scoring model arrives as unknown JSON; the domain's validator names every problem with its path. */
const scoringModelInput = z.unknown().superRefine((model, ctx) => {
  for (const problem of validateScoringModel(model)) {
    ctx.addIssue({
      code: 'custom',
      message: problem.message,
      path:
        problem.path === ''
          ? []
          : problem.path
              .replace(/\[(\d+)\]/g, '.$1')
              .split('.')
              .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      params: { code: problem.code },
    });
  }
}) as unknown as z.ZodType<ScoringModel>;
const modelInput = z.object({ model: scoringModelInput }).strict();
const trainInput = z
  .object({
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(1),
    /** Omitted: the leak fields flagged on the latest history import. */
    excludeFields: z.array(z.string().max(100)).max(200).optional(),
  })
  .strict();
const blendInput = z
  .object({ mode: z.enum(['rules', 'learned', 'blend']), weight: z.number().min(0).max(1) })
  .strict();
const jobIdInput = z.object({ id }).strict();

const leadPinInput = z
  .object({
    pin: z
      .string()
      .regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits')
      .nullable(),
  })
  .strict();
const actAsInput = z.object({ repId: id.nullable(), pin: z.string().max(8).optional() }).strict();

export const calls = {
  'workspace.status': call<WorkspaceStatus>()(empty),
  'workspace.loadDemo': call<{ reps: number; leads: number }>()(empty),
  'session.setLeadPin': call<{ hasLeadPin: boolean }>()(leadPinInput),
  'session.actAs': call<{ actor: Actor; token: string | null }>()(actAsInput),
  'leads.list': call<{ total: number; rows: Lead[] }>()(leadListInput),
  'leads.get': call<LeadDetail>()(byId),
  'leads.create': call<Lead>()(leadInputSchema),
  'leads.update': call<Lead>()(leadUpdateInput),
  'leads.facets': call<{ sources: string[]; industries: string[]; regions: string[] }>()(empty),
  'reps.list': call<(Rep & { readonly hasPin: boolean })[]>()(repListInput),
  'reps.create': call<Rep>()(repInputSchema),
  'reps.update': call<Rep>()(repUpdateInput),
  'reps.setActive': call<Rep>()(repSetActiveInput),
  'preferences.get': call<Preferences>()(empty),
  'preferences.set': call<Preferences>()(preferencesInput),
  'audit.list': call<AuditEntry[]>()(auditListInput),
  'scoring.getModel': call<{ model: ScoringModel; versions: ScoringModelVersion[]; staleLeads: number }>()(
    empty,
  ),
  'scoring.previewModel': call<ModelChangePreview>()(modelInput),
  'scoring.saveModel': call<{ version: number; job: JobStatus }>()(modelInput),
  'scoring.train': call<JobStatus>()(trainInput),
  'scoring.getLearned': call<LearnedSummary | null>()(empty),
  'scoring.suggestWeights': call<RuleWeightSuggestion>()(empty),
  'scoring.getBlend': call<ScoreBlend>()(empty),
  'scoring.setBlend': call<{ blend: ScoreBlend; job: JobStatus }>()(blendInput),
  'jobs.list': call<JobStatus[]>()(empty),
  'jobs.cancel': call<JobStatus>()(jobIdInput),
  ...importCalls,
  ...distributionCalls,
  ...workCalls,
  ...dashboardCalls,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;

export const CALL_NAMES = Object.keys(calls) as CallName[];

/** Events the service pushes to every connected client. */
export const events = {
  'leads.changed': z.object({ leadIds: z.array(z.string()), reason: z.string() }),
  'reps.changed': z.object({ repIds: z.array(z.string()) }),
  'workspace.changed': z.object({ reason: z.string() }),
  'jobs.progress': z.custom<JobStatus>(),
  'scoring.changed': z.object({ version: z.number() }),
  ...importEvents,
  ...distributionEvents,
  ...workEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;
/** One pushed event; a union over event names, so checking `event.event` narrows `payload`. */
export type PushedEvent<K extends EventName = EventName> = K extends EventName
  ? { readonly event: K; readonly payload: EventPayload<K> }
  : never;

/** An error as it crosses a boundary: data, never a thrown object. */
export interface ApiErrorData {
  readonly code: 'invalid_input' | 'not_found' | 'forbidden' | 'conflict' | 'unknown_call' | 'internal';
  readonly message: string;
  readonly field?: string | undefined;
}

export type CallResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorData };

// The one API contract: every call and every pushed event, as zod schemas. Transports are generated from it.
import { z } from 'zod';
import type { LeadScore } from '../domain/scoring/engine';
import type { ConversionPrediction } from '../domain/scoring/learned';
import { assembleNamespaces } from './assemble-namespaces';
import type { ApiErrorData } from './errors';
import { repsCalls } from './reps/calls';
import { sessionCalls } from './session/calls';
import { devicesCalls } from './devices/calls';
import { clientCalls } from './client/calls';
import { appealsCalls, appealsEvents } from './appeals/calls';
import { auditCalls } from './audit/calls';
import { dashboardCalls } from './dashboard/calls';
import { duplicatesCalls } from './duplicates/calls';
import { leadsCalls, leadsEvents } from './leads/calls';
import { preferencesCalls } from './preferences/calls';
import { networkCalls } from './network/calls';
import { workspaceCalls, workspaceEvents } from './workspace/calls';
import {
  distributionAssignmentLogCalls,
  distributionCalls,
  distributionEvents,
  distributionLintCalls,
} from './distribution/calls';
import { importCalls } from './import/calls';
import { workCalls } from './work/calls';
import { funnelCalls } from './funnel/calls';
import { queueCalls } from './queue/calls';
import { followUpsCalls } from './follow-ups/calls';
import { slaCalls } from './sla/calls';
import { poolCalls } from './pool/calls';
import { staleCalls } from './stale/calls';
import { notificationsCalls, notificationsEvents } from './notifications/calls';
import { devCalls } from './dev/calls';
import { backupsCalls, backupsEvents } from './backups/calls';
import { jobsCalls, jobsEvents } from './jobs/calls';
import { scoringCalls, scoringEvents } from './scoring/calls';

export type { JobStatus } from './jobs/schemas';

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

export type { Actor } from './session/calls';
export type { ApiErrorData } from './errors';

/** Every call, one namespace's declarations at a time; a name declared twice stops the app at start-up. */
export const calls = assembleNamespaces(
  'call',
  sessionCalls,
  devicesCalls,
  clientCalls,
  repsCalls,
  scoringCalls,
  jobsCalls,
  backupsCalls,
  leadsCalls,
  duplicatesCalls,
  preferencesCalls,
  networkCalls,
  auditCalls,
  workspaceCalls,
  dashboardCalls,
  distributionCalls,
  distributionLintCalls,
  distributionAssignmentLogCalls,
  appealsCalls,
  importCalls,
  workCalls,
  funnelCalls,
  queueCalls,
  followUpsCalls,
  slaCalls,
  poolCalls,
  staleCalls,
  notificationsCalls,
  devCalls,
);

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;

export const CALL_NAMES = Object.keys(calls) as CallName[];

const remainingEvents = {
  'reps.changed': z.object({ repIds: z.array(z.string()) }),
} as const;

/** Events the service pushes, each scoped per listener (see event-scope.ts). */
export const events = assembleNamespaces(
  'event',
  remainingEvents,
  leadsEvents,
  workspaceEvents,
  distributionEvents,
  appealsEvents,
  scoringEvents,
  jobsEvents,
  backupsEvents,
  notificationsEvents,
);

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;
/** One pushed event; a union over event names, so checking `event.event` narrows `payload`. */
export type PushedEvent<K extends EventName = EventName> = K extends EventName
  ? { readonly event: K; readonly payload: EventPayload<K> }
  : never;

export type CallResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorData };

// What every handler is given: the database, the actor, the clock, ids, and a way to push events after commit.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { CallSpec } from './contract-kit';
import type { EventName, EventPayload } from './contract';
import type { SignInLinks } from './session/sign-in-links';
import type { Actor } from './session/calls';
import type { ResolvedSession, SessionRegistry } from './session/session-registry';
import type { JobRunner } from './jobs/job-runner';
import type { ScoringState } from './scoring/scoring-state';

/** Hub mode as it stands: serving reps' PCs on the LAN or not, and how they reach this hub. */
export interface HubModeStatus {
  readonly on: boolean;
  /** Names and addresses reps' PCs reach the hub by; empty while off. */
  readonly names: readonly string[];
  readonly port: number | null;
  readonly caFingerprint256: string | null;
}

/** Turns hub mode on and off where the host allows it (the desktop app); the headless hub sets it at start. */
export interface HubModeControl {
  status(): HubModeStatus;
  /** Resolves once the hub serves (or has stopped); rejects, with hub mode off, when it cannot start. */
  set(on: boolean): Promise<HubModeStatus>;
}

/** What the service knows of the hub's LAN mode. */
export interface LanState {
  /** SHA-256 of the hub's CA certificate; null while hub mode is off. */
  caFingerprint256(): string | null;
  setCaFingerprint256(fingerprint: string | null): void;
  /** The switch for hub mode; null where the host fixes it (npm run hub -- --lan). */
  readonly hubMode: HubModeControl | null;
}

/** Where a call came from, for the audit log. */
export interface CallerInfo {
  readonly address: string | null;
  readonly deviceId: string | null;
  /** The device credential the request carried (a paired browser's cookie, a rep PC's header); null without. */
  readonly deviceToken: string | null;
  /** On the LAN transport a rep's PIN sign-in must come from a paired, unrevoked device of that rep. */
  readonly repSignInNeedsDevice: boolean;
}

export interface CallContext {
  readonly db: Database;
  /** The signed-in person; reading it in a public call without a session refuses the call. */
  readonly actor: Actor;
  /** The caller's session; null only in a public call made without one. */
  readonly session: ResolvedSession | null;
  readonly sessions: SessionRegistry;
  readonly signInLinks: SignInLinks;
  readonly caller: CallerInfo;
  /** The hub's LAN identity, when hub mode is on. */
  readonly lan: LanState;
  /** Work to do in a transaction of its own if this call is refused and rolls back (counting a wrong try). */
  afterRollback(work: () => void): void;
  /** The time of this call, epoch ms; one value per call so every row it writes agrees. */
  readonly now: number;
  /** For work that runs after the call (background jobs): the service's clock. */
  readonly clock: () => number;
  readonly newId: (prefix: string) => string;
  readonly appVersion: string;
  /** The computer's country from the OS locale (ISO 3166 alpha-2), the phone country until one is chosen. */
  readonly systemCountry: string;
  readonly scoring: ScoringState;
  readonly jobs: JobRunner;
  emit<K extends EventName>(event: K, payload: EventPayload<K>): void;
}

/**
 * The handlers of one namespace, typed from its call declarations. A handler of a call that does not wait on I/O
 * runs inside the transaction the service opens; one that does (`waitsOnIo`) returns a Promise and opens its own
 * short transactions, never awaiting inside one.
 */
export type HandlersOf<Specs extends Readonly<Record<string, CallSpec>>> = {
  readonly [K in keyof Specs]: (
    ctx: CallContext,
    input: z.output<Specs[K]['input']>,
  ) => z.output<Specs[K]['output']> | Promise<z.output<Specs[K]['output']>>;
};

/** The audit log's name for an actor. */
export function actorLabel(actor: Actor): string {
  return actor.role === 'lead' ? 'team-lead' : `rep:${actor.repId}`;
}

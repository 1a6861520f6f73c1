// The dispatcher: checks a call's input shape and schema, resolves the caller's session, enforces the call's
// declared access, runs it (in one transaction unless it waits on I/O), and pushes events after commit, scoped to
// each listener.
import type { Database } from 'better-sqlite3';
import { markClosedLeadsChanged } from '../store/closed-leads-stamp';
import { readSchemaVersion } from '../store/open-database';
import { findLeadOwners } from '../store/leads';
import { countConnectionChanges, type DurableAcks } from '../store/durable-acks';
import { inTransaction } from '../store/sql';
import { startWalCheckpointer, type WalCheckpointer } from '../store/wal-checkpoint';
import type { CallContext, HubModeControl, LanState } from './call-context';
import type { CallSpec } from './contract-kit';
import { calls, type CallName, type CallResult, type EventName, type PushedEvent } from './contract';
import { COMMON_ERRORS, ServiceError } from './errors';
import { scopeEventFor } from './event-scope';
import { inputErrorOf } from './input-errors';
import { findShapeProblem } from './input-shape';
import { createJobRunner, type JobRunner } from './jobs/job-runner';
import { maskPoolContactsForRep } from './pool/mask-contacts';
import { recoverInterruptedJobs } from './jobs/recover-jobs';
import { createScoringState, type ScoringState } from './scoring/scoring-state';
import type { Actor } from './session/calls';
import {
  createSessionRegistry,
  type Person,
  type ResolvedSession,
  type SessionRegistry,
} from './session/session-registry';
import { createSignInLinks } from './session/sign-in-links';
// Namespace handlers are registered in ./handlers.ts, namespace calls in ./contract.ts.
import { handlers } from './handlers';
import { newTimeOrderedId } from './time-ordered-id';

export interface ServiceOptions {
  readonly db: Database;
  readonly clock?: () => number;
  readonly newId?: (prefix: string) => string;
  readonly appVersion?: string;
  /** The computer's country (ISO 3166 alpha-2, from the OS locale): phones without a country code are read in it
   *  until the team lead chooses another. China when unknown. */
  readonly systemCountry?: string;
  /** Seed of the demo workspace; fixed so every demo looks the same. */
  readonly demoSeed?: number;
  /** Check every answer against the call's output schema (tests; costs time in production). */
  readonly validateOutputs?: boolean;
  /**
   * Answer a call that wrote only once its commit is on disk (store/durable-acks.ts: a group commit over the WAL).
   * The hub and the desktop core pass it: their answers are acknowledgements to a person. Tests go without.
   */
  readonly durableAcks?: Pick<DurableAcks, 'flush'>;
  /** Hub mode's switch, where the host lets Settings turn it on and off (the desktop app's core). */
  readonly hubMode?: HubModeControl;
}

/** Who is calling: the session token the transport received, and where the call came from. */
export interface Caller {
  readonly token?: string | null | undefined;
  readonly address?: string | null | undefined;
  readonly deviceId?: string | null | undefined;
  /** The device credential the request carried (LAN transport), checked by a rep's PIN sign-in. */
  readonly deviceToken?: string | null | undefined;
  /** Set by the LAN transport: a rep signs in with a PIN only from a paired device of that rep. */
  readonly repSignInNeedsDevice?: boolean | undefined;
}

export type EventListener = (event: PushedEvent) => void;

export interface Service {
  /** Validates `input` and runs the call as the caller's session; never throws across the boundary. */
  dispatch(name: unknown, input: unknown, caller?: Caller): Promise<CallResult<unknown>>;
  /**
   * Listens to events. With an actor, each event is first scoped to what that person may see; without one the
   * listener is trusted in-process code (the scheduler, the desktop's notifier).
   */
  subscribe(listener: EventListener, actor?: Actor): () => void;
  /** The session behind a token, for transports that check it before a call (the WebSocket upgrade). */
  resolveSession(token: string): ResolvedSession | null;
  /**
   * Opens a session without a secret, for callers that proved who they are another way: the desktop app on the
   * machine holding the workspace, a test. Never reachable from a transport.
   */
  openTrustedSession(person: Person): string;
  /** A one-time sign-in link code for the headless hub's team lead. */
  createSignInLink(): string;
  readonly sessions: SessionRegistry;
  readonly lan: LanState;
  readonly db: Database;
  readonly jobs: JobRunner;
  readonly scoring: ScoringState;
  /** Checkpoints the WAL when the service is idle (SQLite's in-commit auto-checkpoint is off). */
  readonly checkpointer: WalCheckpointer;
}

/**
 * `ctx.actor`, one getter shared by every call's context (enumerable, so a spread copies the actor as before).
 * Written in the context's object literal, the getter was a new function per call, so each context got a hidden
 * class of its own; those classes live in old space until a full GC and kept each call's whole context alive
 * through every scavenge (~3 MB copied per scavenge under pool claims, the claim bench's slowest round; 2026-12-03).
 */
const ACTOR_PROPERTY: PropertyDescriptor = {
  enumerable: true,
  get(this: { readonly session: ResolvedSession | null }): Actor {
    if (!this.session) throw new ServiceError(COMMON_ERRORS.signInRequired);
    return this.session.actor;
  },
};

function refusal(error: ServiceError): CallResult<never> {
  return { ok: false, error: error.toData() };
}

/** A call's admission and handler: the refusal, or the handler's answer (a Promise for a call that waits on I/O). */
type Outcome = { readonly refused: CallResult<never> } | { readonly answer: unknown };

export function createService(options: ServiceOptions): Service {
  const { db } = options;
  const clock = options.clock ?? Date.now;
  const newId = options.newId ?? newTimeOrderedId;
  const appVersion = options.appVersion ?? '0.1.0';
  const systemCountry = options.systemCountry ?? 'CN';
  const listeners = new Map<EventListener, Actor | undefined>();
  const scoring = createScoringState(db);
  const checkpointer = startWalCheckpointer(db);
  const sessions = createSessionRegistry();
  const signInLinks = createSignInLinks();
  let caFingerprint: string | null = null;
  const lan: LanState = {
    caFingerprint256: () => caFingerprint,
    setCaFingerprint256: (fingerprint) => {
      caFingerprint = fingerprint;
    },
    hubMode: options.hubMode ?? null,
  };
  const jobs = createJobRunner({
    db,
    clock,
    newId,
    emit: (event, payload) => emitAll([{ event, payload } as PushedEvent]),
  });
  // Jobs a previous process left running are resumed or closed as failed before any call runs.
  recoverInterruptedJobs({
    db,
    jobs,
    scoring,
    clock,
    newId,
    emit: (event, payload) => emitAll([{ event, payload } as PushedEvent]),
  });
  const demoSeed = options.demoSeed ?? 20261123;
  const handlerList = handlers({ demoSeed, schemaVersion: () => readSchemaVersion(db) });

  function emitAll(pending: readonly PushedEvent[]): void {
    for (const event of pending) {
      let owners: Map<string, string | null> | null = null;
      const lookup = (ids: readonly string[]) => (owners ??= findLeadOwners(db, ids));
      for (const [listener, actor] of listeners) {
        try {
          const scoped = actor ? scopeEventFor(actor, event, lookup) : event;
          if (scoped) listener(actor?.role === 'rep' ? maskPoolContactsForRep(db, scoped) : scoped);
        } catch {
          // A broken subscriber must not break the call that already committed.
        }
      }
    }
  }

  function resolveSession(token: string): ResolvedSession | null {
    try {
      return sessions.resolve(db, token, clock());
    } catch {
      return null;
    }
  }

  /** One transaction function for every call (IMMEDIATE: the writer lock up front), not one made per call. */
  const transact = db.transaction((work: () => Outcome): Outcome => work());

  /**
   * Who is calling, then what they sent: without a session nothing about the input is answered. The session, the
   * call's declared access, then its input schema; a refusal, or the session and the parsed input.
   */
  function admit(
    spec: CallSpec,
    input: unknown,
    caller: Caller | undefined,
  ):
    | { readonly refused: CallResult<never> }
    | { readonly session: ResolvedSession | null; readonly data: unknown } {
    const session = caller?.token ? resolveSession(caller.token) : null;
    if (spec.access !== 'public') {
      if (!session) {
        const error = caller?.token ? COMMON_ERRORS.sessionEnded : COMMON_ERRORS.signInRequired;
        return { refused: refusal(new ServiceError(error)) };
      }
      if (spec.access === 'team-lead' && session.actor.role !== 'lead')
        return { refused: refusal(new ServiceError(COMMON_ERRORS.teamLeadOnly)) };
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { refused: refusal(inputErrorOf(parsed.error)) };
    return { session, data: parsed.data };
  }

  async function dispatch(name: unknown, input: unknown, caller?: Caller): Promise<CallResult<unknown>> {
    if (typeof name !== 'string' || !Object.hasOwn(calls, name)) {
      return refusal(new ServiceError(COMMON_ERRORS.unknownCall, { name: String(name).slice(0, 80) }));
    }
    const callName = name as CallName;
    const spec = calls[callName] as CallSpec;
    const problem = findShapeProblem(input);
    if (problem?.kind === 'tooDeep') return refusal(new ServiceError(COMMON_ERRORS.tooDeep, problem));
    if (problem?.kind === 'tooLong') {
      return refusal(
        new ServiceError(COMMON_ERRORS.bodyTooLarge, { maxBytes: spec.maxBodyBytes }, problem.path),
      );
    }
    const pending: PushedEvent[] = [];
    const onRollback: (() => void)[] = [];
    let changesBefore = 0;
    // Events a call's background job emits after the call has answered go out at once.
    let isSettled = false;
    /** Whether the call was admitted: a refusal before its handler notes no write. */
    let isAdmitted = false;
    const handler = handlerList[callName] as (ctx: CallContext, input: unknown) => unknown;
    /** Admits the caller and runs the handler; the answer masked for a rep (see below), or the refusal. */
    const admitAndRun = (): Outcome => {
      const admitted = admit(spec, input, caller);
      if ('refused' in admitted) return admitted;
      isAdmitted = true;
      const { session } = admitted;
      // Measured after the session was resolved, so a read whose session was touched waits for no fsync, as before.
      changesBefore = options.durableAcks ? countConnectionChanges(db) : 0;
      // The session's last-seen touch is part of this transaction: if the call rolls back, it is made again.
      if (!spec.waitsOnIo && caller?.token) {
        const token = caller.token;
        onRollback.push(() => void resolveSession(token));
      }
      const fields = {
        db,
        session,
        sessions,
        signInLinks,
        caller: {
          address: caller?.address ?? null,
          deviceId: caller?.deviceId ?? session?.deviceId ?? null,
          deviceToken: caller?.deviceToken ?? null,
          repSignInNeedsDevice: caller?.repSignInNeedsDevice === true,
        },
        lan,
        afterRollback: (work) => onRollback.push(work),
        now: clock(),
        clock,
        newId,
        scoring,
        jobs,
        appVersion,
        systemCountry,
        emit: (event: EventName, payload) => {
          const pushed = { event, payload } as PushedEvent;
          if (isSettled) emitAll([pushed]);
          else pending.push(pushed);
        },
      } satisfies Omit<CallContext, 'actor'>;
      const ctx: CallContext = Object.defineProperty(
        fields as typeof fields & Pick<CallContext, 'actor'>,
        'actor',
        ACTOR_PROPERTY,
      );
      // A pool lead's contact data stays masked to reps until one claims it (pool/mask-contacts.ts); masked inside
      // the call's transaction when it has one, where its reads cost no read transaction of their own.
      const forCaller = (answer: unknown) =>
        session?.actor.role === 'rep' ? maskPoolContactsForRep(db, answer) : answer;
      const answer = handler(ctx, admitted.data);
      return { answer: answer instanceof Promise ? answer.then(forCaller) : forCaller(answer) };
    };
    try {
      // A call that does not wait on I/O is admitted inside its own transaction: the session's read (and its
      // occasional last-seen touch) costs no read transaction and no commit of its own (~2 % of a new lead's CPU on
      // the distribution API bench; 2026-12-03). One that waits on I/O opens its own short transactions.
      const outcome = spec.waitsOnIo ? admitAndRun() : transact.immediate(admitAndRun);
      if ('refused' in outcome) return outcome.refused;
      const value = spec.waitsOnIo ? await outcome.answer : outcome.answer;
      if (value instanceof Promise)
        throw new Error(`${callName} returned a Promise but does not wait on I/O`);
      if (options.validateOutputs) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          const issue = checked.error.issues[0];
          throw new Error(
            `${callName} answered outside its output schema at ${issue?.path.join('.')}: ${issue?.message}`,
          );
        }
      }
      if (options.durableAcks && countConnectionChanges(db) !== changesBefore) {
        const unconfirmed = await options.durableAcks.flush().then(
          () => null,
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        );
        if (unconfirmed !== null) {
          // Committed, but the disk did not confirm it: said as such, never as a success.
          isSettled = true;
          sessions.flushRevoked();
          emitAll(pending);
          return refusal(new ServiceError(COMMON_ERRORS.notOnDisk, { detail: unconfirmed.slice(0, 500) }));
        }
      }
      isSettled = true;
      sessions.flushRevoked();
      emitAll(pending);
      return { ok: true, value };
    } catch (error) {
      isSettled = true;
      // A call that waits on I/O commits its own transactions: what it revoked stays revoked.
      if (spec.waitsOnIo) sessions.flushRevoked();
      else sessions.discardRevoked();
      // The transaction rolled back: drop anything cached from inside it (a rep–lead fit rechecks the closed leads).
      scoring.invalidate();
      markClosedLeadsChanged(db);
      for (const work of onRollback) inTransaction(db, work);
      if (error instanceof ServiceError) return refusal(error);
      const message = error instanceof Error ? error.message : String(error);
      return refusal(new ServiceError(COMMON_ERRORS.internal, { detail: message.slice(0, 500) }));
    } finally {
      // After the answer is settled, so a commit never pays for copying the WAL back (see wal-checkpoint.ts).
      if (isAdmitted) checkpointer.noteWrite();
    }
  }

  return {
    dispatch,
    subscribe(listener, actor) {
      listeners.set(listener, actor);
      return () => listeners.delete(listener);
    },
    resolveSession,
    openTrustedSession(person) {
      return inTransaction(db, () => sessions.open(db, person, clock())).token;
    },
    createSignInLink() {
      return signInLinks.create(clock());
    },
    sessions,
    lan,
    db,
    jobs,
    scoring,
    checkpointer,
  };
}

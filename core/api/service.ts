// The contract implemented over store + domain: validates input, resolves the actor, runs each call in one
// transaction, and pushes events only after the transaction commits.
import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { readSchemaVersion } from '../store/open-database';
import { findRepById, findRepPinHash } from '../store/reps';
import { inTransaction } from '../store/sql';
import { startWalCheckpointer, type WalCheckpointer } from '../store/wal-checkpoint';
import type { CallContext } from './call-context';
import {
  calls,
  type Actor,
  type ApiErrorData,
  type CallName,
  type CallOutput,
  type CallResult,
  type EventName,
  type ParsedInput,
  type PushedEvent,
} from './contract';
import { ServiceError } from './errors';
import { leadHandlers } from './leads/handlers';
import { preferenceHandlers } from './preferences/handlers';
import { repHandlers } from './reps/handlers';
import { createWorkspaceHandlers } from './workspace/handlers';
import { createJobRunner, type JobRunner } from './jobs/job-runner';
import { hashPin, verifyPin } from './session/pin';
import { readSetting, writeSetting } from '../store/settings';
import { appendAudit } from '../store/audit-log';
import { actorLabel, requireTeamLead } from './call-context';

export const LEAD_PIN_SETTING = 'teamLead.pinHash';
import { createScoringState, type ScoringState } from './scoring/scoring-state';
import { newTimeOrderedId } from './time-ordered-id';
import { scoringHandlers } from './scoring/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { distributionHandlers } from './distribution/handlers';
import { importHandlers } from './import/handlers';
import { workHandlers } from './work/handlers';

/**
 * A handler per call. Most are synchronous and run inside one transaction the service opens; a call that must
 * wait on I/O (reading an uploaded file, writing an export) returns a Promise, runs outside any transaction, and
 * opens its own short ones with `inTransaction` (never awaiting inside one).
 */
export type Handlers = {
  [K in CallName]: (ctx: CallContext, input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
};

/** Calls that wait on I/O: they run outside a service-opened transaction (see Handlers). */
const ASYNC_CALLS: ReadonlySet<CallName> = new Set<CallName>([
  // Import, export and backups wait on file I/O.
  'import.upload',
  'import.analyze',
  'import.errorFile',
  'import.commit',
  'import.discard',
  'leads.export',
  'backups.list',
  'backups.create',
  'backups.restore',
  // The SLA tick opens one short transaction per action.
  'sla.runDue',
  'dev.advanceClock',
]);

export interface ServiceOptions {
  readonly db: Database;
  readonly clock?: () => number;
  readonly newId?: (prefix: string) => string;
  readonly appVersion?: string;
  /** Seed of the demo workspace; fixed so every demo looks the same. */
  readonly demoSeed?: number;
}

/** Who is calling: a session token (a rep signed in with a PIN), or none for the team lead on this machine. */
export interface Caller {
  readonly token?: string | null | undefined;
}

export type EventListener = (event: PushedEvent) => void;

export interface Service {
  /** Validates `input` against the call's schema and runs it; never throws across the boundary. */
  dispatch(name: unknown, input: unknown, caller?: Caller): Promise<CallResult<unknown>>;
  subscribe(listener: EventListener): () => void;
  readonly db: Database;
  readonly jobs: JobRunner;
  readonly scoring: ScoringState;
  /** Checkpoints the WAL when the service is idle (SQLite's in-commit auto-checkpoint is off). */
  readonly checkpointer: WalCheckpointer;
}

function zodErrorToData(error: z.ZodError): ApiErrorData {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const message = issue ? `${field ? `${field}: ` : ''}${issue.message}` : 'invalid input';
  return { code: 'invalid_input', message, field };
}

export function createService(options: ServiceOptions): Service {
  const { db } = options;
  const clock = options.clock ?? Date.now;
  const newId = options.newId ?? newTimeOrderedId;
  const appVersion = options.appVersion ?? '0.1.0';
  const listeners = new Set<EventListener>();
  const sessions = new Map<string, Actor>();
  const scoring = createScoringState(db);
  const checkpointer = startWalCheckpointer(db);
  const jobs = createJobRunner({
    clock,
    newId,
    emit: (event, payload) => emitAll([{ event, payload } as PushedEvent]),
  });

  function resolveActor(caller: Caller | undefined): Actor {
    if (!caller?.token) return { role: 'lead' };
    const actor = sessions.get(caller.token);
    if (!actor) throw new ServiceError('forbidden', 'Your session has ended: sign in again.');
    return actor;
  }

  const handlers: Handlers = {
    ...leadHandlers,
    ...repHandlers,
    ...preferenceHandlers,
    ...scoringHandlers,
    ...importHandlers,
    ...distributionHandlers,
    ...workHandlers,
    ...dashboardHandlers,
    ...createWorkspaceHandlers({
      demoSeed: options.demoSeed ?? 20261123,
      schemaVersion: () => readSchemaVersion(db),
    }),
    'session.setLeadPin'(ctx, input) {
      requireTeamLead(ctx);
      writeSetting(ctx.db, LEAD_PIN_SETTING, input.pin ? hashPin(input.pin) : null, ctx.now);
      appendAudit(ctx.db, {
        at: ctx.now,
        actor: actorLabel(ctx.actor),
        action: input.pin ? 'session.setLeadPin' : 'session.clearLeadPin',
        entity: 'setting',
        entityId: LEAD_PIN_SETTING,
      });
      return { hasLeadPin: input.pin !== null };
    },
    'session.actAs'(ctx, input) {
      if (input.repId === null) {
        // Back to the team lead: a rep must give the team lead's PIN when one is set (a shared office PC).
        const leadPinHash = readSetting<string>(ctx.db, LEAD_PIN_SETTING);
        if (ctx.actor.role !== 'lead' && leadPinHash) {
          if (!(input.pin !== undefined && verifyPin(input.pin, leadPinHash))) {
            throw new ServiceError('forbidden', 'Wrong team lead PIN.', 'pin');
          }
        }
        return { actor: { role: 'lead' }, token: null };
      }
      const rep = findRepById(ctx.db, input.repId);
      if (!rep || !rep.isActive) throw new ServiceError('not_found', 'No active rep with that id.', 'repId');
      const pinHash = findRepPinHash(ctx.db, rep.id);
      if (pinHash) {
        // A wrong PIN is always refused; no PIN is fine only for the team lead looking through a rep's eyes.
        const isPinRight = input.pin !== undefined && verifyPin(input.pin, pinHash);
        if (!isPinRight && (input.pin !== undefined || ctx.actor.role !== 'lead')) {
          throw new ServiceError('forbidden', 'Wrong PIN.', 'pin');
        }
      }
      const actor: Actor = { role: 'rep', repId: rep.id, name: rep.name };
      const token = randomBytes(24).toString('base64url');
      sessions.set(token, actor);
      return { actor, token };
    },
  };

  function emitAll(pending: PushedEvent[]): void {
    for (const event of pending) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // A broken subscriber must not break the call that already committed.
        }
      }
    }
  }

  async function dispatch(name: unknown, input: unknown, caller?: Caller): Promise<CallResult<unknown>> {
    if (typeof name !== 'string' || !Object.hasOwn(calls, name)) {
      return {
        ok: false,
        error: { code: 'unknown_call', message: `Unknown call ${String(name).slice(0, 80)}.` },
      };
    }
    const callName = name as CallName;
    const parsed = calls[callName].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: zodErrorToData(parsed.error) };
    const pending: PushedEvent[] = [];
    // Events a call's background job emits after the call has answered go out at once.
    let isSettled = false;
    try {
      const actor = resolveActor(caller);
      const ctx: CallContext = {
        db,
        actor,
        now: clock(),
        clock,
        newId,
        scoring,
        jobs,
        appVersion,
        emit: (event: EventName, payload) => {
          const pushed = { event, payload } as PushedEvent;
          if (isSettled) emitAll([pushed]);
          else pending.push(pushed);
        },
      };
      const handler = handlers[callName] as (ctx: CallContext, input: unknown) => unknown;
      const value = ASYNC_CALLS.has(callName)
        ? await handler(ctx, parsed.data)
        : inTransaction(db, () => handler(ctx, parsed.data));
      if (value instanceof Promise)
        throw new Error(`${callName} returned a Promise but is not in ASYNC_CALLS`);
      isSettled = true;
      emitAll(pending);
      return { ok: true, value };
    } catch (error) {
      isSettled = true;
      // The transaction rolled back: drop anything cached from inside it.
      scoring.invalidate();
      if (error instanceof ServiceError) return { ok: false, error: error.toData() };
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message } };
    } finally {
      // After the answer is settled, so a commit never pays for copying the WAL back (see wal-checkpoint.ts).
      checkpointer.noteWrite();
    }
  }

  return {
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    db,
    jobs,
    scoring,
    checkpointer,
  };
}

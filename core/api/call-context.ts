// What every handler is given: the database, the actor, the clock, ids, and a way to push events after commit.
import type { Database } from 'better-sqlite3';
import type { Actor, EventName, EventPayload } from './contract';
import { ServiceError } from './errors';
import type { JobRunner } from './jobs/job-runner';
import type { ScoringState } from './scoring/scoring-state';

export interface CallContext {
  readonly db: Database;
  readonly actor: Actor;
  /** The time of this call, epoch ms; one value per call so every row it writes agrees. */
  readonly now: number;
  /** For work that runs after the call (background jobs): the service's clock. */
  readonly clock: () => number;
  readonly newId: (prefix: string) => string;
  readonly appVersion: string;
  readonly scoring: ScoringState;
  readonly jobs: JobRunner;
  emit<K extends EventName>(event: K, payload: EventPayload<K>): void;
}

/** The audit log's name for an actor. */
export function actorLabel(actor: Actor): string {
  return actor.role === 'lead' ? 'team-lead' : `rep:${actor.repId}`;
}

export function requireTeamLead(ctx: CallContext): void {
  if (ctx.actor.role !== 'lead') throw new ServiceError('forbidden', 'Only the team lead can do this.');
}

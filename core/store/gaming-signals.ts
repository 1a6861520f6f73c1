// The events the gaming flags read: pool claims, leads leaving a rep (recycles, reassignments), lost marks by reps
// and leads entering the pool, over a period.
import type { Database } from 'better-sqlite3';
import { qb, selectAll } from './sql';

export interface GamingSignals {
  readonly claims: { leadId: string; leadName: string; repId: string; at: number }[];
  readonly recycles: { leadId: string; repId: string; at: number }[];
  /** Assignment rows of the period, oldest first (rep null = to the pool). */
  readonly assignments: { leadId: string; repId: string | null; at: number }[];
  readonly lostMarks: { leadId: string; leadName: string; actor: string; at: number }[];
}

/** Every signal at or after `since` (epoch ms), of live leads. */
export function readGamingSignals(db: Database, since: number): GamingSignals {
  const claims = selectAll(
    db,
    qb
      .selectFrom('pool_claims as c')
      .innerJoin('leads as l', 'l.id', 'c.lead_id')
      .select(['c.lead_id', 'c.rep_id', 'c.at', 'l.name'])
      .where('c.at', '>=', since)
      .where('l.deleted_at', 'is', null)
      .orderBy('c.at'),
  ).map((r) => ({ leadId: r.lead_id, leadName: r.name, repId: r.rep_id, at: r.at }));
  const recycles = selectAll(
    db,
    qb
      .selectFrom('lead_recycles')
      .select(['lead_id', 'from_rep_id', 'at'])
      .where('at', '>=', since)
      .orderBy('at'),
  ).map((r) => ({ leadId: r.lead_id, repId: r.from_rep_id, at: r.at }));
  const assignments = selectAll(
    db,
    qb
      .selectFrom('assignments')
      .select(['lead_id', 'rep_id', 'at'])
      .where('at', '>=', since)
      .orderBy('at')
      .orderBy('id'),
  ).map((r) => ({ leadId: r.lead_id, repId: r.rep_id, at: r.at }));
  const lostMarks = selectAll(
    db,
    qb
      .selectFrom('stage_history as h')
      .innerJoin('leads as l', 'l.id', 'h.lead_id')
      .select(['h.lead_id', 'h.actor', 'h.at', 'l.name'])
      .where('h.at', '>=', since)
      .where('h.to_stage', '=', 'lost')
      .where('h.actor', 'like', 'rep:%')
      .orderBy('h.at'),
  ).map((r) => ({ leadId: r.lead_id, leadName: r.name, actor: r.actor, at: r.at }));
  return { claims, recycles, assignments, lostMarks };
}

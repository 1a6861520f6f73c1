// What the pools' recycle sweep reads: owned, open, live leads old enough for a rule to reach them, with the facts
// the rules need, in one pass (the per-lead clock columns by index, as the SLA engine reads them).
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { FunnelStage, Grade } from '../domain/funnel';
import { allCompiled, qb } from './sql';
import { NOT_OPEN } from './work-leads';

export interface SweepLead {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly grade: Grade | null;
  readonly stage: FunnelStage;
  readonly region: string | null;
  readonly industry: string | null;
  readonly source: string | null;
  /** When the current owner got it; the lead's creation when no assignment row says so. */
  readonly ownedSince: number;
  readonly lastFollowUpAt: number | null;
}

type SweepRow = {
  id: string;
  name: string;
  owner_id: string | null;
  grade: string | null;
  stage: string;
  region: string | null;
  industry: string | null;
  source: string | null;
  owned_since: number;
  last_follow_up_at: number | null;
};

/**
 * Owned open leads the current owner has held since at or before `heldSince` (epoch ms; a rule cannot reach a
 * lead held for less), optionally one rep's only.
 */
export function listSweepLeads(db: Database, heldSince: number, ownerId?: string): SweepLead[] {
  let query = qb
    .selectFrom('leads')
    .select([
      'leads.id',
      'leads.name',
      'leads.owner_id',
      'leads.grade',
      'leads.stage',
      'leads.region',
      'leads.industry',
      'leads.source',
      sql<number>`coalesce((SELECT max(a.at) FROM assignments AS a INDEXED BY assignments_lead
        WHERE a.lead_id = leads.id AND a.rep_id = leads.owner_id), leads.created_at)`.as('owned_since'),
      sql<number | null>`(SELECT max(f.at) FROM follow_ups AS f WHERE f.lead_id = leads.id)`.as(
        'last_follow_up_at',
      ),
    ])
    .where('leads.owner_id', 'is not', null)
    .where('leads.deleted_at', 'is', null)
    .where('leads.is_history', '=', 0)
    .where('leads.stage', 'not in', NOT_OPEN)
    // SQLite lets WHERE name a result column: the owner's tenure is filtered before any row becomes an object.
    .where(sql<boolean>`owned_since <= ${heldSince}`);
  if (ownerId !== undefined) query = query.where('leads.owner_id', '=', ownerId);
  const { sql: text, parameters } = query.compile();
  return allCompiled<SweepRow>(db, text, parameters).map((row) => ({
    id: row.id,
    name: row.name,
    ownerId: row.owner_id ?? '',
    grade: row.grade as Grade | null,
    stage: row.stage as FunnelStage,
    region: row.region,
    industry: row.industry,
    source: row.source,
    ownedSince: row.owned_since,
    lastFollowUpAt: row.last_follow_up_at,
  }));
}

// What the pools' recycle sweep reads: every owned, open, live lead with the facts its pool's rules need, in one
// pass (the per-lead clock columns by index, as the SLA engine reads them).
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { FunnelStage, Grade } from '../domain/funnel';
import { qb, selectAll } from './sql';
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

/** Owned open leads, optionally one rep's only. */
export function listSweepLeads(db: Database, ownerId?: string): SweepLead[] {
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
      'leads.created_at',
      sql<number | null>`(SELECT max(a.at) FROM assignments AS a INDEXED BY assignments_lead
        WHERE a.lead_id = leads.id AND a.rep_id = leads.owner_id)`.as('assigned_at'),
      sql<number | null>`(SELECT max(f.at) FROM follow_ups AS f WHERE f.lead_id = leads.id)`.as(
        'last_follow_up_at',
      ),
    ])
    .where('leads.owner_id', 'is not', null)
    .where('leads.deleted_at', 'is', null)
    .where('leads.is_history', '=', 0)
    .where('leads.stage', 'not in', NOT_OPEN);
  if (ownerId !== undefined) query = query.where('leads.owner_id', '=', ownerId);
  return selectAll(db, query).map((row) => ({
    id: row.id,
    name: row.name,
    ownerId: row.owner_id ?? '',
    grade: row.grade as Grade | null,
    stage: row.stage as FunnelStage,
    region: row.region,
    industry: row.industry,
    source: row.source,
    ownedSince: row.assigned_at ?? row.created_at,
    lastFollowUpAt: row.last_follow_up_at,
  }));
}

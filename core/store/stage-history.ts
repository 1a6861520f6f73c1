// Repository for stage history: every move of a lead between funnel stages, append-only.
import type { Database } from 'better-sqlite3';
import type { FunnelStage } from '../domain/funnel';
import { sql } from 'kysely';
import { noteStageMove } from './kpi-facts';
import { execute, qb, selectAll } from './sql';

interface StageChange {
  readonly id: string;
  readonly leadId: string;
  readonly from: FunnelStage;
  readonly to: FunnelStage;
  readonly actor: string;
  readonly note: string | null;
  readonly at: number;
}

export function appendStageChange(db: Database, change: StageChange): void {
  execute(
    db,
    qb.insertInto('stage_history').values({
      id: change.id,
      lead_id: change.leadId,
      from_stage: change.from,
      to_stage: change.to,
      actor: change.actor,
      note: change.note,
      at: change.at,
      // The Dashboard's days per stage find the period's arrivals' moves by it (migration 0022).
      lead_created_at: sql<number>`(SELECT leads.created_at FROM leads WHERE leads.id = ${change.leadId})`,
    }),
  );
  noteStageMove(db, change.leadId, change.to);
}

export function listStageHistory(db: Database, leadId: string): StageChange[] {
  return selectAll(
    db,
    qb
      .selectFrom('stage_history')
      .selectAll()
      .where('lead_id', '=', leadId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc'),
  ).map((row) => ({
    id: row.id,
    leadId: row.lead_id,
    from: row.from_stage as FunnelStage,
    to: row.to_stage as FunnelStage,
    actor: row.actor,
    note: row.note,
    at: row.at,
  }));
}

// Repository for the nurture pool (培育池): when each parked lead wakes up, and the stage it returns to.
import type { Database } from 'better-sqlite3';
import type { FunnelStage } from '../domain/funnel';
import { execute, qb, selectAll, selectFirst } from './sql';

interface NurtureWakeup {
  readonly leadId: string;
  readonly wakeAt: number;
  readonly returnStage: FunnelStage;
  readonly parkedBy: string;
  readonly parkedAt: number;
}

export function upsertNurtureWakeup(db: Database, wakeup: NurtureWakeup): void {
  const values = {
    lead_id: wakeup.leadId,
    wake_at: wakeup.wakeAt,
    return_stage: wakeup.returnStage,
    parked_by: wakeup.parkedBy,
    parked_at: wakeup.parkedAt,
  };
  execute(
    db,
    qb
      .insertInto('nurture_wakeups')
      .values(values)
      .onConflict((oc) =>
        oc.column('lead_id').doUpdateSet({
          wake_at: values.wake_at,
          return_stage: values.return_stage,
          parked_by: values.parked_by,
          parked_at: values.parked_at,
        }),
      ),
  );
}

/** Parked leads that would wake into `from` wake into `to` instead (the stage was hidden or removed). */
export function retargetNurtureReturns(db: Database, from: FunnelStage, to: FunnelStage): void {
  execute(db, qb.updateTable('nurture_wakeups').set({ return_stage: to }).where('return_stage', '=', from));
}

export function deleteNurtureWakeup(db: Database, leadId: string): void {
  execute(db, qb.deleteFrom('nurture_wakeups').where('lead_id', '=', leadId));
}

export function findNurtureWakeup(db: Database, leadId: string): NurtureWakeup | undefined {
  const row = selectFirst(db, qb.selectFrom('nurture_wakeups').selectAll().where('lead_id', '=', leadId));
  return row ? toWakeup(row) : undefined;
}

export function listDueNurtureWakeups(db: Database, now: number, limit: number): NurtureWakeup[] {
  return selectAll(
    db,
    qb
      .selectFrom('nurture_wakeups')
      .selectAll()
      .where('wake_at', '<=', now)
      .orderBy('wake_at')
      .orderBy('lead_id')
      .limit(limit),
  ).map(toWakeup);
}

function toWakeup(row: {
  lead_id: string;
  wake_at: number;
  return_stage: string;
  parked_by: string;
  parked_at: number;
}): NurtureWakeup {
  return {
    leadId: row.lead_id,
    wakeAt: row.wake_at,
    returnStage: row.return_stage as FunnelStage,
    parkedBy: row.parked_by,
    parkedAt: row.parked_at,
  };
}

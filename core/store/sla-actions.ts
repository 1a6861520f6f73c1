// Repository for applied SLA actions: each (lead, kind, trigger, clock start) is recorded once, so it fires once.
import type { Database } from 'better-sqlite3';
import type { SlaActionKind, SlaAppliedAction, SlaTrigger } from '../domain/sla/due-actions';
import { execute, qb, selectAll } from './sql';

interface AppliedSlaActionRecord extends SlaAppliedAction {
  readonly leadId: string;
  readonly repId: string | null;
  readonly dueAt: number;
  readonly appliedAt: number;
}

/** Records an action; false when it was already recorded (another tick got there first). */
export function insertSlaAction(db: Database, record: AppliedSlaActionRecord): boolean {
  return (
    execute(
      db,
      qb
        .insertInto('sla_actions')
        .values({
          lead_id: record.leadId,
          kind: record.kind,
          trigger: record.trigger,
          clock_start: record.clockStart,
          rep_id: record.repId,
          due_at: record.dueAt,
          applied_at: record.appliedAt,
        })
        .onConflict((oc) => oc.doNothing()),
    ) === 1
  );
}

/** Every applied action by lead, for the leads that are on a clock now. */
export function mapAppliedSlaActions(db: Database): Map<string, SlaAppliedAction[]> {
  const rows = selectAll(
    db,
    qb
      .selectFrom('sla_actions')
      // CROSS JOIN keeps sla_actions outermost (SQLite never reorders it): each action finds its lead by key,
      // where the planner's own choice walked every owned lead and probed sla_actions (~15x slower at 100k).
      .crossJoin('leads')
      .whereRef('leads.id', '=', 'sla_actions.lead_id')
      .select(['sla_actions.lead_id', 'sla_actions.kind', 'sla_actions.trigger', 'sla_actions.clock_start'])
      .where('leads.owner_id', 'is not', null)
      .where('leads.deleted_at', 'is', null),
  );
  const byLead = new Map<string, SlaAppliedAction[]>();
  for (const row of rows) {
    const action: SlaAppliedAction = {
      kind: row.kind as SlaActionKind,
      trigger: row.trigger as SlaTrigger,
      clockStart: row.clock_start,
    };
    const list = byLead.get(row.lead_id);
    if (list) list.push(action);
    else byLead.set(row.lead_id, [action]);
  }
  return byLead;
}

export function listSlaActionsForLead(db: Database, leadId: string): AppliedSlaActionRecord[] {
  return selectAll(
    db,
    qb.selectFrom('sla_actions').selectAll().where('lead_id', '=', leadId).orderBy('applied_at'),
  ).map((row) => ({
    leadId: row.lead_id,
    kind: row.kind as SlaActionKind,
    trigger: row.trigger as SlaTrigger,
    clockStart: row.clock_start,
    repId: row.rep_id,
    dueAt: row.due_at,
    appliedAt: row.applied_at,
  }));
}

// Repository for the audit log: who changed what, when. Written in the same transaction as the change.
import type { Database } from 'better-sqlite3';
import { execute, qb, selectAll } from './sql';

export interface AuditEntry {
  readonly id: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

export function appendAudit(
  db: Database,
  entry: {
    at: number;
    actor: string;
    action: string;
    entity: string;
    entityId: string | null;
    detail?: object;
  },
): void {
  execute(
    db,
    qb.insertInto('audit_log').values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      detail_json: JSON.stringify(entry.detail ?? {}),
    }),
  );
}

export function listAudit(
  db: Database,
  options: { entityId?: string | undefined; limit: number; offset: number },
): AuditEntry[] {
  let query = qb
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset);
  if (options.entityId) query = query.where('entity_id', '=', options.entityId);
  return selectAll(db, query).map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    detail: JSON.parse(row.detail_json) as Record<string, unknown>,
  }));
}

export function countAudit(db: Database): number {
  return (
    selectAll(
      db,
      qb.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')),
    )[0]?.n ?? 0
  );
}

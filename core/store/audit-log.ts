// Repository for the audit log: who changed what, when. Written in the same transaction as the change.
import type { Database } from 'better-sqlite3';
import { qb, runCompiled, selectAll } from './sql';

interface AuditEntry {
  readonly id: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** Compiled once: every change appends a row, and compiling the insert each time cost more than running it. */
const INSERT_AUDIT_SQL = qb
  .insertInto('audit_log')
  .values({ at: 0, actor: '', action: '', entity: '', entity_id: null, detail_json: '' })
  .compile().sql;

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
  // Same order as the columns of INSERT_AUDIT_SQL.
  runCompiled(db, INSERT_AUDIT_SQL, [
    entry.at,
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId,
    JSON.stringify(entry.detail ?? {}),
  ]);
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

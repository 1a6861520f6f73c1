// Repository for appeals (申诉): a rep contests an assignment; the team lead accepts or rejects with a reply.
import type { Database } from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { AppealsTable } from './schema';
import { execute, qb, selectAll, selectFirst } from './sql';

type AppealState = 'open' | 'accepted' | 'rejected';

export interface Appeal {
  readonly id: string;
  readonly leadId: string;
  readonly assignmentId: string;
  readonly repId: string;
  readonly message: string;
  readonly state: AppealState;
  readonly reply: string | null;
  readonly resolvedToRepId: string | null;
  readonly resolvedBy: string | null;
  readonly createdAt: number;
  readonly resolvedAt: number | null;
}

function rowToAppeal(row: Selectable<AppealsTable>): Appeal {
  return {
    id: row.id,
    leadId: row.lead_id,
    assignmentId: row.assignment_id,
    repId: row.rep_id,
    message: row.message,
    state: row.state as AppealState,
    reply: row.reply,
    resolvedToRepId: row.resolved_to_rep_id,
    resolvedBy: row.resolved_by,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
  };
}

export function insertAppeal(db: Database, appeal: Appeal): void {
  execute(
    db,
    qb.insertInto('appeals').values({
      id: appeal.id,
      lead_id: appeal.leadId,
      assignment_id: appeal.assignmentId,
      rep_id: appeal.repId,
      message: appeal.message,
      state: appeal.state,
      reply: appeal.reply,
      resolved_to_rep_id: appeal.resolvedToRepId,
      resolved_by: appeal.resolvedBy,
      created_at: appeal.createdAt,
      resolved_at: appeal.resolvedAt,
    }),
  );
}

export function resolveAppealRow(
  db: Database,
  id: string,
  resolution: {
    state: 'accepted' | 'rejected';
    reply: string | null;
    resolvedToRepId: string | null;
    resolvedBy: string;
    resolvedAt: number;
  },
): void {
  execute(
    db,
    qb
      .updateTable('appeals')
      .set({
        state: resolution.state,
        reply: resolution.reply,
        resolved_to_rep_id: resolution.resolvedToRepId,
        resolved_by: resolution.resolvedBy,
        resolved_at: resolution.resolvedAt,
      })
      .where('id', '=', id),
  );
}

export function findAppealById(db: Database, id: string): Appeal | undefined {
  const row = selectFirst(db, qb.selectFrom('appeals').selectAll().where('id', '=', id));
  return row ? rowToAppeal(row) : undefined;
}

export function findOpenAppeal(db: Database, assignmentId: string, repId: string): Appeal | undefined {
  const row = selectFirst(
    db,
    qb
      .selectFrom('appeals')
      .selectAll()
      .where('assignment_id', '=', assignmentId)
      .where('rep_id', '=', repId)
      .where('state', '=', 'open'),
  );
  return row ? rowToAppeal(row) : undefined;
}

export function listAppeals(
  db: Database,
  filter: {
    state?: AppealState | undefined;
    repId?: string | undefined;
    leadId?: string | undefined;
    limit: number;
  },
): Appeal[] {
  let query = qb
    .selectFrom('appeals')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.repId) query = query.where('rep_id', '=', filter.repId);
  if (filter.leadId) query = query.where('lead_id', '=', filter.leadId);
  return selectAll(db, query).map(rowToAppeal);
}

export function countOpenAppeals(db: Database, repId?: string): number {
  let query = qb
    .selectFrom('appeals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'open');
  if (repId) query = query.where('rep_id', '=', repId);
  return selectFirst(db, query)?.n ?? 0;
}

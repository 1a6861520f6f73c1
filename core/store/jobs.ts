// Repository for background jobs (schema version 8): one row per job, written when it starts, as it progresses and
// when it stops, so a process that dies mid-job leaves a `running` row the next start resumes or closes.
import type { Database } from 'better-sqlite3';
import type { JobsTable } from './schema';
import { execute, qb, selectAll } from './sql';

/** Writes the job's row whole (insert or replace): the runner holds the truth, the row mirrors it. */
export function saveJobRow(db: Database, row: JobsTable): void {
  const { id: _id, ...rest } = row;
  execute(
    db,
    qb
      .insertInto('jobs')
      .values(row)
      .onConflict((conflict) => conflict.column('id').doUpdateSet(rest)),
  );
}

export function listJobRowsInState(db: Database, state: string): JobsTable[] {
  return selectAll(db, qb.selectFrom('jobs').selectAll().where('state', '=', state).orderBy('started_at'));
}

/** The jobs of one kind whose params name `key` = `value` (e.g. the distribution of one import batch). */
export function listJobRowsByParam(db: Database, kind: string, key: string, value: string): JobsTable[] {
  return selectAll(
    db,
    qb
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', kind)
      .where((eb) => eb(eb.fn('json_extract', ['params_json', eb.val(`$.${key}`)]), '=', value)),
  );
}

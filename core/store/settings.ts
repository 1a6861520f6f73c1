// Repository for workspace settings: small JSON values by key.
import type { Database } from 'better-sqlite3';
import { execute, qb, selectFirst } from './sql';

export function readSetting<T>(db: Database, key: string): T | undefined {
  const row = selectFirst(db, qb.selectFrom('settings').select('value_json').where('key', '=', key));
  return row ? (JSON.parse(row.value_json) as T) : undefined;
}

export function writeSetting(db: Database, key: string, value: unknown, now: number): void {
  const valueJson = JSON.stringify(value);
  execute(
    db,
    qb
      .insertInto('settings')
      .values({ key, value_json: valueJson, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: valueJson, updated_at: now })),
  );
}

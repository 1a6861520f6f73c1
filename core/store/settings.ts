// Repository for workspace settings: small JSON values by key.
import type { Database } from 'better-sqlite3';
import { execute, getCompiled, qb } from './sql';

const READ_SETTING = qb.selectFrom('settings').select('value_json').where('key', '=', '').compile().sql;

/** A setting's stored JSON text (compiled once: settings are read on most calls' paths). */
export function readSettingText(db: Database, key: string): string | undefined {
  return getCompiled<{ value_json: string }>(db, READ_SETTING, [key])?.value_json;
}

export function readSetting<T>(db: Database, key: string): T | undefined {
  const text = readSettingText(db, key);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

/**
 * A setting read through `parse`, whose answer is kept by the stored text: a setting that did not change is not
 * parsed and validated again. `parse` must be pure; the answer is shared, so callers must not change it.
 */
export function readSettingCached<T>(
  db: Database,
  key: string,
  parse: (stored: unknown) => T,
  fallback: T,
): T {
  const text = readSettingText(db, key);
  if (text === undefined) return fallback;
  const cache = parsedSettings.get(key);
  if (cache !== undefined && cache.text === text && cache.parse === parse) return cache.value as T;
  let value: T;
  try {
    value = parse(JSON.parse(text));
  } catch {
    value = fallback;
  }
  parsedSettings.set(key, { text, parse, value });
  return value;
}

const parsedSettings = new Map<string, { text: string; parse: unknown; value: unknown }>();

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

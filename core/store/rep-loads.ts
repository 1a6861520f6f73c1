// The counters distribution reads on every decision, kept by the repository functions that write leads and
// assignments, in the same transaction: each rep's open load (rep_open_loads) and the leads handed to each rep per
// local day (rep_day_counts). Which lead counts and which day an instant falls on are domain rules, not SQL.
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { FunnelStage } from '../domain/funnel';
import { DEFAULT_UTC_OFFSET_MINUTES, localDayNumber } from '../domain/sla/local-day';
import { openLoadDelta, type OpenLoadFacts } from '../domain/sla/open-load';
import { noteLeadWrite } from './closed-leads-stamp';
import { getCompiled, qb, runCompiled } from './sql';

/** The columns of a leads row that decide its open load. */
interface LoadColumns {
  readonly owner_id: string | null;
  readonly stage: string;
  readonly is_history: number;
  readonly deleted_at: number | null;
}

export function loadFactsOf(row: LoadColumns): OpenLoadFacts {
  return {
    ownerId: row.owner_id,
    stage: row.stage as FunnelStage,
    isHistory: row.is_history === 1,
    isDeleted: row.deleted_at !== null,
  };
}

/** Compiled once: every owner or stage write reads the row's facts before it. */
const LOAD_FACTS_SQL = qb
  .selectFrom('leads')
  .select(['owner_id', 'stage', 'is_history', 'deleted_at'])
  .where('id', '=', '')
  .compile().sql;

/** The facts of a stored lead (deleted ones too), or null when there is no such row. */
export function readLoadFacts(db: Database, leadId: string): OpenLoadFacts | null {
  const row = getCompiled<LoadColumns>(db, LOAD_FACTS_SQL, [leadId]);
  return row === undefined ? null : loadFactsOf(row);
}

const ADD_OPEN_LOAD_SQL = qb
  .insertInto('rep_open_loads')
  .values({ rep_id: '', open_count: 1 })
  .onConflict((oc) => oc.column('rep_id').doUpdateSet({ open_count: sql`open_count + 1` }))
  .compile().sql;

// Never below zero: a count that drifted (a row written around the repositories) must not go negative.
const REMOVE_OPEN_LOAD_SQL = qb
  .updateTable('rep_open_loads')
  .set({ open_count: sql`max(0, open_count - 1)` })
  .where('rep_id', '=', '')
  .compile().sql;

/**
 * Moves the open loads for one lead changing from `before` to `after` (null: absent). Call in the transaction of
 * the write, with the facts read before it.
 */
export function applyOpenLoadChange(
  db: Database,
  before: OpenLoadFacts | null,
  after: OpenLoadFacts | null,
): void {
  // Every lead write passes here: a cached rep–lead fit learns from it that the closed leads may have moved.
  noteLeadWrite(db, before, after);
  for (const [repId, step] of openLoadDelta(before, after)) {
    if (step > 0) runCompiled(db, ADD_OPEN_LOAD_SQL, [repId, 1]);
    else runCompiled(db, REMOVE_OPEN_LOAD_SQL, [repId]);
  }
}

const DISTRIBUTION_SETTINGS_KEY = 'distribution.settings';
const DISTRIBUTION_SETTINGS_SQL = qb
  .selectFrom('settings')
  .select('value_json')
  .where('key', '=', DISTRIBUTION_SETTINGS_KEY)
  .compile().sql;

/** The last distribution settings text seen and its offset, so a run of assignments parses it once. */
const offsetCache = new WeakMap<Database, { json: string; offset: number }>();

/** The workspace's UTC offset for daily caps: the distribution settings', else China's. */
function distributionUtcOffsetMinutes(db: Database): number {
  const json = getCompiled<{ value_json: string }>(db, DISTRIBUTION_SETTINGS_SQL, [
    DISTRIBUTION_SETTINGS_KEY,
  ])?.value_json;
  if (json === undefined) return DEFAULT_UTC_OFFSET_MINUTES;
  const cached = offsetCache.get(db);
  if (cached?.json === json) return cached.offset;
  const value = (JSON.parse(json) as { utcOffsetMinutes?: unknown }).utcOffsetMinutes;
  const offset = typeof value === 'number' ? value : DEFAULT_UTC_OFFSET_MINUTES;
  offsetCache.set(db, { json, offset });
  return offset;
}

const COUNT_DAY_SQL = qb
  .insertInto('rep_day_counts')
  .values({ rep_id: '', day: 0, n: 1 })
  .onConflict((oc) => oc.columns(['rep_id', 'day']).doUpdateSet({ n: sql`n + 1` }))
  .compile().sql;

/** Counts one lead handed to `repId` at `at` on its local day (the offset in force when it is handed). */
export function countAssignmentDay(db: Database, repId: string | null, at: number): void {
  if (repId === null) return;
  runCompiled(db, COUNT_DAY_SQL, [repId, localDayNumber(at, distributionUtcOffsetMinutes(db)), 1]);
}

// The Dashboard's arrivals kept per local day (migrations 0026, 0027): a day's rows, once counted, are stored and read
// back until a lead created that day changes, is deleted (the table's triggers drop the day) or is added (the day's
// count of leads moves), so a Dashboard load counts only the days whose leads changed since it was last asked for.
// Counting a day's arrivals costs SQLite about a microsecond a lead (its GROUP BY sorts them); checking a kept day,
// a range count of its leads (~50 ns a lead) and a few rows of JSON.
import type { Database } from 'better-sqlite3';
import { DAY_MS } from '../domain/clock';
import { getCompiled, qb, runCompiled, selectAll } from './sql';

export interface ArrivalRow {
  readonly day: number;
  readonly grade: string | null;
  readonly source: string | null;
  /** Main-path rank (raw 0 … won 4) of the furthest stage these leads reached, for the funnel flow. */
  readonly furthest: number;
  readonly arrived: number;
  readonly won: number;
  readonly lost: number;
  readonly recycled: number;
  readonly neverContacted: number;
  /** Leads lost, recycled or never contacted (each lead once). */
  readonly anyLoss: number;
  readonly costFen: number;
  readonly revenueFen: number;
}

/**
 * What a kept day's rows mean: raise it whenever countArrivals counts differently, and every day kept before is
 * counted again rather than read.
 */
export const ARRIVAL_ROWS_VERSION = 1;

/** A kept row as stored: these fields in this order (a day's rows are short arrays, not objects with names). */
const STORED_FIELDS = [
  'grade',
  'source',
  'furthest',
  'arrived',
  'won',
  'lost',
  'recycled',
  'neverContacted',
  'anyLoss',
  'costFen',
  'revenueFen',
] as const satisfies readonly Exclude<keyof ArrivalRow, 'day'>[];

type StoredRow = ArrivalRow[(typeof STORED_FIELDS)[number]][];

const storedOf = (row: ArrivalRow): StoredRow => STORED_FIELDS.map((field) => row[field]);

/** `stored` read back: destructured whole, the fastest way V8 has to make ~9k rows a Dashboard load. */
function rowOf(day: number, stored: StoredRow): ArrivalRow {
  const [
    grade,
    source,
    furthest,
    arrived,
    won,
    lost,
    recycled,
    neverContacted,
    anyLoss,
    costFen,
    revenueFen,
  ] = stored as [string | null, string | null, ...number[]];
  return {
    day,
    grade,
    source,
    furthest,
    arrived,
    won,
    lost,
    recycled,
    neverContacted,
    anyLoss,
    costFen,
    revenueFen,
  } as ArrivalRow;
}

const keyOf = (from: number, to: number) => `${from}:${to}`;

interface KeptDay {
  readonly rowsJson: string;
  readonly leadCount: number;
}

/** The kept days starting in [from, to), by `from:to`, of the current version. */
function readKeptDays(db: Database, from: number, to: number): Map<string, KeptDay> {
  const rows = selectAll(
    db,
    qb
      .selectFrom('arrival_days')
      .select(['from_at', 'to_at', 'rows_json', 'lead_count'])
      .where('from_at', '>=', from)
      .where('from_at', '<', to)
      .where('version', '=', ARRIVAL_ROWS_VERSION),
  );
  return new Map(
    rows.map((row) => [
      keyOf(row.from_at, row.to_at),
      { rowsJson: row.rows_json, leadCount: row.lead_count },
    ]),
  );
}

/** Parameters: from, to. Every lead created in [from, to), of any kind: a range of the covering leads_cohort. */
const LEADS_CREATED_SQL = qb
  .selectFrom('leads')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('created_at', '>=', 0)
  .where('created_at', '<', 0)
  .compile().sql;

/** How many leads, deleted and past ones too, were created in [from, to). */
export function countLeadsCreated(db: Database, from: number, to: number): number {
  return getCompiled<{ n: number }>(db, LEADS_CREATED_SQL, [from, to])?.n ?? 0;
}

/** Parameters: from, to, version, rows, lead count. */
const KEEP_DAY = qb
  .insertInto('arrival_days')
  .values({ from_at: 0, to_at: 0, version: 0, rows_json: '', lead_count: 0 })
  .onConflict((oc) =>
    oc.columns(['from_at', 'to_at']).doUpdateSet((eb) => ({
      version: eb.ref('excluded.version'),
      rows_json: eb.ref('excluded.rows_json'),
      lead_count: eb.ref('excluded.lead_count'),
    })),
  )
  .compile();

/**
 * Keeps the days counted. Best effort: a database that cannot be written (read-only file, another writer holding
 * the lock) only means the days are counted again next time.
 */
function keepDays(
  db: Database,
  days: readonly { from: number; to: number; rows: StoredRow[]; leadCount: number }[],
): void {
  if (db.readonly || days.length === 0) return;
  try {
    db.transaction(() => {
      for (const day of days)
        runCompiled(db, KEEP_DAY.sql, [
          day.from,
          day.to,
          ARRIVAL_ROWS_VERSION,
          JSON.stringify(day.rows),
          day.leadCount,
        ]);
    })();
  } catch {
    // Kept next time the database can be written.
  }
}

/**
 * The arrival rows of each of `days` (local days [from, to), in order, as localDaysOf cuts them), read from the kept
 * days and counted by `count` for the others, which are then kept. `count` answers rows whose `day` is the local day
 * number of the range they belong to (the offset numbers them). Rows come in day order, as counted.
 */
export function arrivalsByDay(
  db: Database,
  days: readonly (readonly [number, number])[],
  utcOffsetMinutes: number,
  count: (missing: readonly (readonly [number, number])[]) => readonly ArrivalRow[],
): ArrivalRow[] {
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined) return [];
  const offset = utcOffsetMinutes * 60_000;
  const dayNumberOf = (from: number) => Math.floor((from + offset) / DAY_MS);
  const kept = readKeptDays(db, first[0], last[1]);
  const leadCounts = new Map(days.map(([from, to]) => [from, countLeadsCreated(db, from, to)]));
  // The kept days still right, by their start: a day whose count of leads moved had a lead inserted since (a change
  // or a delete drops the day).
  const current = new Map<number, KeptDay>();
  for (const [from, to] of days) {
    const day = kept.get(keyOf(from, to));
    if (day !== undefined && day.leadCount === leadCounts.get(from)) current.set(from, day);
  }
  const missing = days.filter(([from]) => !current.has(from));
  const counted = new Map<number, ArrivalRow[]>(missing.map(([from]) => [dayNumberOf(from), []]));
  for (const row of count(missing)) counted.get(row.day)?.push(row);
  keepDays(
    db,
    missing.map(([from, to]) => ({
      from,
      to,
      rows: (counted.get(dayNumberOf(from)) ?? []).map(storedOf),
      leadCount: leadCounts.get(from) ?? 0,
    })),
  );
  const rows: ArrivalRow[] = [];
  for (const [from] of days) {
    const day = dayNumberOf(from);
    const keptDay = current.get(from);
    if (keptDay === undefined) rows.push(...(counted.get(day) ?? []));
    else for (const stored of JSON.parse(keptDay.rowsJson) as StoredRow[]) rows.push(rowOf(day, stored));
  }
  return rows;
}

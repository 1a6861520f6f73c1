// Kysely as a typed query builder only, executed synchronously on better-sqlite3 so one user action is one
// short, synchronous transaction (https://kysely.dev/docs/recipes/splitting-query-building-and-execution).
import { DummyDriver, Kysely, sql, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { Compilable, Insertable, Selectable } from 'kysely';
import type { Database, Statement } from 'better-sqlite3';
import type { Schema } from './schema';

/**
 * Writes each parameter as `+?`, not `?`. While planning, SQLite notes a parameter whose value it looked at (a LIMIT,
 * a flag a partial index compares, an equality under an ORDER BY or min()/max()), and better-sqlite3 clears the
 * bindings after every run, which expires a statement with a noted parameter: it was prepared again on every run
 * (counted with SQLite's own counter: test/unit/store/statement-reprepares.test.ts). SQLite looks through a unary plus
 * to use an index (`lead_id = +?` seeks as `lead_id = ?` does) but not to plan with a value; the plus changes no value
 * and no affinity (a parameter has none either way). Values worth planning with are written as literals (`sql.lit`).
 */
class UnplannedParameterCompiler extends SqliteQueryCompiler {
  protected override getCurrentParameterPlaceholder(): string {
    return '+?';
  }
}

export const qb = new Kysely<Schema>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new UnplannedParameterCompiler(),
  },
});

const statementCache = new WeakMap<Database, Map<string, Statement>>();

function prepare(db: Database, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

export function selectAll<R>(db: Database, query: Compilable<R>): R[] {
  const { sql, parameters } = query.compile();
  return prepare(db, sql).all(...(parameters as unknown[])) as R[];
}

export function selectFirst<R>(db: Database, query: Compilable<R>): R | undefined {
  const { sql, parameters } = query.compile();
  return prepare(db, sql).get(...(parameters as unknown[])) as R | undefined;
}

export function execute(db: Database, query: Compilable<unknown>): number {
  const { sql, parameters } = query.compile();
  return prepare(db, sql).run(...(parameters as unknown[])).changes;
}

/**
 * Runs SQL text compiled once (e.g. from `qb` at module load) with fresh parameters, for statements on every
 * call's path where compiling the builder per call showed in profiles.
 */
export function runCompiled(db: Database, sql: string, parameters: readonly unknown[]): number {
  return prepare(db, sql).run(...parameters).changes;
}

/**
 * A statement of its own for `query` (not shared through the cache): for SQL that names a table of one import batch
 * and runs thousands of times while the batch lasts. Parameters bind in the compiled order.
 */
export function prepareQuery(db: Database, query: Compilable<unknown>): Statement {
  return db.prepare(query.compile().sql);
}

/** Runs `query` once with a statement of its own (SQL that names a table of one import batch); returns changes. */
export function executeOnce(db: Database, query: Compilable<unknown>): number {
  const { sql, parameters } = query.compile();
  return db.prepare(sql).run(...(parameters as unknown[])).changes;
}

/** Marker bounds allOverRanges compiles with; no real bound is a negative fraction of a millisecond. */
const FROM_MARK = -0.25;
const TO_MARK = -0.75;

/**
 * The rows of `build(from, to)` for each [from, to) of `ranges`, in range order: compiled and prepared once, the
 * bounds found among its parameters by marker values and replaced per range (compiling per range cost more than
 * the runs). Each bound must be one parameter of the compiled query.
 */
export function allOverRanges<R>(
  db: Database,
  build: (from: number, to: number) => Compilable<R>,
  ranges: readonly (readonly [number, number])[],
): R[] {
  const { sql, parameters } = build(FROM_MARK, TO_MARK).compile();
  const fromAt = parameters.indexOf(FROM_MARK);
  const toAt = parameters.indexOf(TO_MARK);
  if (
    fromAt < 0 ||
    toAt < 0 ||
    parameters.lastIndexOf(FROM_MARK) !== fromAt ||
    parameters.lastIndexOf(TO_MARK) !== toAt
  )
    throw new Error('allOverRanges: each bound must be one parameter of the query');
  const statement = prepare(db, sql);
  const bound = [...parameters];
  const rows: R[] = [];
  for (const [from, to] of ranges) {
    bound[fromAt] = from;
    bound[toAt] = to;
    for (const row of statement.all(...bound) as R[]) rows.push(row);
  }
  return rows;
}

/** Like `runCompiled`, for a query answering at most one row. */
export function getCompiled<R>(db: Database, sql: string, parameters: readonly unknown[]): R | undefined {
  return prepare(db, sql).get(...parameters) as R | undefined;
}

/** Like `runCompiled`, for a query answering any number of rows. */
export function allCompiled<R>(db: Database, sql: string, parameters: readonly unknown[]): R[] {
  return prepare(db, sql).all(...parameters) as R[];
}

/** Like `allCompiled`, each row as an array of its columns in order (no object per row). */
export function allRawCompiled<R extends readonly unknown[]>(
  db: Database,
  sql: string,
  parameters: readonly unknown[],
): R[] {
  return prepare(db, sql)
    .raw(true)
    .all(...parameters) as R[];
}

const insertSqlCache = new Map<string, string>();

/**
 * Inserts one row, compiling the INSERT once per table and column list (columns set to undefined are left out,
 * as kysely does) instead of per call.
 */
export function insertRow<T extends keyof Schema & string>(
  db: Database,
  table: T,
  row: Insertable<Schema[T]>,
): number {
  const entries = Object.entries(row).filter(([, value]) => value !== undefined);
  const key = `${table}\u0000${entries.map(([column]) => column).join(',')}`;
  let text = insertSqlCache.get(key);
  if (text === undefined) {
    text = qb
      .insertInto(table)
      .values(row as never)
      .compile().sql;
    insertSqlCache.set(key, text);
  }
  return prepare(db, text).run(...entries.map(([, value]) => value as unknown)).changes;
}

/** Runs `fn` in one IMMEDIATE transaction (the writer lock is taken up front, so no upgrade deadlock). */
export function inTransaction<T>(db: Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/** The leads' indexes a query pins (see leadsIndexedBy). */
export type LeadsIndex = 'leads_board' | 'leads_closed' | 'leads_closures' | 'leads_cohort';

/**
 * `leads` read through one index, for `selectFrom`: INDEXED BY inside a subquery SQLite flattens pins the plan where
 * it chose worse without statistics (which the app never gathers); a bad name fails the query, and its plan test.
 */
export function leadsIndexedBy(index: LeadsIndex) {
  return sql<Selectable<Schema['leads']>>`(SELECT * FROM leads INDEXED BY ${sql.raw(index)})`.as('leads');
}

/**
 * `leads` read in table order, for `selectFrom`: NOT INDEXED inside a subquery SQLite flattens, where a pass over
 * most leads reads them faster in order than through an index and a look-up per lead.
 */
export function leadsInTableOrder() {
  return sql<Selectable<Schema['leads']>>`(SELECT * FROM leads NOT INDEXED)`.as('leads');
}

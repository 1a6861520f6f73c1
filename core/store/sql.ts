// Kysely as a typed query builder only, executed synchronously on better-sqlite3 so one user action is one
// short, synchronous transaction (https://kysely.dev/docs/recipes/splitting-query-building-and-execution).
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { Compilable } from 'kysely';
import type { Database, Statement } from 'better-sqlite3';
import type { Schema } from './schema';

export const qb = new Kysely<Schema>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
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

/** Runs `fn` in one IMMEDIATE transaction (the writer lock is taken up front, so no upgrade deadlock). */
export function inTransaction<T>(db: Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}

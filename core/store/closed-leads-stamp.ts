// A stamp of the closed (won/lost) leads that moves on every write that may change them, read without touching
// them: this connection's writes are counted where the repositories move open loads (every write of a lead's
// owner, stage or deletion, and every insert, goes through applyOpenLoadChange) and where an import moves leads in
// bulk; another connection's commits move SQLite's data_version. Equal stamps: the closed leads are as they were.
import type { Database } from 'better-sqlite3';
import type { OpenLoadFacts } from '../domain/sla/open-load';
import { getCompiled } from './sql';

const writes = new WeakMap<Database, number>();

/** Notes a write on this connection that may have added, changed or removed closed leads (or a rollback of one). */
export function markClosedLeadsChanged(db: Database): void {
  writes.set(db, (writes.get(db) ?? 0) + 1);
}

function isClosed(facts: OpenLoadFacts | null): boolean {
  return facts !== null && (facts.stage === 'won' || facts.stage === 'lost');
}

/** Notes a lead written from `before` to `after` (null: absent) when either side is a closed lead. */
export function noteLeadWrite(db: Database, before: OpenLoadFacts | null, after: OpenLoadFacts | null): void {
  if (isClosed(before) || isClosed(after)) markClosedLeadsChanged(db);
}

const DATA_VERSION_SQL = 'PRAGMA data_version';

/** Microseconds to read; differs from an earlier read whenever the closed leads may have changed in between. */
export function readClosedLeadsStamp(db: Database): string {
  const version = getCompiled<{ data_version: number }>(db, DATA_VERSION_SQL, [])?.data_version ?? 0;
  return `${version}:${writes.get(db) ?? 0}`;
}

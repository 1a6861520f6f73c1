// Migration 0020: drops pool_claims_rep (rep_id, at). Nothing reads a rep's claims across pools by time any more (a
// rep's daily count is per pool, through pool_claims_rep_pool, whose rep_id prefix also serves the foreign key to
// reps), and every claim wrote a page of it: ~4 KB of WAL a won claim, 78 -> 74 KB on the claim bench's workspace.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion20(db: Database): void {
  db.exec('DROP INDEX IF EXISTS pool_claims_rep');
}

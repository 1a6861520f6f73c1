// Migration 0026: the Dashboard's arrivals kept per local day (core/store/arrival-days.ts). A day's counted rows are
// stored once counted, keyed by the day's [from_at, to_at) in epoch ms, and dropped here, by triggers, whenever a lead
// created in that day is inserted, deleted, or changed in a column the rows count. The triggers hold no business
// rule, only which rows went stale: what the rows count stays in code (dashboard-kpi.ts), and any write path, raw
// SQL included, keeps the kept days honest. A day is never longer than 86,400,000 ms (days are cut at the
// workspace's local midnights), which bounds each trigger's lookup to the one or two days that could hold the lead.
import type { Database } from 'better-sqlite3';

/** The columns of `leads` countArrivals' rows depend on (test/unit/store/arrival-days.test.ts changes every column). */
const COUNTED_COLUMNS = [
  'created_at',
  'is_history',
  'deleted_at',
  'grade',
  'source',
  'stage',
  'cost_fen',
  'won_amount_fen',
  'is_recycled',
  'has_follow_up',
  'history_rank',
];

const dropDayOf = (at: string) =>
  `DELETE FROM arrival_days WHERE from_at > ${at} - 86400000 AND from_at <= ${at} AND to_at > ${at};`;

export function updateToSchemaVersion26(db: Database): void {
  db.exec(`
    CREATE TABLE arrival_days (
      from_at INTEGER NOT NULL,
      to_at INTEGER NOT NULL,
      version INTEGER NOT NULL,
      rows_json TEXT NOT NULL,
      PRIMARY KEY (from_at, to_at)
    ) STRICT;
    CREATE TRIGGER leads_arrival_days_insert AFTER INSERT ON leads
      BEGIN ${dropDayOf('NEW.created_at')} END;
    CREATE TRIGGER leads_arrival_days_delete AFTER DELETE ON leads
      BEGIN ${dropDayOf('OLD.created_at')} END;
    CREATE TRIGGER leads_arrival_days_update AFTER UPDATE OF ${COUNTED_COLUMNS.join(', ')} ON leads
      WHEN ${COUNTED_COLUMNS.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')}
      BEGIN ${dropDayOf('OLD.created_at')} ${dropDayOf('NEW.created_at')} END;
  `);
}

// Migration 0021: the inputs of a lead's SLA clock kept on the lead (core/store/clock-facts.ts keeps them where
// follow-ups and assignments are written): its latest follow-up's time, and its latest hand-over's time and rep; and,
// derived from them by SQLite (virtual, never written), which clock runs (clock_kind: 0 first contact, 1 follow-up,
// 2 look it up: the latest hand-over went to someone other than the owner now) and from when (clock_start).
// leads_clock, rebuilt on those, makes the Dashboard's overdue count a few index ranges (one per clock and grade, up
// to that grade's latest overdue start) with no per-lead lookup or expression. leads_board (by stage) also carries
// is_history, owner_id, source and deleted_at, so the live leads per stage are counted from it in stage order,
// covering, with no sort. Backfilled from the raw tables.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion21(db: Database): void {
  db.exec(`
    ALTER TABLE leads ADD COLUMN last_follow_up_at INTEGER;
    ALTER TABLE leads ADD COLUMN last_assigned_at INTEGER;
    ALTER TABLE leads ADD COLUMN last_assigned_rep TEXT;
    UPDATE leads SET last_follow_up_at = f.at
      FROM (SELECT lead_id, max(at) AS at FROM follow_ups GROUP BY lead_id) AS f
      WHERE f.lead_id = leads.id;
    UPDATE leads SET last_assigned_at = a.at, last_assigned_rep = a.rep_id
      FROM (SELECT lead_id, at, rep_id,
              row_number() OVER (PARTITION BY lead_id ORDER BY at DESC, rowid DESC) AS n FROM assignments) AS a
      WHERE a.lead_id = leads.id AND a.n = 1;

    ALTER TABLE leads ADD COLUMN clock_kind INTEGER GENERATED ALWAYS AS (CASE
      WHEN last_assigned_rep IS NOT owner_id THEN 2 WHEN last_follow_up_at >= last_assigned_at THEN 1 ELSE 0 END) VIRTUAL;
    ALTER TABLE leads ADD COLUMN clock_start INTEGER GENERATED ALWAYS AS (CASE
      WHEN last_follow_up_at >= last_assigned_at THEN last_follow_up_at ELSE last_assigned_at END) VIRTUAL;

    DROP INDEX leads_clock;
    CREATE INDEX leads_clock ON leads (clock_kind, grade, clock_start, owner_id, source, stage, is_history,
      deleted_at, id)
      WHERE owner_id IS NOT NULL AND is_history = 0 AND deleted_at IS NULL
        AND stage NOT IN ('won', 'lost', 'nurture');
    DROP INDEX leads_board;
    CREATE INDEX leads_board ON leads (stage, score DESC, id, is_history, owner_id, source, deleted_at)
      WHERE deleted_at IS NULL;
  `);
}

// Migration 0021: the inputs of a lead's SLA clock kept on the lead (core/store/kpi-facts.ts keeps them where
// follow-ups and assignments are written): its latest follow-up's time, and its latest hand-over's time and rep. The
// Dashboard's overdue count then reads one covering index of the leads on a clock (leads_clock, rebuilt with those
// columns) instead of looking up the owner's latest assignment and the latest follow-up per lead; a lead whose
// latest hand-over went to someone other than its owner now is looked up as before. leads_board (by stage) also
// carries is_history, owner_id, source and deleted_at, so the live leads per stage are counted from it in stage order, without
// a sort or a row read. Backfilled from the raw tables.
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

    DROP INDEX leads_clock;
    CREATE INDEX leads_clock ON leads (owner_id, grade, last_assigned_rep, last_assigned_at, last_follow_up_at,
      source, stage, is_history, deleted_at, id)
      WHERE owner_id IS NOT NULL AND is_history = 0 AND deleted_at IS NULL
        AND stage NOT IN ('won', 'lost', 'nurture');
    DROP INDEX leads_board;
    CREATE INDEX leads_board ON leads (stage, score DESC, id, is_history, owner_id, source, deleted_at)
      WHERE deleted_at IS NULL;
  `);
}

// Migration 0016: what the Dashboard's period figures recomputed per lead and per hand-over on every load, kept where
// the facts are written (core/store/kpi-facts.ts): on a lead, whether it has a follow-up, was ever recycled and the
// furthest main-path rank its stage history reached; on an assignment, the grade it was given at and its rep's first
// follow-up after it. Covering indexes for the period scans, each replacing the index it starts with (leads_cohort
// leads_created, assignments_period assignments_at, stage_history_stays stage_history_lead), so writes (an import's
// 100k leads) maintain one index where they maintained one. Backfilled from the raw tables.
import type { Database } from 'better-sqlite3';

/** Main-path rank of a stage (raw 0 … won 4; side stages 0), as core/store/kpi-facts.ts ranks them. */
const RANK_OF_TO_STAGE = `CASE h.to_stage WHEN 'won' THEN 4 WHEN 'opportunity' THEN 3 WHEN 'sql' THEN 2
  WHEN 'mql' THEN 1 ELSE 0 END`;

/** The assignment's own columns: history stays append-only for them; the kept facts may be recomputed. */
const APPEND_ONLY_COLUMNS = 'id, lead_id, rep_id, kind, rule_id, reason, explanation_json, actor, at';

export function updateToSchemaVersion16(db: Database): void {
  db.exec(`
    ALTER TABLE leads ADD COLUMN has_follow_up INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE leads ADD COLUMN is_recycled INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE leads ADD COLUMN history_rank INTEGER NOT NULL DEFAULT 0;
    UPDATE leads SET has_follow_up = 1 WHERE id IN (SELECT lead_id FROM follow_ups);
    UPDATE leads SET is_recycled = 1 WHERE id IN (SELECT lead_id FROM lead_recycles);
    UPDATE leads SET history_rank = (SELECT max(${RANK_OF_TO_STAGE}) FROM stage_history AS h WHERE h.lead_id = leads.id)
      WHERE id IN (SELECT lead_id FROM stage_history AS h WHERE ${RANK_OF_TO_STAGE} > 0);

    DROP TRIGGER assignments_no_update;
    ALTER TABLE assignments ADD COLUMN grade_then TEXT;
    ALTER TABLE assignments ADD COLUMN first_contact_at INTEGER;
    UPDATE assignments SET
      grade_then = CASE WHEN json_type(explanation_json, '$.grade') IS NULL
        THEN (SELECT l.grade FROM leads AS l WHERE l.id = assignments.lead_id)
        ELSE json_extract(explanation_json, '$.grade') END,
      first_contact_at = (SELECT min(f.at) FROM follow_ups AS f
        WHERE f.lead_id = assignments.lead_id AND f.rep_id = assignments.rep_id AND f.at >= assignments.at);
    CREATE TRIGGER assignments_no_update BEFORE UPDATE OF ${APPEND_ONLY_COLUMNS} ON assignments
      BEGIN SELECT RAISE(ABORT, 'assignment history is append-only'); END;

    DROP INDEX leads_created;
    CREATE INDEX leads_cohort ON leads (created_at, is_history, deleted_at, owner_id, source, grade, stage, cost_fen,
      won_amount_fen, has_follow_up, is_recycled, history_rank, id);
    CREATE INDEX leads_deleted ON leads (id) WHERE deleted_at IS NOT NULL;
    CREATE INDEX leads_closures ON leads (coalesce(closed_at, updated_at), stage, grade, score, won_amount_fen,
      owner_id, source, deleted_at, closed_at, updated_at) WHERE deleted_at IS NULL AND stage IN ('won', 'lost');
    DROP INDEX assignments_at;
    CREATE INDEX assignments_period ON assignments (at, rep_id, lead_id, kind, grade_then, first_contact_at);
    DROP INDEX stage_history_lead;
    CREATE INDEX stage_history_stays ON stage_history (lead_id, at, id, from_stage);
  `);
}

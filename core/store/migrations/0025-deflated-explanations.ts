// Migration 0025: an assignment's explanation, once long, is kept deflated (core/store/explanation-codec.ts): a
// full one (every rep, every rule passed) was ~9 KB a hand-over with 50 reps, ten times the lead it explains. The
// table is STRICT and referenced by fairness receipts, so the text column stays (then '') and a BLOB column is added
// beside it, rather than rebuilding the table under its foreign keys. The two facts SQL read out of the JSON — the
// engine's method (the assignment log's filter) and a recycle's reason (a rep's release is not a recycle by a rule)
// — become columns, written with the row. Existing rows are backfilled and their long explanations deflated here.
import type { Database } from 'better-sqlite3';
import { deflateRawSync } from 'node:zlib';

/** As explanation-codec.ts had it when this shipped: JSON text at least this long is deflated. */
const DEFLATE_FROM_LENGTH = 512;
const BATCH = 1_000;

export function updateToSchemaVersion25(db: Database): void {
  db.exec(`
    DROP TRIGGER assignments_no_update;
    ALTER TABLE assignments ADD COLUMN explanation_deflated BLOB;
    ALTER TABLE assignments ADD COLUMN method TEXT;
    ALTER TABLE assignments ADD COLUMN recycle_reason TEXT;
    UPDATE assignments SET
      method = CASE WHEN json_type(explanation_json, '$.method') = 'text'
        THEN json_extract(explanation_json, '$.method') END,
      recycle_reason = CASE WHEN kind = 'recycle' AND json_type(explanation_json, '$.reason') = 'text'
        THEN json_extract(explanation_json, '$.reason') END
      WHERE json_valid(explanation_json);
  `);
  const longRows = db.prepare<[number, number, number], { rowid: number; json: string }>(
    `SELECT rowid, explanation_json AS json FROM assignments
     WHERE rowid > ? AND length(explanation_json) >= ? ORDER BY rowid LIMIT ?`,
  );
  const deflate = db.prepare<[Buffer, number]>(
    "UPDATE assignments SET explanation_json = '', explanation_deflated = ? WHERE rowid = ?",
  );
  let after = 0;
  for (;;) {
    const rows = longRows.all(after, DEFLATE_FROM_LENGTH, BATCH);
    for (const row of rows) deflate.run(deflateRawSync(row.json), row.rowid);
    const last = rows.at(-1);
    if (last === undefined) break;
    after = last.rowid;
  }
  db.exec(`
    CREATE TRIGGER assignments_no_update BEFORE UPDATE OF id, lead_id, rep_id, kind, rule_id, reason,
      explanation_json, explanation_deflated, method, recycle_reason, actor, at ON assignments
      BEGIN SELECT RAISE(ABORT, 'assignment history is append-only'); END;
  `);
}

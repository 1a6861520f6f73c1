// Schema version 11: the reps' monthly satisfaction pulse ("How fair was lead distribution this month? 1–5").
// One answer per rep per month (answering again replaces it); rep_id is kept only for that rule and for "have I
// answered", and the API never shows it to the team lead unless the rep signed the answer.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion11(db: Database): void {
  db.exec(`
    CREATE TABLE pulse_answers (
      id TEXT PRIMARY KEY,
      month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
      rep_id TEXT NOT NULL,
      score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
      comment TEXT,
      is_signed INTEGER NOT NULL CHECK (is_signed IN (0, 1)),
      answered_at INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX pulse_answers_month_rep ON pulse_answers (month, rep_id);
  `);
}

// Migration 0027: a kept arrival day (migration 0026) notices a lead inserted into it by its count of leads instead of
// a trigger. The insert trigger ran a sub-program for every lead written (~3 µs each: 0.2–0.3 s of a 100k-row
// import, measured alternately with and without it); now a kept day records how many leads, of any kind, were created
// in it when it was counted, and a Dashboard load counts each kept day's leads again (one range count a day, ~5 ms for
// 100k leads) and recounts a day whose number moved. Deletes and changes still drop a day by their triggers: an insert
// can only raise a day's count, and a lead moved out of a day or deleted drops that day. Days kept before are dropped
// (they would read as counted with no leads).
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion27(db: Database): void {
  db.exec(`
    DROP TRIGGER leads_arrival_days_insert;
    DELETE FROM arrival_days;
    ALTER TABLE arrival_days ADD COLUMN lead_count INTEGER NOT NULL DEFAULT 0;
  `);
}

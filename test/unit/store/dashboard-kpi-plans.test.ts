// The KPI row's period queries read the covering indexes of migration 0016, with no ANALYZE statistics (the app
// never gathers them): arrivals from leads_cohort, closures from leads_closures, hand-overs from assignments_period,
// deleted leads from leads_deleted, stage stays from stage_history_cohort (migration 0022; filtered: stage_history_stays)
// — not the wide rows one lookup at a time.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  countArrivals,
  sumArrivals,
  sumClosures,
  countClosures,
  countClosuresByOwner,
  listResponses,
} from '../../../core/store/dashboard-kpi';
import { listHandOvers } from '../../../core/store/dashboard-handovers';
import { sumStageStays } from '../../../core/store/dashboard-stays';
import { countReceipts } from '../../../core/store/fairness-receipts';
import { openDatabase } from '../../../core/store/open-database';
import { useTempDir } from '../../helpers/temp-dir';

/** The plan of every statement `run` prepares, as SQLite's EXPLAIN QUERY PLAN details joined by " | ". */
function plansOf(db: Database, run: () => void): string {
  const texts: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((text: string) => {
    texts.push(text);
    return prepare(text);
  }) as typeof db.prepare;
  try {
    run();
  } finally {
    db.prepare = prepare;
  }
  return texts
    .map((text) => {
      const parameters = Array.from({ length: (text.match(/\?/g) ?? []).length }, () => null);
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...parameters) as { detail: string }[];
      return rows.map((row) => row.detail).join(' | ');
    })
    .join(' || ');
}

const PERIOD = { from: 0, to: 1_000, utcOffsetMinutes: 480 };

describe('the KPI row’s query plans', () => {
  const tempDir = useTempDir();
  let db: Database;

  function open(): Database {
    db = openDatabase(join(tempDir(), 'kpi.sqlite'));
    db.exec(`
      INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES ('r1', '销售', 'mid', '2025-01-01', 0, 0);
      INSERT INTO leads (id, name, stage, owner_id, grade, source, created_at, updated_at, closed_at)
        VALUES ('l1', '客户', 'won', 'r1', 'A', '官网', 10, 20, 20), ('l2', '客户', 'mql', 'r1', 'B', '官网', 30, 30, NULL);
      INSERT INTO assignments (id, lead_id, rep_id, kind, actor, at) VALUES ('a1', 'l1', 'r1', 'auto', 't', 11);
      INSERT INTO stage_history (id, lead_id, from_stage, to_stage, actor, at) VALUES ('h1', 'l1', 'raw', 'won', 't', 20);
    `);
    return db;
  }

  it('reads arrivals, closures, hand-overs and stays from their covering indexes', () => {
    open();
    try {
      expect(plansOf(db, () => countArrivals(db, PERIOD, {}))).toMatch(/COVERING INDEX leads_cohort/);
      expect(plansOf(db, () => countClosures(db, PERIOD, {}))).toMatch(/COVERING INDEX leads_closures/);
      // The period before, summed whole: the same indexes, no sort.
      expect(plansOf(db, () => sumArrivals(db, PERIOD, {}))).toMatch(
        /^SEARCH leads USING COVERING INDEX leads_cohort \(created_at>\? AND created_at<\?\)$/,
      );
      expect(plansOf(db, () => sumClosures(db, PERIOD, {}))).toMatch(
        /^SEARCH leads USING COVERING INDEX leads_closures \([^|]*\)$/,
      );
      expect(plansOf(db, () => countClosuresByOwner(db, PERIOD, {}))).toMatch(
        /COVERING INDEX leads_closures/,
      );
      const receipts = plansOf(db, () => countReceipts(db, 0, 1_000, 480));
      expect(receipts).toMatch(/COVERING INDEX assignments_period/);
      expect(receipts).toMatch(/leads_deleted/);
      expect(receipts).not.toMatch(/SEARCH l USING|autoindex_leads/);
      expect(plansOf(db, () => listResponses(db, PERIOD, {}))).toMatch(/COVERING INDEX assignments_period/);
      expect(plansOf(db, () => listHandOvers(db, PERIOD))).toMatch(/COVERING INDEX assignments_period/);
      const stays = plansOf(db, () => sumStageStays(db, PERIOD, {}));
      expect(stays).toMatch(
        /COVERING INDEX stage_history_cohort \(from_stage=\? AND lead_created_at>\? AND lead_created_at<\?\)/,
      );
      expect(stays).toMatch(/leads_deleted \(id=\?\)/);
      expect(stays).toMatch(/leads_history \(id=\?\)/);
      expect(stays).not.toMatch(/TEMP B-TREE|stage_history_stays|SCAN/);
      expect(plansOf(db, () => sumStageStays(db, PERIOD, { source: '官网' }))).toMatch(
        /COVERING INDEX stage_history_stays/,
      );
    } finally {
      db.close();
    }
  });
});

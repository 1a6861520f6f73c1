// The Dashboard's "Now" queries read no wide lead row: stage and arrival counts come from a covering index, and the
// overdue count reads ranges of leads_clock (migration 0021), one per clock and grade, with no scan of every lead; the
// leads whose hand-over is looked up come from their own range, and the open activities are walked outside.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/store/open-database';
import {
  countLiveLeadsCreated,
  countLiveLeadsPerStage,
  countOverdueClocks,
  type StartThresholds,
} from '../../../core/store/now-counts';
import { useTempDir } from '../../helpers/temp-dir';

/** The plan of every statement `run` prepares, as SQLite's EXPLAIN QUERY PLAN details joined by " | ". */
function plansOf(db: Database, run: () => void): string[] {
  const texts: string[] = [];
  const prepare = db.prepare.bind(db);
  const spy = ((text: string) => {
    texts.push(text);
    return prepare(text);
  }) as typeof db.prepare;
  db.prepare = spy;
  try {
    run();
  } finally {
    db.prepare = prepare;
  }
  return texts.map((text) => {
    const parameters = Array.from({ length: (text.match(/\?/g) ?? []).length }, () => null);
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...parameters) as { detail: string }[];
    return rows.map((row) => row.detail).join(' | ');
  });
}

describe('the Now counts’ query plans', () => {
  const tempDir = useTempDir();

  function seeded(): Database {
    const db = openDatabase(join(tempDir(), 'now.sqlite'));
    const rep = db.prepare(
      `INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES (?, ?, 'mid', '2025-01-01', 0, 0)`,
    );
    for (let r = 0; r < 4; r += 1) rep.run(`rep_${r}`, `销售${r}`);
    const lead = db.prepare(
      `INSERT INTO leads (id, name, stage, owner_id, grade, source, created_at, updated_at) VALUES (?, ?, ?, ?, 'B', '官网', ?, ?)`,
    );
    for (let i = 0; i < 200; i += 1) {
      lead.run(
        `lead_${i}`,
        `客户${i}`,
        i % 3 === 0 ? 'won' : 'mql',
        i % 10 === 0 ? null : `rep_${i % 4}`,
        i,
        i,
      );
    }
    db.exec('ANALYZE');
    return db;
  }

  it('counts leads per stage and arrivals from a covering index, and one rep’s through an index', () => {
    const db = seeded();
    const plans = plansOf(db, () => {
      countLiveLeadsPerStage(db, {});
      countLiveLeadsPerStage(db, { source: '官网' });
      countLiveLeadsCreated(db, 0, 100, {});
    });
    expect(plans).toHaveLength(3);
    for (const plan of plans) expect(plan).toMatch(/^(SCAN|SEARCH) leads USING COVERING INDEX/);
    const [onePlan] = plansOf(db, () => countLiveLeadsCreated(db, 0, 100, { repId: 'rep_1' }));
    expect(onePlan).toMatch(/^SEARCH leads USING (COVERING )?INDEX/);
    db.close();
  });

  it('counts overdue clocks from ranges of leads_clock, the looked-up leads apart, activities outside', () => {
    const db = seeded();
    const thresholds: StartThresholds = { A: 1, B: 2, C: 3, D: 4, ungraded: 5 };
    const plans = plansOf(db, () =>
      countOverdueClocks(db, { firstContact: thresholds, followUp: thresholds }, 1000, { tier: 'mid' }),
    );
    expect(plans).toHaveLength(3);
    const [ranges, lookedUp, activities] = plans as [string, string, string];
    const range = 'SEARCH leads USING INDEX leads_clock (clock_kind=? AND grade=? AND clock_start<?)';
    expect(ranges.split(range)).toHaveLength(11);
    expect(lookedUp).toContain('SEARCH leads USING INDEX leads_clock (clock_kind=?)');
    expect(activities).toMatch(/^CO-ROUTINE c \| SEARCH act /);
    for (const plan of plans) {
      expect(plan).not.toMatch(/SCAN leads/);
      expect(plan).not.toContain('TEMP B-TREE');
    }
    db.close();
  });
});

// The Dashboard's kept arrival days (arrival-days.ts, migrations 0026, 0027): after any write to a lead — each column of
// `leads` changed in turn, inserts, deletes, random sequences — countArrivals answers what counting every lead again
// answers, and both what this test's own arithmetic over the leads gives; and the counting query is pinned to the
// kept rows' version, so changing what is counted cannot leave days counted the old way read as the new.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRng } from '../../../core/domain/clock';
import { mainPathRankOf } from '../../../core/store/kpi-facts';
import { ARRIVAL_ROWS_VERSION, countLeadsCreated, type ArrivalRow } from '../../../core/store/arrival-days';
import {
  countArrivals,
  localDaysOf,
  type KpiFilter,
  type KpiPeriod,
} from '../../../core/store/dashboard-kpi';
import { openDatabase } from '../../../core/store/open-database';

const DAY = 86_400_000;
/** 2026-11-01 00:00 at UTC+8. */
const MIDNIGHT = Date.UTC(2026, 9, 31, 16);
const PERIOD: KpiPeriod = { from: MIDNIGHT, to: MIDNIGHT + 10 * DAY, utcOffsetMinutes: 480 };
const STAGES = ['raw', 'mql', 'sql', 'opportunity', 'won', 'lost', 'nurture'];
const SOURCES = ['官网', '展会', null];
const GRADES = ['A', 'B', 'C', 'D', null];

let dir: string;
let db: Database;

function seedLeads(count: number, seed: number): void {
  const rng = createRng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
  db.prepare(
    `INSERT INTO reps (id, name, tier, cap_open, joined_on, created_at, updated_at) VALUES ('r1', '甲', 'mid', 50, '2026-01-05', 0, 0)`,
  ).run();
  const insert = db.prepare(
    `INSERT INTO leads (id, name, source, cost_fen, stage, won_amount_fen, owner_id, grade, created_at, updated_at,
       is_history, deleted_at, has_follow_up, is_recycled, history_rank) VALUES (?, ?, ?, ?, ?, ?, 'r1', ?, ?, 0, ?, ?, ?, ?, ?)`,
  );
  for (let i = 0; i < count; i += 1) {
    // Some before and after the period, to be left out.
    const createdAt = PERIOD.from - DAY + Math.floor(rng() * 12 * DAY);
    const stage = pick(STAGES);
    insert.run(
      `lead-${i}`,
      `客户${i}`,
      pick(SOURCES),
      Math.floor(rng() * 500),
      stage,
      stage === 'won' ? 1000 + Math.floor(rng() * 9000) : null,
      pick(GRADES),
      createdAt,
      rng() < 0.05 ? 1 : 0,
      rng() < 0.05 ? createdAt + 1 : null,
      rng() < 0.6 ? 1 : 0,
      rng() < 0.1 ? 1 : 0,
      Math.floor(rng() * 5),
    );
  }
}

interface LeadFacts {
  created_at: number;
  is_history: number;
  deleted_at: number | null;
  grade: string | null;
  source: string | null;
  stage: string;
  cost_fen: number;
  won_amount_fen: number | null;
  is_recycled: number;
  has_follow_up: number;
  history_rank: number;
}

/** This test's own count of the period's arrivals from the leads' columns, keyed like countArrivals' rows. */
function arrivalsByHand(
  filter: KpiFilter = {},
): Map<string, Omit<ArrivalRow, 'day' | 'grade' | 'source' | 'furthest'>> {
  const leads = db.prepare(`SELECT * FROM leads`).all() as LeadFacts[];
  const groups = new Map<string, Omit<ArrivalRow, 'day' | 'grade' | 'source' | 'furthest'>>();
  for (const lead of leads) {
    if (lead.deleted_at !== null || lead.is_history !== 0) continue;
    if (lead.created_at < PERIOD.from || lead.created_at >= PERIOD.to) continue;
    if (filter.source !== undefined && lead.source !== filter.source) continue;
    const day = Math.floor((lead.created_at + 8 * 3_600_000) / DAY);
    const furthest = Math.max(mainPathRankOf(lead.stage), lead.history_rank);
    const key = `${day}|${lead.grade}|${lead.source}|${furthest}`;
    const won = lead.stage === 'won';
    const lost = lead.stage === 'lost';
    const contacted = won || lead.has_follow_up === 1;
    const g = groups.get(key) ?? {
      arrived: 0,
      won: 0,
      lost: 0,
      recycled: 0,
      neverContacted: 0,
      anyLoss: 0,
      costFen: 0,
      revenueFen: 0,
    };
    groups.set(key, {
      arrived: g.arrived + 1,
      won: g.won + (won ? 1 : 0),
      lost: g.lost + (lost ? 1 : 0),
      recycled: g.recycled + lead.is_recycled,
      neverContacted: g.neverContacted + (contacted ? 0 : 1),
      anyLoss: g.anyLoss + (lost || lead.is_recycled === 1 || !contacted ? 1 : 0),
      costFen: g.costFen + lead.cost_fen,
      revenueFen: g.revenueFen + (won ? (lead.won_amount_fen ?? 0) : 0),
    });
  }
  return groups;
}

function keyed(rows: readonly ArrivalRow[]) {
  return new Map(
    rows.map(({ day, grade, source, furthest, ...counts }) => [
      `${day}|${grade}|${source}|${furthest}`,
      counts,
    ]),
  );
}

const keptDays = () => (db.prepare(`SELECT count(*) AS n FROM arrival_days`).get() as { n: number }).n;

/** countArrivals as a Dashboard load reads it (kept days where there are), checked against the hand count. */
function expectArrivalsRight(filter: KpiFilter = {}): ArrivalRow[] {
  const rows = countArrivals(db, PERIOD, filter);
  expect(keyed(rows)).toEqual(arrivalsByHand(filter));
  return rows;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fairlead-arrival-days-'));
  db = openDatabase(join(dir, 'w.sqlite'));
  seedLeads(400, 7);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kept arrival days', () => {
  it('keeps each day once counted and reads it back the same, a source filter picking from it', () => {
    const first = expectArrivalsRight();
    expect(keptDays()).toBe(10);
    const again = countArrivals(db, PERIOD, {});
    expect(again).toEqual(first);
    expect(keptDays()).toBe(10);
    expectArrivalsRight({ source: '官网' });
    // Kept rows are the ones read: a day changed behind the triggers' back would show (no recount happened).
    db.prepare(`UPDATE arrival_days SET rows_json = '[]' WHERE from_at = ?`).run(PERIOD.from);
    expect(countArrivals(db, PERIOD, {}).filter((row) => row.day === first[0]?.day)).toEqual([]);
  });

  it('counts a day again after any column of one of its leads changes, and only that day', () => {
    const columns = (
      db.prepare(`SELECT name, type FROM pragma_table_info('leads')`).all() as {
        name: string;
        type: string;
      }[]
    ).filter((c) => c.name !== 'id');
    const changed: Record<string, (lead: LeadFacts) => unknown> = {
      created_at: (lead) => lead.created_at + 3 * DAY,
      is_history: () => 1,
      deleted_at: (lead) => lead.created_at + 5,
      grade: (lead) => (lead.grade === 'A' ? 'D' : 'A'),
      source: (lead) => (lead.source === '展会' ? '官网' : '展会'),
      stage: (lead) => (lead.stage === 'won' ? 'lost' : 'won'),
      cost_fen: (lead) => lead.cost_fen + 77,
      won_amount_fen: (lead) => (lead.won_amount_fen ?? 0) + 55,
      is_recycled: (lead) => 1 - lead.is_recycled,
      has_follow_up: (lead) => 1 - lead.has_follow_up,
      history_rank: (lead) => (lead.history_rank === 4 ? 0 : 4),
    };
    const choose = db.prepare(
      `SELECT * FROM leads WHERE is_history = 0 AND deleted_at IS NULL AND created_at >= ? AND created_at < ?
       AND (stage = 'won' OR ?) ORDER BY id LIMIT 1 OFFSET ?`,
    );
    let offset = 0;
    for (const { name, type } of columns) {
      if (name === 'clock_kind' || name === 'clock_start') continue; // generated from the others
      countArrivals(db, PERIOD, {});
      expect(keptDays()).toBe(10);
      // A won lead where the column counts only for won leads.
      const lead = choose.get(
        PERIOD.from + DAY,
        PERIOD.to - 4 * DAY,
        name === 'won_amount_fen' ? 0 : 1,
        name === 'won_amount_fen' ? 0 : offset++,
      ) as LeadFacts & { id: string };
      const before = arrivalsByHand();
      const current = (lead as unknown as Record<string, unknown>)[name];
      const value =
        name === 'owner_id'
          ? null // a rep that exists or none
          : (changed[name]?.(lead) ?? (type === 'INTEGER' ? Number(current ?? 0) + 1 : `改${offset}`));
      db.prepare(`UPDATE leads SET ${name} = ? WHERE id = ?`).run(value, lead.id);
      // A counted column's change must move the figures, or this test would not see a missed one.
      if (name in changed) expect(arrivalsByHand(), name).not.toEqual(before);
      // Only the lead's day goes (and the day it moved to); a column not counted leaves every day kept.
      if (name in changed) expect(keptDays(), name).toBeGreaterThanOrEqual(name === 'created_at' ? 8 : 9);
      expect(keptDays(), name).toBe(name in changed ? Math.min(keptDays(), 9) : 10);
      expectArrivalsRight();
      expectArrivalsRight({ source: '展会' });
    }
  });

  it('counts a day again after a lead of it is inserted or deleted', () => {
    countArrivals(db, PERIOD, {});
    const dayTwo = PERIOD.from + 2 * DAY;
    const keptCount = () =>
      (db.prepare(`SELECT lead_count AS n FROM arrival_days WHERE from_at = ?`).get(dayTwo) as { n: number })
        .n;
    const before = keptCount();
    db.prepare(
      `INSERT INTO leads (id, name, source, stage, grade, created_at, updated_at) VALUES ('new', '新', '官网', 'raw', 'A', ?, 0)`,
    ).run(dayTwo + 5);
    // No trigger on insert: the day stays kept and its count of leads no longer matches.
    expect(keptDays()).toBe(10);
    expectArrivalsRight();
    expect(keptCount()).toBe(before + 1);
    // Inserted in a kept day and not counted where arrivals count (a past lead, a deleted one): counted again too.
    db.prepare(
      `INSERT INTO leads (id, name, stage, created_at, updated_at, is_history) VALUES ('past', '旧', 'won', ?, 0, 1)`,
    ).run(dayTwo + 6);
    expectArrivalsRight();
    expect(keptCount()).toBe(before + 2);
    db.prepare(`DELETE FROM leads WHERE id IN (SELECT id FROM leads WHERE created_at >= ? LIMIT 3)`).run(
      PERIOD.from + 6 * DAY,
    );
    expectArrivalsRight();
    // A lead written without a change to what is counted leaves its day kept.
    const kept = keptDays();
    db.prepare(`UPDATE leads SET name = '改名', updated_at = 9 WHERE id = 'new'`).run();
    expect(keptDays()).toBe(kept);
  });

  it('stays right over random writes', () => {
    const rng = createRng(99);
    const ids = (db.prepare(`SELECT id FROM leads ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
    const writes = [
      `UPDATE leads SET stage = 'won', won_amount_fen = 500 WHERE id = ?`,
      `UPDATE leads SET stage = 'lost' WHERE id = ?`,
      `UPDATE leads SET has_follow_up = 1 WHERE id = ?`,
      `UPDATE leads SET is_recycled = 1 WHERE id = ?`,
      `UPDATE leads SET grade = 'B' WHERE id = ?`,
      `UPDATE leads SET deleted_at = 1 WHERE id = ?`,
      `UPDATE leads SET created_at = created_at - 86400000 WHERE id = ?`,
      `UPDATE leads SET owner_id = NULL WHERE id = ?`,
      `DELETE FROM leads WHERE id = ?`,
      // A new lead an hour after one of the leads (on its day or the next).
      `INSERT INTO leads (id, name, source, stage, grade, created_at, updated_at)
       SELECT 'copy-' || id || '-' || (SELECT max(rowid) FROM leads), '新', source, 'raw', 'B', created_at + 3600000, 0
       FROM leads WHERE id = ?`,
    ];
    for (let step = 0; step < 60; step += 1) {
      for (let k = 0; k < 3; k += 1) {
        const write = writes[Math.floor(rng() * writes.length)] as string;
        db.prepare(write).run(ids[Math.floor(rng() * ids.length)]);
      }
      expectArrivalsRight(step % 2 === 0 ? {} : { source: '官网' });
    }
  });

  it('keeps days per workspace offset, and counts again a day kept under another version', () => {
    const atUtc = { ...PERIOD, utcOffsetMinutes: 0 };
    const utcRows = countArrivals(db, atUtc, {});
    expectArrivalsRight();
    expect(countArrivals(db, atUtc, {})).toEqual(utcRows);
    expect(localDaysOf(atUtc)).not.toEqual(localDaysOf(PERIOD));
    db.prepare(`UPDATE arrival_days SET version = ?, rows_json = '[]'`).run(ARRIVAL_ROWS_VERSION - 1);
    expectArrivalsRight();
    expect(
      (
        db.prepare(`SELECT count(*) AS n FROM arrival_days WHERE version = ?`).get(ARRIVAL_ROWS_VERSION) as {
          n: number;
        }
      ).n,
    ).toBe(10);
  });

  it('reads a database it cannot write, keeping nothing', () => {
    db.close();
    db = new BetterSqlite3(join(dir, 'w.sqlite'), { readonly: true });
    expectArrivalsRight();
    expect(keptDays()).toBe(0);
    expectArrivalsRight();
  });

  it('has no write path that replaces a lead row', () => {
    // A replaced row (REPLACE, or INSERT OR REPLACE) fires no delete trigger and keeps its day's count: a kept day
    // would not notice. The core writes leads by INSERT, UPDATE (an upsert is one) and DELETE only.
    const core = join(import.meta.dirname, '../../../core');
    const files = readdirSync(core, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.ts'),
    );
    expect(files.length).toBeGreaterThan(100);
    const replacing = files.filter((file) =>
      /replaceInto\(\s*['"]leads['"]|\bREPLACE\s+INTO\s+leads\b|\borReplace\(\)[\s\S]{0,80}['"]leads['"]/i.test(
        readFileSync(join(core, file), 'utf8'),
      ),
    );
    expect(replacing).toEqual([]);
  });

  it('checks a kept day by a range count of a covering index, no row read', () => {
    const seen: string[] = [];
    const traced = new BetterSqlite3(join(dir, 'w.sqlite'), { verbose: (text) => seen.push(String(text)) });
    try {
      expect(countLeadsCreated(traced, PERIOD.from, PERIOD.from + DAY)).toBe(
        (
          db
            .prepare(`SELECT count(*) AS n FROM leads WHERE created_at >= ? AND created_at < ?`)
            .get(PERIOD.from, PERIOD.from + DAY) as { n: number }
        ).n,
      );
      const query = seen.at(-1)?.replace(/-?\d+(\.\d+)?/g, '?') ?? '';
      const plan = traced.prepare(`EXPLAIN QUERY PLAN ${query}`).all(0, 0) as { detail: string }[];
      expect(plan.map((step) => step.detail)).toEqual([
        'SEARCH leads USING COVERING INDEX leads_cohort (created_at>? AND created_at<?)',
      ]);
    } finally {
      traced.close();
    }
  });

  it("pins the counting query to the kept rows' version", () => {
    const seen: string[] = [];
    const traced = new BetterSqlite3(join(dir, 'w.sqlite'), { verbose: (text) => seen.push(String(text)) });
    try {
      countArrivals(traced, PERIOD, {}); // nothing kept yet: every day counted
    } finally {
      traced.close();
    }
    const counting = [
      ...new Set(
        seen.filter((text) => /GROUP BY/i.test(text)).map((text) => text.replace(/-?\d+(\.\d+)?/g, '?')),
      ),
    ];
    expect(counting).toHaveLength(1);
    const sha = createHash('sha256')
      .update(counting[0] ?? '')
      .digest('hex')
      .slice(0, 16);
    // Changed what countArrivals counts? Raise ARRIVAL_ROWS_VERSION (days kept before would be read as if counted the
    // new way) and pin the new query's hash here.
    // (The hash moved on 2026-12-06 with the builder's `+?` placeholders, core/store/sql.ts: the text, not the count.)
    expect({ version: ARRIVAL_ROWS_VERSION, sha }).toEqual({ version: 1, sha: '4341d150020e877b' });
  });
});

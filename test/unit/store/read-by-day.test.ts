// Reads cut by local day (countArrivals runs its GROUP BY a day at a time): the cuts fall on the workspace's local
// midnights, and one compiled query run per range gives what one run over the whole range gives.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { localDaysOf } from '../../../core/store/dashboard-kpi';
import { openDatabase } from '../../../core/store/open-database';
import { allOverRanges, qb } from '../../../core/store/sql';

const HOUR = 3_600_000;
/** 2026-11-01 00:00 at UTC+8. */
const MIDNIGHT = Date.UTC(2026, 9, 31, 16);

describe('reads by local day', () => {
  it('cuts a period at the local midnights inside it', () => {
    const period = { from: MIDNIGHT + 20 * HOUR, to: MIDNIGHT + 50 * HOUR, utcOffsetMinutes: 480 };
    expect(localDaysOf(period)).toEqual([
      [MIDNIGHT + 20 * HOUR, MIDNIGHT + 24 * HOUR],
      [MIDNIGHT + 24 * HOUR, MIDNIGHT + 48 * HOUR],
      [MIDNIGHT + 48 * HOUR, MIDNIGHT + 50 * HOUR],
    ]);
    // UTC midnights are not local ones at UTC+8.
    expect(localDaysOf({ ...period, utcOffsetMinutes: 0 })[0]).toEqual([
      MIDNIGHT + 20 * HOUR,
      Date.UTC(2026, 10, 2),
    ]);
    expect(localDaysOf({ ...period, to: period.from })).toEqual([]);
  });

  it('runs one compiled query per range, and refuses a query without its bounds', () => {
    const db = openDatabase(':memory:');
    db.exec(`CREATE TABLE t (at INTEGER, label TEXT)`);
    const insert = db.prepare(`INSERT INTO t VALUES (?, ?)`);
    for (let at = 0; at < 100; at += 7) insert.run(at, at % 2 === 0 ? 'even' : 'odd');
    const between = (from: number, to: number) =>
      qb
        .selectFrom(sql<{ at: number; label: string }>`t`.as('t'))
        .where(sql<boolean>`t.at >= ${from} AND t.at < ${to} AND t.label <> ${'none'}`)
        .select(sql<number>`count(*)`.as('n'));
    const perRange = allOverRanges(db, between, [
      [0, 30],
      [30, 60],
      [60, 100],
    ]).map((row) => row.n);
    expect(perRange).toEqual([5, 4, 6]);
    expect(perRange.reduce((a, b) => a + b)).toBe(15);
    const unbounded = () =>
      qb.selectFrom(sql<{ at: number }>`t`.as('t')).select(sql<number>`count(*)`.as('n'));
    expect(() => allOverRanges(db, unbounded, [[0, 1]])).toThrow(/each bound must be one parameter/);
    db.close();
  });
});

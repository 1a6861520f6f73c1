// The set-based recycle sweep finds exactly what a scan of every owned open lead finds: two pools with their own
// rules and warning windows, leads of every grade and open stage, follow-ups before and after the bounds, at
// instants around the boundaries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRng, DAY_MS, HOUR_MS, MINUTE_MS } from '../../../core/domain/clock';
import { recycleDueOf, recycleStateAt } from '../../../core/domain/pool/recycle-rules';
import type { PoolSettings } from '../../../core/api/pool/schemas';
import { planSweep } from '../../../core/api/pool/sweep';
import { poolOf, readPools } from '../../../core/api/pool/pools-read';
import { listSweepLeads } from '../../../core/store/pools-sweep';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { beijing } from './work-fixtures';

const GRADES = ['A', 'B', 'C', 'D', null] as const;
const STAGES = ['raw', 'mql', 'sql', 'opportunity'] as const;
const EVERYTHING = { A: Number.MAX_SAFE_INTEGER, B: Number.MAX_SAFE_INTEGER, C: Number.MAX_SAFE_INTEGER };
const ALL = { ...EVERYTHING, D: Number.MAX_SAFE_INTEGER, ungraded: Number.MAX_SAFE_INTEGER };

/** What the sweep must find: every owned open lead read, each judged by its pool's rules. */
function scanAll(t: TestService, now: number): string[] {
  const pools = readPools(t.service.db);
  return listSweepLeads(t.service.db, { noFollowUp: ALL, stage: ALL })
    .map((lead) => {
      const due = recycleDueOf(poolOf(pools, lead).recycle, { ...lead, isLocked: false });
      return `${lead.id}:${recycleStateAt(due, now)}`;
    })
    .filter((entry) => !entry.endsWith(':none'))
    .sort();
}

describe('the set-based recycle sweep', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let start: number;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    start = t.clock.now;
    const base = (await t.client.call('pool.pools', {})).pools[0] as PoolSettings & { id: string };
    const { id: _id, isDefault: _d, ...settings } = base as PoolSettings & { id: string; isDefault: boolean };
    await t.client.call('pool.savePool', {
      id: 'pool_default',
      settings: {
        ...settings,
        recycle: {
          ...settings.recycle,
          warnHours: 24,
          rules: [
            { kind: 'no_follow_up', days: { A: 9, B: 8, C: 7, D: null, ungraded: 5 } },
            { kind: 'not_won', days: { A: 12, B: 12, C: 12, D: 12, ungraded: null } },
          ],
        },
      },
    });
    await t.client.call('pool.savePool', {
      settings: {
        ...settings,
        name: '上海',
        position: 1,
        entry: { ...settings.entry, regions: ['上海'] },
        recycle: {
          ...settings.recycle,
          warnHours: 48,
          rules: [
            { kind: 'no_follow_up', days: { A: 3, B: 3, C: 4, D: 4, ungraded: 4 } },
            { kind: 'no_opportunity', days: { A: 6, B: 6, C: 6, D: 6, ungraded: 6 } },
          ],
        },
      },
    });
    const db = t.service.db;
    const rng = createRng(16);
    const rep = db.prepare(
      `INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES (?, ?, 'mid', '2026-01-05', ?, ?)`,
    );
    const lead = db.prepare(
      `INSERT INTO leads (id, name, region, stage, owner_id, grade, search_text, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`,
    );
    const assignment = db.prepare(
      `INSERT INTO assignments (id, lead_id, rep_id, kind, reason, actor, at) VALUES (?, ?, ?, 'auto', 't', 't', ?)`,
    );
    const followUp = db.prepare(
      `INSERT INTO follow_ups (id, lead_id, rep_id, channel, said, at) VALUES (?, ?, ?, 'call', '你好', ?)`,
    );
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
    db.transaction(() => {
      for (const r of [0, 1, 2, 9]) rep.run(`rep-${r}`, `销售${r}`, start, start);
      for (let i = 0; i < 400; i += 1) {
        const id = `lead-${i}`;
        const owner = `rep-${i % 3}`;
        const created = start - Math.floor(rng() * 20 * 24 * 60) * MINUTE_MS;
        lead.run(
          id,
          `客户${i}`,
          rng() < 0.4 ? '上海' : '北京',
          pick(STAGES),
          owner,
          pick(GRADES),
          created,
          start,
        );
        // Some leads have no assignment row (their tenure is their creation); some an older owner's too.
        if (rng() < 0.2) assignment.run(`old-${i}`, id, 'rep-9', created);
        if (rng() < 0.8)
          assignment.run(`asg-${i}`, id, owner, created + Math.floor(rng() * 3 * 24 * 60) * MINUTE_MS);
        for (let f = Math.floor(rng() * 3); f > 0; f -= 1)
          followUp.run(
            `fu-${i}-${f}`,
            id,
            pick(['rep-0', 'rep-1', 'rep-2']),
            created + Math.floor(rng() * 15 * DAY_MS),
          );
      }
    })();
  });
  afterEach(() => t.close());

  it('plans the same leads as a scan of all, at instants around the rules and warnings', () => {
    let checked = 0;
    for (const offset of [0, 6 * HOUR_MS, DAY_MS, 2 * DAY_MS + 1, 5 * DAY_MS - 1, 9 * DAY_MS]) {
      const now = start + offset;
      const planned = planSweep(t.service.db, now)
        .map((item) => `${item.lead.id}:${item.state}`)
        .sort();
      const expected = scanAll(t, now);
      expect(planned).toEqual(expected);
      checked += expected.length;
    }
    // The comparison is not idle: both warn and due leads were found.
    expect(checked).toBeGreaterThan(100);
  });
});

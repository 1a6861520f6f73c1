// Out of office as time away (issue #18): the switch's history, live distribution and the ledger over a month with
// a rep out of office for five days, and the replay's starting load from the leads open when it begins.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadKeysOf } from '../../../core/api/leads/lead-keys';
import { asRepId } from '../../../core/domain/ids';
import type { Lead } from '../../../core/domain/lead';
import { insertLead } from '../../../core/store/leads';
import { blankLead } from '../../helpers/blank-lead';
import { arriveLead, LOAD_BALANCED_RULE, monthShares, startMonthTally } from '../../helpers/month-of-leads';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Local hour `h` in China (UTC+8, the default offset) of a June 2026 day. */
const june = (day: number, h: number) => Date.UTC(2026, 5, day, h - 8, 0, 0);

describe('out of office is time away', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir(), june(1, 8));
  });
  afterEach(() => t.close());

  function spans(repId: string): unknown[] {
    return t.service.db
      .prepare(
        'SELECT from_at AS "from", to_at AS "to" FROM rep_out_of_office WHERE rep_id = ? ORDER BY from_at',
      )
      .all(repId);
  }

  it('keeps the switch’s history with each change of it, and nothing for an edit that leaves it', async () => {
    const rep = await t.client.call('reps.create', { name: '请假', tier: 'mid', isOutOfOffice: true });
    expect(spans(rep.id)).toEqual([{ from: june(1, 8), to: null }]);
    t.clock.now = june(2, 9);
    await t.client.call('reps.update', { id: rep.id, patch: { capOpen: 5 } });
    await t.client.call('reps.update', { id: rep.id, patch: { isOutOfOffice: true } });
    expect(spans(rep.id)).toEqual([{ from: june(1, 8), to: null }]);
    await t.client.call('reps.update', { id: rep.id, patch: { isOutOfOffice: false } });
    t.clock.now = june(3, 18);
    await t.client.call('reps.update', { id: rep.id, patch: { isOutOfOffice: true } });
    expect(spans(rep.id)).toEqual([
      { from: june(1, 8), to: june(2, 9) },
      { from: june(3, 18), to: null },
    ]);
    // The current state reads as before.
    const listed = await t.client.call('reps.list', {});
    expect(listed.find((r) => r.id === rep.id)?.isOutOfOffice).toBe(true);
  });

  it('a rep out of office for five days (switch on, then off) returns to the same share as the others: no flood, no drought, and the ledger and a replayed month count the days away', async () => {
    const ids: Record<string, string> = {};
    for (const name of ['a', 'b', 'c', 'd', 'e'])
      ids[name] = (await t.client.call('reps.create', { name, tier: 'mid', joinedOn: '2024-01-01' })).id;
    const c = ids['c'] ?? '';
    await t.client.call('distribution.saveRules', { rules: [LOAD_BALANCED_RULE] });
    const tally = startMonthTally();
    for (let day = 1; day <= 30; day += 1) {
      // Out of office from 08:00 on Monday June 8 to 08:00 on Saturday June 13: five whole days away.
      if (day === 8 || day === 13) {
        t.clock.now = june(day, 8);
        await t.client.call('reps.update', { id: c, patch: { isOutOfOffice: day === 8 } });
      }
      for (let k = 0; k < 12; k += 1) {
        t.clock.now = june(day, 9) + k * 1_800_000;
        await arriveLead(t, tally, day, k);
      }
    }
    const peers = ['a', 'b', 'd', 'e'];
    const { sum, peerMean, near } = monthShares(tally, ids, peers);
    expect(sum('c', 7, 12)).toBe(0);
    near(sum('c', 12, 15), peerMean(12, 15), 'first three days back');
    near(sum('c', 12, 19), peerMean(12, 19), 'first week back');
    near(sum('c', 12, 19), sum('c', 0, 7), 'the week back against the week before');

    // The ledger on the Transparency page: the five days are not available, and c got what the rest owed.
    const ledger = await t.client.call('distribution.ledger', { from: '2026-06-01', to: '2026-06-30' });
    const row = ledger.rows.find((r) => r.repId === c);
    expect(row?.availableDays).toBe(25);
    expect(row?.leave).toEqual([{ from: '2026-06-08', to: '2026-06-12', kind: 'out-of-office' }]);
    expect(ledger.rows.filter((r) => r.repId !== c).map((r) => r.availableDays)).toEqual([30, 30, 30, 30]);
    near(row?.total.received ?? 0, row?.total.expected ?? 0, 'c received against the ledger');
    const fairness = await t.client.call('distribution.fairness', { from: '2026-06-01', to: '2026-06-30' });
    expect(fairness.perRep[c]?.availableDays).toBe(25);

    // The month replayed through the same rule treats c as away on those days too: a share per available day.
    const job = await t.client.call('distribution.replay', {
      from: '2026-06-01',
      to: '2026-06-30',
      rules: [LOAD_BALANCED_RULE],
    });
    const done = await t.service.jobs.waitFor(job.id);
    expect(done.state).toBe('done');
    const replayed = (done.result as { a: { perRep: Record<string, { total: number }> } }).a.perRep;
    const replayedPeers =
      peers.reduce((total, name) => total + (replayed[ids[name] ?? '']?.total ?? 0), 0) / 4;
    near(
      replayed[c]?.total ?? 0,
      (replayedPeers * 25) / 30,
      'c replayed against the peers per available day',
    );
  });
});

describe('a replay starts from the leads open when it begins', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir(), june(20, 9));
  });
  afterEach(() => t.close());

  function put(id: string, fields: Partial<Lead>): void {
    const lead = blankLead(id, { name: id, ...fields });
    insertLead(t.service.db, lead, leadKeysOf(lead), {
      importBatchId: null,
      scoreModelVersion: null,
      scoredAt: null,
    });
  }

  /** Every row of every table but the jobs' own: what a replay must leave as it found. */
  function snapshot(): Record<string, unknown[]> {
    const tables = t.service.db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'jobs'",
      )
      .all() as { name: string }[];
    // Rows as sorted JSON: some tables have no rowid to order by.
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        t.service.db
          .prepare(`SELECT * FROM "${name}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  }

  /**
   * a, b and c (on leave June 1-5), a load-balanced rule; before the replay 12 leads that arrived June 2-4 while c
   * was away, 6 each with a and b (the first `closing` of a's closed at 08:00 on June 10, inside the replay), 4
   * more of a's closed before it (they weigh on nobody); `count` new leads on June 10 from 09:00, none closing.
   * Replays June 10 (checking that it wrote nothing) and answers the leads it gave a, b and c.
   */
  async function replayAfterOpenLeads(closing: number, count: number) {
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      const leave = name === 'c' ? [{ from: '2026-06-01', to: '2026-06-05' }] : [];
      ids.push((await t.client.call('reps.create', { name, tier: 'mid', joinedOn: '2024-01-01', leave })).id);
    }
    const [a = '', b = ''] = ids;
    await t.client.call('distribution.saveRules', { rules: [LOAD_BALANCED_RULE] });
    for (let i = 0; i < 12; i += 1) {
      const at = june(2 + (i % 3), 10) + i * HOUR;
      const closes = i % 2 === 0 && i / 2 < closing;
      put(`open-${i}`, {
        ownerId: asRepId(i % 2 === 0 ? a : b),
        createdAt: at,
        ...(closes ? { stage: 'lost', updatedAt: june(10, 8), closedAt: june(10, 8) } : { updatedAt: at }),
      });
    }
    for (let i = 0; i < 4; i += 1) {
      const at = june(3, 15) + i * HOUR;
      put(`closed-${i}`, {
        ownerId: asRepId(a),
        createdAt: at,
        updatedAt: at + DAY,
        stage: 'lost',
        closedAt: at + DAY,
      });
    }
    for (let i = 0; i < count; i += 1)
      put(`new-${i}`, { createdAt: june(10, 9) + i * HOUR, updatedAt: june(10, 9) + i * HOUR });
    const before = snapshot();
    const job = await t.client.call('distribution.replay', {
      from: '2026-06-10',
      to: '2026-06-10',
      rules: [LOAD_BALANCED_RULE],
    });
    const done = await t.service.jobs.waitFor(job.id);
    expect(done.state).toBe('done');
    const perRep = (done.result as { a: { perRep: Record<string, { total: number }> } }).a.perRep;
    // A replay reads only: every table but the jobs' is as it was.
    expect(snapshot()).toEqual(before);
    return ids.map((id) => perRep[id]?.total ?? 0);
  }

  it('a rep away when the open leads arrived starts with their share of them: the replay matches the hand count, not the flood an empty start gives, and writes nothing', async () => {
    // By hand: a and b start with 6 open each; c holds none but was away the days those 12 arrived, when they were
    // owed to the 2 reps present: an away load of 12 ÷ 2 = 6. All three start level, so load balancing deals the 9
    // new leads 3 each. (Starting from an empty away load, c at 0 against 6 and 6 would take the first 6 and then
    // one in three: 7 of 9.)
    expect(await replayAfterOpenLeads(0, 9)).toEqual([3, 3, 3]);
  });

  it('open leads that close during the replay stop weighing when they close, on their holder and on the away load', async () => {
    // By hand: 4 of a's 6 close at 08:00, before the first new lead: a holds 2, b 6, and c's away load drops by
    // 4 ÷ 2 to 4. Filling the least loaded first, 12 new leads bring all three to 8: a 6, b 2, c 4 (kept open
    // all day, they would have been dealt 4 each).
    expect(await replayAfterOpenLeads(4, 12)).toEqual([6, 2, 4]);
  });
});

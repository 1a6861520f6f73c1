import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadKeysOf } from '../../../core/api/leads/lead-keys';
import { insertLead } from '../../../core/store/leads';
import { insertRecycle } from '../../../core/store/pool-claims';
import { execute, qb } from '../../../core/store/sql';
import { blankLead } from '../../helpers/blank-lead';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

/** Wednesday 2026-07-01 10:00 in China. */
const NOW = Date.UTC(2026, 6, 1, 2, 0, 0);

describe('anti-gaming: counting and flags', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let serial = 0;
  beforeEach(() => {
    t = createTestService(tempDir(), NOW);
  });
  afterEach(() => t.close());

  function arrive(name = `客户${serial + 1}`): string {
    const id = `l-${(serial += 1)}`;
    const lead = blankLead(id, { name, createdAt: t.clock.now, updatedAt: t.clock.now });
    insertLead(t.service.db, lead, leadKeysOf(lead), {
      importBatchId: null,
      scoreModelVersion: null,
      scoredAt: null,
    });
    return id;
  }

  it('a lead released back to the pool still counts toward the rep’s daily quota and fairness share', async () => {
    const rep = await t.client.call('reps.create', {
      name: '张三',
      tier: 'mid',
      joinedOn: '2024-01-01',
      capDaily: 1,
    });
    const first = arrive();
    const given = await t.client.call('distribution.distribute', { leadIds: [first] });
    expect(given.results[0]?.repId).toBe(rep.id);
    t.clock.now += 60_000;
    await t.client.call('distribution.reassign', { leadIds: [first], toRepId: null, reason: '退回公海' });
    t.clock.now += 60_000;
    const second = arrive();
    const next = await t.client.call('distribution.distribute', { leadIds: [second] });
    // The quota is spent: the released lead still counts for today, so the new one waits in the pool.
    expect(next.results[0]).toMatchObject({ outcome: 'pool', repId: null });
    const ledger = await t.client.call('distribution.ledger', { from: '2026-07-01', to: '2026-07-01' });
    expect(ledger.rows.find((r) => r.repId === rep.id)?.total.received).toBe(1);
  });

  it('shows the team lead a claim within seconds of a recycle, naming the lead; a rep may not ask', async () => {
    const rep = await t.client.call('reps.create', { name: '李四', tier: 'mid', joinedOn: '2024-01-01' });
    const other = await t.client.call('reps.create', { name: '王五', tier: 'mid', joinedOn: '2024-01-01' });
    const lead = arrive('抢单客户');
    insertRecycle(t.service.db, {
      id: 'rc-1',
      leadId: lead,
      fromRepId: other.id,
      reason: 'sla',
      at: NOW - 3_600_000,
    });
    execute(
      t.service.db,
      qb
        .insertInto('pool_claims')
        .values({ id: 'cl-1', lead_id: lead, rep_id: rep.id, at: NOW - 3_600_000 + 4_000 }),
    );
    const { flags } = await t.client.call('distribution.gamingFlags', {});
    expect(flags).toEqual([
      {
        kind: 'snipe',
        repId: rep.id,
        repName: '李四',
        leads: [{ id: lead, name: '抢单客户', at: NOW - 3_600_000 + 4_000, seconds: 4 }],
      },
    ]);
    await expect(t.asRep(rep.id).call('distribution.gamingFlags', {})).rejects.toThrow();
  });
});

// The response-time histogram's click-through on a hand-built week: each bar opens the leads of its hand-overs,
// each lead once, judged in business minutes as the KPI row's histogram judges them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, addRep, assignLead, beijing, plainPolicy, repClient } from './work-fixtures';

const WEEK = { from: '2026-11-17', to: '2026-11-23' } as const;

describe('the response-time histogram’s click-through', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let twice: string;
  let weekend: string;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(20, 9));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    const wang = await addRep(t, '王芳');
    const li = await addRep(t, '李强');
    for (const id of [wang, li]) await t.client.call('reps.update', { id, patch: { isOutOfOffice: true } });

    // Friday 20th 17:50 to 王芳, called Monday 09:10: 10 + 10 = 20 business minutes, bucket [15, 30).
    t.clock.now = beijing(20, 17, 50);
    weekend = await addLead(t, '周五客户');
    assignLead(t, weekend, wang);
    t.clock.now = beijing(23, 9, 10);
    await repClient(t, wang).call('followUps.log', { leadId: weekend, channel: 'call', said: '周一回电' });

    // Monday 10:00 to 王芳, called 10:03; handed to 李强 at 10:30, called 10:33: two hand-overs under 5 minutes.
    t.clock.now = beijing(23, 10);
    twice = await addLead(t, '两次分配');
    assignLead(t, twice, wang);
    t.clock.now = beijing(23, 10, 3);
    await repClient(t, wang).call('followUps.log', { leadId: twice, channel: 'call', said: '初次联系' });
    t.clock.now = beijing(23, 10, 30);
    assignLead(t, twice, li);
    t.clock.now = beijing(23, 10, 33);
    await repClient(t, li).call('followUps.log', { leadId: twice, channel: 'call', said: '接手联系' });
    t.clock.now = beijing(23, 17);
  });
  afterEach(() => t.close());

  it('counts hand-overs per bucket as the histogram does, and their leads each once', async () => {
    const row = await t.client.call('dashboard.kpis', WEEK);
    expect(row.response.current.histogram.map((b) => b.count)).toEqual([2, 0, 1, 0, 0, 0, 0]);
    const { buckets } = await t.client.call('dashboard.responseBuckets', WEEK);
    expect(buckets.map((b) => b.handOvers)).toEqual([2, 0, 1, 0, 0, 0, 0]);
    expect(buckets.map((b) => b.leads)).toEqual([1, 0, 1, 0, 0, 0, 0]);
    expect(buckets[2]).toMatchObject({ from: 15, to: 30 });
  });

  it('opens the leads behind a bucket on the Leads page, the lead handed over twice once', async () => {
    const under5 = await t.client.call('leads.list', {
      drill: { ...WEEK, metric: 'response_bucket', bucket: 0 },
    });
    expect(under5.rows.map((lead) => lead.id)).toEqual([twice]);
    const weekendBucket = await t.client.call('dashboard.leads', {
      ...WEEK,
      metric: 'response_bucket',
      bucket: 2,
    });
    expect(weekendBucket.rows.map((lead) => lead.id)).toEqual([weekend]);
    const empty = await t.client.call('dashboard.leads', { ...WEEK, metric: 'response_bucket', bucket: 6 });
    expect(empty.total).toBe(0);
  });

  it('narrows a bucket by the rep the lead was handed to', async () => {
    const reps = await t.client.call('reps.list', {});
    const li = reps.find((rep) => rep.name === '李强')?.id ?? '';
    const { buckets } = await t.client.call('dashboard.responseBuckets', { ...WEEK, repId: li });
    expect(buckets.map((b) => b.handOvers)).toEqual([1, 0, 0, 0, 0, 0, 0]);
    const opened = await t.client.call('dashboard.leads', {
      ...WEEK,
      repId: li,
      metric: 'response_bucket',
      bucket: 0,
    });
    expect(opened.rows.map((lead) => lead.id)).toEqual([twice]);
  });

  it('refuses a bucket the histogram does not have', async () => {
    await expect(
      t.client.call('dashboard.leads', { ...WEEK, metric: 'response_bucket', bucket: 7 }),
    ).rejects.toThrow(/bucket/);
  });
});

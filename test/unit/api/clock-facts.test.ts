// The clock inputs kept on each lead (migration 0021: latest follow-up, latest hand-over and its rep) stay equal to a
// recount from follow_ups and assignments through every API call that writes them, and the Dashboard's overdue
// counts, read from them, keep agreeing with the leads its drill lists.
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../core/api/call-context';
import { countOverdue, overdueLeadIds } from '../../../core/api/dashboard/overdue';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { GBK_CSV, importBytes } from './import-helpers';
import { addLead, addRep, assignLead, beijing, minutes, plainPolicy, repClient } from './work-fixtures';
import { wrongKeptLeads } from '../../helpers/kept-clock-inputs';

describe('the clock inputs kept on leads', () => {
  const tempDir = useTempDir();
  let t: TestService;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
  });
  afterEach(() => t.close());

  function expectKeptRight(): void {
    expect(wrongKeptLeads(t.service.db)).toEqual([]);
    const ctx = { db: t.service.db, now: t.clock.now } as unknown as CallContext;
    const counts = countOverdue(ctx);
    expect(overdueLeadIds(ctx, {}, 'first_contact')).toHaveLength(counts.firstContact);
    expect(overdueLeadIds(ctx, {}, 'follow_up')).toHaveLength(counts.followUp);
  }

  it('equal a recount through create, assign, follow-up, reassign, claim, recycle, merge and import undo', async () => {
    const [wang, li] = [await addRep(t, '王芳'), await addRep(t, '李强')];
    const created = await t.client.call('leads.create', { name: '自动分配', company: '甲公司' });
    const leads: string[] = [];
    for (const name of ['陈静', '周杰', '赵敏', '孙丽', '吴磊']) leads.push(await addLead(t, name));
    const [a, b, c, d, e] = leads as [string, string, string, string, string];
    for (const id of [a, b, c]) assignLead(t, id, wang);
    assignLead(t, d, li);
    expectKeptRight();

    t.clock.now += minutes(30);
    await repClient(t, wang).call('followUps.log', { leadId: a, channel: 'call', said: '介绍了产品' });
    await repClient(t, wang).call('followUps.log', {
      leadId: b,
      channel: 'wechat',
      said: '约了回电',
      nextStep: '回电',
      nextAt: t.clock.now + minutes(90),
    });
    await repClient(t, li).call('followUps.log', { leadId: d, channel: 'call', said: '很感兴趣' });
    expectKeptRight();
    expect(
      (t.service.db.prepare('SELECT last_follow_up_at FROM leads WHERE id = ?').pluck().get(a) as number) > 0,
    ).toBe(true);

    // Hand-overs: to another rep, back to the first (a tie-free latest each time), and to the pool.
    t.clock.now += minutes(10);
    await t.client.call('distribution.reassign', { leadIds: [a, c], toRepId: li, reason: '调整' });
    t.clock.now += minutes(10);
    await t.client.call('distribution.reassign', { leadIds: [c], toRepId: wang, reason: '调回' });
    await t.client.call('distribution.reassign', {
      leadIds: [created.id, e],
      toRepId: null,
      reason: '回公海',
    });
    expectKeptRight();

    t.clock.now += minutes(5);
    await repClient(t, wang).call('pool.claim', { leadId: e });
    expectKeptRight();

    t.clock.now += 30 * 24 * 60 * minutes(1);
    await t.client.call('stale.recycle', { leadIds: [e] });
    expectKeptRight();
    t.clock.now = beijing(25, 11);
    await t.client.call('sla.runDue', {});
    expectKeptRight();

    // A merge moves the merged lead's follow-ups to the kept one.
    await t.client.call('duplicates.merge', { keepId: c, mergeIds: [d] });
    expectKeptRight();

    // An import merging into a lead with a history, then undone.
    const { result } = await importBytes(
      t.client,
      t.service,
      '客户.csv',
      iconv.encode(GBK_CSV, 'gbk'),
      'merge',
    );
    expectKeptRight();
    await t.client.call('import.undo', { batchId: result.batchId });
    expectKeptRight();
  });

  it('equal a recount on the demo workspace', async () => {
    await t.client.call('workspace.loadDemo', {});
    expectKeptRight();
  });
});

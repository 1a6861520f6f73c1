// Each call of the working namespaces, made by a rep, is refused or scoped as its contract entry declares.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calls, type CallName } from '../../../core/api/contract';
import type { FairleadClient } from '../../../core/api/transport/client';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, addRep, assignLead, beijing, plainPolicy, repClient } from './work-fixtures';

const NAMESPACES = ['work', 'funnel', 'queue', 'followUps', 'sla', 'pool', 'stale', 'notifications', 'dev'];
const ownCalls = (Object.keys(calls) as CallName[]).filter((name) =>
  NAMESPACES.includes(name.split('.')[0] ?? ''),
);

describe('the working calls as a rep', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let me: string;
  let rc: FairleadClient;
  let mine: string;
  let theirs: string;
  let pooled: string;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    me = await addRep(t, '王芳');
    const other = await addRep(t, '李强');
    [mine, theirs, pooled] = [await addLead(t, '陈静'), await addLead(t, '周杰'), await addLead(t, '赵敏')];
    assignLead(t, mine, me);
    assignLead(t, theirs, other);
    rc = repClient(t, me);
  });
  afterEach(() => t.close());

  it('declares every call of these namespaces, and scopes each rep-callable one', () => {
    expect(ownCalls.length).toBe(36);
    for (const name of ownCalls) {
      const spec = calls[name];
      if (spec.access === 'signed-in') expect(spec.repScope, name).toBeDefined();
      else expect(spec.access, name).toBe('team-lead');
    }
  });

  it.each(ownCalls.filter((name) => calls[name].access === 'team-lead'))(
    'refuses %s to a rep before it runs',
    async (name) => {
      await expect(rc.call(name, {} as never)).rejects.toMatchObject({ code: 'forbidden' });
    },
  );

  it('shows a rep only their own leads on the board, its columns and the queue, whatever the filter asks', async () => {
    const board = await rc.call('funnel.board', { filter: { owner: 'pool' } });
    expect(board.columns.flatMap((column) => column.cards.map((card) => card.id))).toEqual([mine]);
    const raw = await rc.call('funnel.cards', { stage: 'raw', filter: {} });
    expect(raw.cards.map((card) => card.id)).toEqual([mine]);
    const queue = await rc.call('queue.list', { repId: 'all' });
    expect(queue.items.map((card) => card.id)).toEqual([mine]);
  });

  it('lets a rep work only their own lead: detail of a pool lead yes, another rep lead no', async () => {
    await expect(rc.call('work.leadDetail', { id: mine })).resolves.toBeDefined();
    await expect(rc.call('work.leadDetail', { id: pooled })).resolves.toBeDefined();
    await expect(rc.call('work.leadDetail', { id: theirs })).rejects.toMatchObject({
      reason: 'work.notYourLead',
    });
    for (const id of [theirs, pooled]) {
      await expect(rc.call('funnel.move', { id, stage: 'mql' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        rc.call('followUps.log', { leadId: id, channel: 'call', said: '你好' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(rc.call('funnel.move', { id: mine, stage: 'mql' })).resolves.toMatchObject({ stage: 'mql' });
  });

  it('lists only unowned leads in the pool, and a rep claims only those', async () => {
    expect((await rc.call('pool.list', {})).rows.map((row) => row.id)).toEqual([pooled]);
    await expect(rc.call('pool.claim', { leadId: theirs })).rejects.toMatchObject({
      reason: 'pool.claimedFirst',
    });
    // Asked before claiming, the hub answers what the claim would: another rep's lead is taken, a pool lead free.
    await expect(rc.call('pool.claimCheck', { leadId: theirs })).resolves.toMatchObject({
      refusal: { reason: 'pool.claimedFirst' },
    });
    await expect(rc.call('pool.claimCheck', { leadId: pooled })).resolves.toEqual({ refusal: null });
    await expect(rc.call('pool.claim', { leadId: pooled })).resolves.toMatchObject({ ownerId: me });
  });

  it('lets a rep put back only a lead of their own', async () => {
    await expect(rc.call('pool.release', { leadId: theirs, reason: '不跟了' })).rejects.toMatchObject({
      reason: 'pool.releaseNotYours',
    });
    await expect(rc.call('pool.release', { leadId: pooled, reason: '不跟了' })).rejects.toMatchObject({
      reason: 'pool.releaseNotYours',
    });
    await expect(rc.call('pool.release', { leadId: mine, reason: '不跟了' })).resolves.toMatchObject({
      leadId: mine,
    });
  });

  it('shares the work settings with a rep as the team lead sees them', async () => {
    expect(await rc.call('work.settings', {})).toEqual(await t.client.call('work.settings', {}));
  });

  it('gives a rep only their own notifications', async () => {
    await t.client.call('sla.runDue', {});
    const rows = (await rc.call('notifications.list', {})).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.recipient))).toEqual(new Set([me]));
    const leadUnread = (await t.client.call('notifications.list', {})).unread;
    expect((await rc.call('notifications.markRead', { all: true })).unread).toBe(0);
    expect((await t.client.call('notifications.list', {})).unread).toBe(leadUnread);
  });
});

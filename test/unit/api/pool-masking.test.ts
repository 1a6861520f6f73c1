// A pool lead's phone, email and WeChat never reach a rep who has not claimed it: every call a rep can make in the
// contract is walked (answers and refusals), a search by the phone, the pushed events and the notifications; the
// team lead sees them whole, and the rep does once they claim, the reveal audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calls, type CallName, type PushedEvent } from '../../../core/api/contract';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, assignLead, beijing, plainPolicy, repClient } from './work-fixtures';
import { findLeadById } from '../../../core/store/leads';
import { inTransaction } from '../../../core/store/sql';
import { setLeadOwnerIf } from '../../../core/store/work-leads';

const PHONE = '13912345678';
const EMAIL = 'secret.person@hidden.example';
const WECHAT = 'wx_secret_id';
const SECRETS = [PHONE, '139 1234 5678', EMAIL, 'secret.person', WECHAT];

/** Where in `value` a secret shows, as paths (`rows.0.phone: 13912345678`); empty when nowhere. */
function leaks(value: unknown, path = ''): string[] {
  if (typeof value === 'string') {
    const found = SECRETS.find((secret) => value.includes(secret));
    return found === undefined ? [] : [`${path}: ${found}`];
  }
  if (typeof value !== 'object' || value === null) return [];
  if (value instanceof Error) return leaks({ ...value, message: value.message }, path);
  return Object.entries(value).flatMap(([key, child]) => leaks(child, path ? `${path}.${key}` : key));
}

/** Calls a rep can make: everything not for the team lead alone (public ones included). */
const repCallable = (Object.keys(calls) as CallName[]).filter((name) => calls[name].access !== 'team-lead');

describe('masked contact data of pool leads', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let me: string;
  let secret: string;
  let mine: string;
  let other: string;

  /** Inputs that reach each call's handler; a call not listed is walked with {} and with the lead's id. */
  function inputsFor(name: CallName): unknown[] {
    const table: Partial<Record<CallName, unknown[]>> = {
      'leads.list': [{}, { text: PHONE }, { text: 'secret' }],
      'leads.get': [{ id: secret }],
      'leads.create': [{ name: '新客户', phone: '13700001111' }],
      'leads.update': [
        { id: mine, patch: { needs: '想要报价' } },
        { id: secret, patch: { needs: 'x' } },
      ],
      'leads.findDuplicates': [{ phone: PHONE }, { email: EMAIL }, { name: '秘密客户' }],
      'leads.checkEntry': [
        { phone: PHONE },
        { email: EMAIL },
        { name: '秘密客户', company: '秘密科技有限公司' },
      ],
      'distribution.testLead': [{ leadId: secret }],
      'distribution.history': [{ leadId: secret }],
      'distribution.assignments': [{}, { repId: 'pool' }, { repId: me }, { kind: 'recycle' }],
      'work.leadDetail': [{ id: secret }],
      'funnel.board': [{ filter: {} }, { filter: { owner: 'pool' } }],
      'funnel.cards': [{ stage: 'raw', filter: {} }],
      'funnel.move': [{ id: secret, stage: 'mql' }],
      'queue.list': [{}, { repId: 'all' }],
      'followUps.log': [{ leadId: secret, channel: 'call', said: '你好' }],
      'followUps.agenda': [{}],
      'pool.list': [{}, { text: PHONE }, { text: '秘密' }],
      'pool.claim': [{ leadId: other }],
      'pool.lock': [{ leadId: secret }, { leadId: mine }],
      'pool.extendLock': [{ leadId: secret, days: 3 }],
      'pool.releaseLock': [{ leadId: secret }],
      'appeals.raise': [{ leadId: secret, message: '不公平' }],
      'notifications.list': [{}],
      // Ending the session would stop the walk: these two run as the last calls.
      'session.signOut': [],
      'client.disconnect': [],
    };
    return table[name] ?? [{}, { id: secret }, { leadId: secret }];
  }

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    me = (await t.client.call('reps.create', { name: '王芳', tier: 'mid' })).id;
    const created = await t.client.call('leads.create', {
      name: '秘密客户',
      company: '秘密科技有限公司',
      phone: PHONE,
      email: EMAIL,
      wechat: WECHAT,
      needs: '需要一套系统',
    });
    secret = created.id;
    const owner = findLeadById(t.service.db, secret)?.ownerId ?? null;
    if (owner !== null)
      inTransaction(t.service.db, () => setLeadOwnerIf(t.service.db, secret, owner, null, t.clock.now));
    mine = await addLead(t, '陈静');
    other = await addLead(t, '周杰');
    assignLead(t, mine, me);
    // The secret lead was the rep's once and went back to the pool: notifications and history speak of it.
    assignLead(t, secret, me);
    expect(await t.client.call('stale.recycle', { leadIds: [secret] })).toEqual({ recycled: 1 });
  });
  afterEach(() => t.close());

  it('shows the team lead the contact data whole (the gauge can see a leak)', async () => {
    const row = (await t.client.call('pool.list', {})).rows.find((r) => r.id === secret);
    expect(leaks(row).sort()).toEqual([`email: ${EMAIL}`, `phone: ${PHONE}`]);
    expect(leaks(await t.client.call('leads.get', { id: secret }))).toContain(`lead.wechat: ${WECHAT}`);
  });

  it('never answers a rep any of it, from any call the rep can make, nor pushes it', async () => {
    const pushed: PushedEvent[] = [];
    const stop = t.service.subscribe((event) => pushed.push(event), { role: 'rep', repId: me, name: '王芳' });
    const rc = repClient(t, me);
    const walked: string[] = [];
    const order = [
      ...repCallable.filter((n) => inputsFor(n).length > 0),
      'session.signOut',
      'client.disconnect',
    ];
    for (const name of order as CallName[]) {
      const inputs = inputsFor(name).length > 0 ? inputsFor(name) : [{}];
      for (const input of inputs) {
        const answer = await rc.call(name, input as never).then(
          (value: unknown) => ({ value }),
          (error: unknown) => ({ error }),
        );
        expect(leaks(answer), `${name} ${JSON.stringify(input)}`).toEqual([]);
        walked.push(name);
      }
      // Something happens the rep hears of: the team lead edits the lead and the scheduler runs.
      if (name === 'leads.get') {
        await t.client.call('leads.update', { id: secret, patch: { needs: '预算已批' } });
        await t.client.call('sla.runDue', {});
      }
    }
    stop();
    expect(new Set(walked)).toEqual(new Set(repCallable));
    expect(pushed.length).toBeGreaterThan(0);
    expect(leaks(pushed)).toEqual([]);
  });

  it('masks the pool list to 139****5678 for a rep, and refuses an export', async () => {
    const rc = repClient(t, me);
    const row = (await rc.call('pool.list', {})).rows.find((r) => r.id === secret);
    expect(row).toMatchObject({ phone: '139****5678', email: 's***@hidden.example', isMasked: true });
    expect((await rc.call('pool.list', { text: PHONE })).rows).toEqual([]);
    await expect(rc.call('leads.export', { format: 'csv' } as never)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('finds no masked pool lead for a rep searching leads by its phone or email, and finds it once claimed', async () => {
    const rc = repClient(t, me);
    const ids = async (text: string) => (await rc.call('leads.list', { text })).rows.map((row) => row.id);
    expect((await t.client.call('leads.list', { text: PHONE })).rows.map((row) => row.id)).toEqual([secret]);
    for (const text of [PHONE, '5678', '139 1234', EMAIL])
      expect(await ids(text), text).not.toContain(secret);
    // A search by name still finds the pool lead (its contact data masked in the answer).
    expect(await ids('秘密')).toContain(secret);
    t.clock.now += 8 * 86_400_000; // past the cool-down from the recycle
    await rc.call('pool.claim', { leadId: secret });
    expect(await ids(PHONE)).toEqual([secret]);
  });

  it('shows the contact data once the rep claims the lead, and audits the reveal for the team lead', async () => {
    const rc = repClient(t, me);
    t.clock.now += 8 * 86_400_000; // past the cool-down from the recycle
    await rc.call('pool.claim', { leadId: secret });
    const lead = await rc.call('leads.get', { id: secret });
    expect(lead.lead).toMatchObject({ phone: PHONE, email: EMAIL, wechat: WECHAT });
    const audit = await t.client.call('audit.list', { entityId: secret });
    expect((await t.client.call('pool.reveals', {})).rows).toEqual([
      expect.objectContaining({
        repId: me,
        repName: '王芳',
        leadId: secret,
        leadName: '秘密客户',
        poolName: '公海',
      }),
    ]);
    expect(audit.find((entry) => entry.action === 'pool.reveal')).toMatchObject({
      actor: `rep:${me}`,
      detail: { repId: me, poolId: 'pool_default', fields: ['phone', 'email', 'wechat'] },
    });
  });
});

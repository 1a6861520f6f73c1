// The team's assignment history (distribution.assignments): open to every rep, who sees another rep's assignment
// with the lead's name and company but never its phone, email or WeChat (not even where a rule's explanation or a
// reason quotes them); filtered by period, rep, grade then, kind, method and source; paged newest first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calls, type CallOutput } from '../../../core/api/contract';
import type { FairleadClient } from '../../../core/api/transport/client';
import { appendAssignment } from '../../../core/store/assignments';
import { inTransaction } from '../../../core/store/sql';
import { createTestService, type TestService } from '../../helpers/service';
import { phoneSplitRules } from '../../helpers/phone-split-rules';
import { refusal } from '../../helpers/refusal';
import { useTempDir } from '../../helpers/temp-dir';
import { repClient } from './work-fixtures';

const PHONE = '13912345678';
const EMAIL = 'boss.zhou@client.example';
const WECHAT = 'wx_zhou_boss';
const SECRETS = [PHONE, '139 1234 5678', EMAIL, 'boss.zhou', WECHAT];

type Log = CallOutput<'distribution.assignments'>;

/** Where in `value` a contact shows, as paths; empty when nowhere. */
function leaks(value: unknown, path = ''): string[] {
  if (typeof value === 'string') {
    const found = SECRETS.find((secret) => value.includes(secret));
    return found === undefined ? [] : [`${path}: ${found}`];
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => leaks(child, path ? `${path}.${key}` : key));
}

describe('the team’s assignment history', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let wang: string;
  let li: string;
  let zhang: string;
  let rc: FairleadClient;
  let vip: string;

  const HOUR = 3_600_000;

  async function addLead(name: string, extra: Record<string, string> = {}): Promise<string> {
    t.clock.now += HOUR;
    return (await t.client.call('leads.create', { name, company: `${name}有限公司`, ...extra })).id;
  }

  beforeEach(async () => {
    t = createTestService(tempDir(), Date.UTC(2026, 11, 2, 1)); // 2 December, 09:00 in Beijing
    wang = (await t.client.call('reps.create', { name: '王芳', tier: 'mid' })).id;
    li = (await t.client.call('reps.create', { name: '李强', tier: 'mid' })).id;
    zhang = (await t.client.call('reps.create', { name: '张伟', tier: 'senior' })).id;
    await t.client.call('distribution.saveRules', {
      rules: phoneSplitRules(li, wang),
    });
    vip = await addLead('周总', { phone: PHONE, email: EMAIL, wechat: WECHAT, source: '展会' });
    await addLead('陈静', { source: '官网表单' });
    await addLead('赵敏', { source: '官网表单' });
    rc = repClient(t, wang);
  });
  afterEach(() => t.close());

  it('declares the call for every signed-in person, the same team-wide rows for a rep (shared)', () => {
    expect(calls['distribution.assignments']).toMatchObject({ access: 'signed-in', repScope: 'shared' });
  });

  it('shows a rep another rep’s assignment with its name and company, without its contact data', async () => {
    const mine = await rc.call('distribution.assignments', {});
    const row = mine.rows.find((r) => r.leadId === vip);
    expect(row).toMatchObject({
      leadName: '周总',
      company: '周总有限公司',
      source: '展会',
      repId: li,
      kind: 'auto',
      method: 'round-robin',
      ruleId: 'mobile-139',
    });
    for (const key of ['phone', 'email', 'wechat', 'notes', 'needs', 'explanation'])
      expect(row, key).not.toHaveProperty(key);
    // The rule tested the phone, so the engine's words quote it: the team lead reads it whole (the gauge can see
    // a leak), the rep reads it masked.
    const lead = (await t.client.call('distribution.assignments', {})).rows.find((r) => r.leadId === vip);
    expect(leaks(lead)).toContain(`summary.tokens.1.params.value: ${PHONE}`);
    expect(leaks(mine)).toEqual([]);
    expect(JSON.stringify(row?.summary)).toContain('139****5678');
  });

  it('masks the contact data a team lead’s reason quotes, for a rep', async () => {
    t.clock.now += HOUR;
    await t.client.call('distribution.reassign', {
      leadIds: [vip],
      toRepId: zhang,
      reason: `客户来电 ${PHONE}，微信 ${WECHAT}，要求资深销售`,
    });
    const lead = await t.client.call('distribution.assignments', { kind: 'manual' });
    expect(lead.rows[0]).toMatchObject({ leadId: vip, repId: zhang, fromRepId: li, summary: null });
    expect(lead.rows[0]?.reason).toContain(PHONE);
    const rep = await rc.call('distribution.assignments', { kind: 'manual' });
    expect(rep.rows[0]?.reason).toBe('客户来电 139****5678，微信 w***，要求资深销售');
    expect(leaks(rep)).toEqual([]);
  });

  it('filters by rep, the pool, kind, method and source, each row matching and none left out', async () => {
    t.clock.now += HOUR;
    await t.client.call('distribution.reassign', { leadIds: [vip], toRepId: null, reason: '退回公海' });
    const all = (await rc.call('distribution.assignments', {})).rows;
    expect(all).toHaveLength(4);
    const ids = (log: Log) => log.rows.map((r) => r.id);
    const expected = (keep: (row: Log['rows'][number]) => boolean) => all.filter(keep).map((r) => r.id);
    expect(ids(await rc.call('distribution.assignments', { repId: wang }))).toEqual(
      expected((r) => r.repId === wang),
    );
    expect(ids(await rc.call('distribution.assignments', { repId: li }))).toEqual(
      expected((r) => r.repId === li),
    );
    expect(ids(await rc.call('distribution.assignments', { repId: 'pool' }))).toEqual(
      expected((r) => r.repId === null),
    );
    expect(ids(await rc.call('distribution.assignments', { kind: 'manual' }))).toHaveLength(1);
    expect(ids(await rc.call('distribution.assignments', { method: 'weighted' }))).toEqual(
      expected((r) => r.method === 'weighted'),
    );
    expect(ids(await rc.call('distribution.assignments', { source: '官网表单' }))).toEqual(
      expected((r) => r.source === '官网表单'),
    );
    expect(expected((r) => r.source === '官网表单')).toHaveLength(2);
    expect((await rc.call('distribution.assignments', {})).sources).toEqual(['官网表单', '展会']);
  });

  it('filters by the grade a lead had when assigned, not its grade now', async () => {
    const late = await addLead('孙浩');
    inTransaction(t.service.db, () =>
      appendAssignment(t.service.db, {
        id: 'asg_graded_then',
        leadId: late,
        repId: zhang,
        kind: 'manual',
        ruleId: null,
        reason: '测试',
        explanation: { kind: 'manual', fromRepId: wang, grade: 'A' },
        actor: 'team-lead',
        at: t.clock.now + 1,
      }),
    );
    const a = await rc.call('distribution.assignments', { grade: 'A' });
    expect(a.rows.map((r) => r.id)).toContain('asg_graded_then');
    expect(a.rows.every((r) => r.grade === 'A')).toBe(true);
    const now = (await t.client.call('leads.get', { id: late })).lead.grade;
    if (now !== 'A') {
      const other = await rc.call('distribution.assignments', { grade: now ?? 'D' });
      expect(other.rows.map((r) => r.id)).not.toContain('asg_graded_then');
    }
  });

  it('pages newest first with a total, the pages neither overlapping nor missing a row', async () => {
    for (const name of ['孙一', '孙二', '孙三', '孙四']) await addLead(name);
    const whole = await rc.call('distribution.assignments', { limit: 100 });
    expect(whole.total).toBe(7);
    const ats = whole.rows.map((r) => r.at);
    expect(ats).toEqual([...ats].sort((x, y) => y - x));
    const pages = [];
    for (const offset of [0, 3, 6])
      pages.push(await rc.call('distribution.assignments', { offset, limit: 3 }));
    expect(pages.map((p) => p.rows.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(whole.rows.map((r) => r.id));
    expect((await rc.call('distribution.assignments', { offset: 9 })).rows).toEqual([]);
  });

  it('reads the last 30 local days by default, and only the period asked for', async () => {
    const byDefault = await rc.call('distribution.assignments', {});
    expect(byDefault).toMatchObject({ from: '2026-11-03', to: '2026-12-02', total: 3 });
    expect((await rc.call('distribution.assignments', { from: '2026-12-03', to: '2026-12-31' })).total).toBe(
      0,
    );
    expect((await rc.call('distribution.assignments', { from: '2026-12-02', to: '2026-12-02' })).total).toBe(
      3,
    );
    // Beijing's 2 December began at 16:00 UTC on the 1st: the day before has none of them.
    expect((await rc.call('distribution.assignments', { from: '2026-11-01', to: '2026-12-01' })).total).toBe(
      0,
    );
  });

  it('refuses a period backwards, with one end only, or longer than a year, naming the field', async () => {
    const cases = [
      [{ from: '2026-12-02', to: '2026-12-01' }, 'to'],
      [{ from: '2026-12-01' }, 'to'],
      [{ from: '2025-01-01', to: '2026-12-01' }, 'from'],
      [{ limit: 500 }, 'limit'],
      [{ repId: wang, phone: PHONE }, undefined],
    ] as const;
    for (const [input, field] of cases) {
      const error = await refusal(rc.call('distribution.assignments', input as never));
      expect(error.code, JSON.stringify(input)).toBe('invalid_input');
      if (field !== undefined) expect(error.field, JSON.stringify(input)).toBe(field);
    }
  });
});

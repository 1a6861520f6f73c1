import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/api/errors';
import { distributeNewLeads } from '../../../core/api/distribution/distribute-new-leads';
import type { Explanation } from '../../../core/domain/distribution/types';
import type { CallInput, PushedEvent } from '../../../core/api/contract';
import { insertLead } from '../../../core/store/leads';
import { leadKeysOf } from '../../../core/api/leads/lead-keys';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { blankLead } from '../../helpers/blank-lead';

type RepInput = CallInput<'reps.create'>;

describe('distribution through the API', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  async function refusal(promise: Promise<unknown>): Promise<ApiError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }

  async function addRep(name: string, extra: Partial<RepInput> = {}) {
    return t.client.call('reps.create', { name, tier: 'mid', joinedOn: '2024-01-01', ...extra });
  }

  async function asRep(repId: string | null): Promise<void> {
    t.client.setSessionToken(
      t.service.openTrustedSession(repId === null ? { role: 'lead' } : { role: 'rep', repId }),
    );
  }

  function rowCount(table: string): number {
    return (t.service.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  it('assigns a new lead on creation and explains why in plain tokens', async () => {
    const wang = await addRep('王芳');
    const lead = await t.client.call('leads.create', { name: '陈总', company: '杭州云帆科技' });
    expect(lead.ownerId).toBe(wang.id);
    const history = await t.client.call('distribution.history', { leadId: lead.id });
    expect(history.assignments).toHaveLength(1);
    const first = history.assignments[0];
    expect(first).toMatchObject({ kind: 'auto', repId: wang.id, ruleId: 'default-fallback' });
    const keys = first?.summary?.tokens.map((token) => token.key);
    expect(keys).toContain('rule.fallback');
    expect(keys).toContain('outcome.assigned');
    const explanation = first?.explanation as Explanation;
    expect(explanation.candidates.map((c) => c.repId)).toEqual([wang.id]);
    expect((await t.client.call('leads.get', { id: lead.id })).lead.ownerId).toBe(wang.id);
  });

  it('emits distribution.assigned for the rep who got the lead', async () => {
    const rep = await addRep('李雷');
    const events: PushedEvent[] = [];
    t.client.subscribe((event) => events.push(event));
    const lead = await t.client.call('leads.create', { name: '赵总' });
    expect(events.filter((e) => e.event === 'distribution.assigned').map((e) => e.payload)).toEqual([
      { leadId: lead.id, repId: rep.id, kind: 'auto' },
    ]);
  });

  it('respects daily caps and leave end to end, and says so in the explanation', async () => {
    const capped = await addRep('封顶', { capDaily: 1 });
    const onLeave = await addRep('休假', { leave: [{ from: '2026-11-20', to: '2026-11-30' }] });
    const free = await addRep('空闲');
    const owners: (string | null)[] = [];
    for (let i = 0; i < 4; i += 1)
      owners.push((await t.client.call('leads.create', { name: `线索${i}` })).ownerId);
    expect(owners.filter((o) => o === capped.id)).toHaveLength(1);
    expect(owners).not.toContain(onLeave.id);
    expect(owners.filter((o) => o === free.id)).toHaveLength(3);
    const last = await t.client.call('distribution.history', { leadId: (await lastLeadId()) ?? '' });
    const explanation = last.assignments[0]?.explanation as Explanation;
    expect(explanation.exclusionCounts['on-leave']).toBe(1);
    expect(explanation.exclusionCounts['daily-cap']).toBe(1);
  });

  async function lastLeadId(): Promise<string | undefined> {
    return (await t.client.call('leads.list', { limit: 1, sort: 'createdAt', direction: 'desc' })).rows[0]
      ?.id;
  }

  it('leaves a lead in the public pool with the reason when no rep can take it', async () => {
    await addRep('出差中', { isOutOfOffice: true });
    const lead = await t.client.call('leads.create', { name: '无人接' });
    expect(lead.ownerId).toBeNull();
    const history = await t.client.call('distribution.history', { leadId: lead.id });
    expect(history.assignments[0]).toMatchObject({ repId: null, kind: 'auto' });
    const explanation = history.assignments[0]?.explanation as Explanation;
    expect(explanation).toMatchObject({ outcome: 'pool', poolReason: 'no-eligible-rep' });
    expect(history.assignments[0]?.summary?.tokens.at(-1)).toEqual({
      key: 'outcome.pool',
      params: { reason: 'no-eligible-rep' },
    });
  });

  it('never distributes history leads', async () => {
    await addRep('王芳');
    const lead = blankLead('lead_history', {
      name: '往年客户',
      createdAt: t.clock.now,
      updatedAt: t.clock.now,
      isHistory: true,
    });
    insertLead(t.service.db, lead, leadKeysOf(lead), {
      importBatchId: null,
      scoreModelVersion: null,
      scoredAt: null,
    });
    const result = await t.client.call('distribution.distribute', { leadIds: [lead.id] });
    expect(result).toMatchObject({ assigned: 0, skipped: [lead.id] });
    expect(rowCount('assignments')).toBe(0);
  });

  it('hands an existing customer’s new lead to the rep who owns the company', async () => {
    const first = await addRep('甲');
    await addRep('乙');
    const a = await t.client.call('leads.create', { name: '张三', company: '上海星河贸易有限公司' });
    expect(a.ownerId).toBe(first.id);
    const b = await t.client.call('leads.create', { name: '李四', company: '上海星河贸易' });
    expect(b.ownerId).toBe(first.id);
    const history = await t.client.call('distribution.history', { leadId: b.id });
    expect((history.assignments[0]?.explanation as Explanation).affinity).toMatchObject({
      kind: 'company',
      honored: true,
    });
  });

  it('distributes pool leads on "distribute now" once a rep can take them', async () => {
    const rep = await addRep('出差中', { isOutOfOffice: true });
    const lead = await t.client.call('leads.create', { name: '等待中' });
    expect(lead.ownerId).toBeNull();
    await t.client.call('reps.update', { id: rep.id, patch: { isOutOfOffice: false } });
    const result = await t.client.call('distribution.distribute', { pool: true });
    expect(result).toMatchObject({ assigned: 1, pooled: 0 });
    expect((await t.client.call('leads.get', { id: lead.id })).lead.ownerId).toBe(rep.id);
  });

  it('does not give a recycled lead back to the rep it was recycled from', async () => {
    const a = await addRep('甲');
    const b = await addRep('乙');
    const lead = await t.client.call('leads.create', { name: '回收' });
    const from = lead.ownerId ?? '';
    const result = t.service.db
      .transaction(() =>
        distributeNewLeads(
          {
            db: t.service.db,
            actor: { role: 'lead' },
            now: t.clock.now,
            newId: (p) => `${p}_recycle`,
            emit: () => {},
          },
          [lead.id],
          { kind: 'recycle', recycledFrom: { [lead.id]: from } },
        ),
      )
      .immediate();
    const to = result.results[0]?.repId;
    expect(to).not.toBe(from);
    expect([a.id, b.id]).toContain(to);
    const history = await t.client.call('distribution.history', { leadId: lead.id });
    expect(history.assignments.at(-1)).toMatchObject({ kind: 'recycle', fromRepId: from });
  });

  it('lets the team lead reassign leads with a reason, recorded and audited', async () => {
    const a = await addRep('甲');
    const b = await addRep('乙');
    const lead = await t.client.call('leads.create', { name: '转交' });
    const target = lead.ownerId === a.id ? b.id : a.id;
    const empty = await refusal(
      t.client.call('distribution.reassign', { leadIds: [lead.id], toRepId: target, reason: ' ' }),
    );
    expect(empty.field).toBe('reason');
    await t.client.call('distribution.reassign', {
      leadIds: [lead.id],
      toRepId: target,
      reason: '客户要求换人',
    });
    expect((await t.client.call('leads.get', { id: lead.id })).lead.ownerId).toBe(target);
    const history = await t.client.call('distribution.history', { leadId: lead.id });
    expect(history.assignments.at(-1)).toMatchObject({
      kind: 'manual',
      repId: target,
      reason: '客户要求换人',
      fromRepId: lead.ownerId,
    });
    const audit = await t.client.call('audit.list', { entityId: lead.id });
    expect(audit[0]).toMatchObject({
      action: 'distribution.reassign',
      detail: { reason: '客户要求换人', toRepId: target },
    });
  });

  it('refuses reassignment by a rep', async () => {
    const a = await addRep('甲');
    const lead = await t.client.call('leads.create', { name: '转交' });
    await asRep(a.id);
    const error = await refusal(
      t.client.call('distribution.reassign', { leadIds: [lead.id], toRepId: a.id, reason: '我要' }),
    );
    expect(error.code).toBe('forbidden');
  });

  describe('appeals', () => {
    async function setUp() {
      const a = await addRep('甲');
      const b = await addRep('乙');
      const lead = await t.client.call('leads.create', { name: '申诉线索' });
      const owner = lead.ownerId === a.id ? a : b;
      const other = owner.id === a.id ? b : a;
      return { lead, owner, other };
    }

    it('lets the rep who got a lead appeal, and the team lead accept by reassigning it', async () => {
      const { lead, owner, other } = await setUp();
      await asRep(owner.id);
      const appeal = await t.client.call('appeals.raise', { leadId: lead.id, message: '不是我的区域' });
      expect(appeal.state).toBe('open');
      expect((await t.client.call('appeals.count', {})).open).toBe(1);
      await asRep(null);
      expect((await t.client.call('appeals.list', { state: 'open' })).map((x) => x.id)).toEqual([appeal.id]);
      const resolved = await t.client.call('appeals.resolve', {
        id: appeal.id,
        decision: 'accept',
        toRepId: other.id,
        reply: '同意，转给乙',
      });
      expect(resolved).toMatchObject({ state: 'accepted', resolvedToRepId: other.id, reply: '同意，转给乙' });
      expect((await t.client.call('leads.get', { id: lead.id })).lead.ownerId).toBe(other.id);
      expect((await t.client.call('appeals.count', {})).open).toBe(0);
      const history = await t.client.call('distribution.history', { leadId: lead.id });
      expect(history.assignments.at(-1)).toMatchObject({ kind: 'appeal', repId: other.id });
      const actions = (await t.client.call('audit.list', { entityId: lead.id })).map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(['appeal.raise', 'appeal.accept', 'distribution.appealReassign']),
      );
    });

    it('lets the team lead reject an appeal with a reply, leaving the owner as it was', async () => {
      const { lead, owner } = await setUp();
      await asRep(owner.id);
      const appeal = await t.client.call('appeals.raise', { leadId: lead.id, message: '太多了' });
      await asRep(null);
      const noReply = await refusal(t.client.call('appeals.resolve', { id: appeal.id, decision: 'reject' }));
      expect(noReply.field).toBe('reply');
      const rejected = await t.client.call('appeals.resolve', {
        id: appeal.id,
        decision: 'reject',
        reply: '按规则分配',
      });
      expect(rejected).toMatchObject({ state: 'rejected', reply: '按规则分配' });
      expect((await t.client.call('leads.get', { id: lead.id })).lead.ownerId).toBe(owner.id);
      const again = await refusal(
        t.client.call('appeals.resolve', { id: appeal.id, decision: 'reject', reply: 'x' }),
      );
      expect(again.code).toBe('conflict');
      await asRep(owner.id);
      expect((await t.client.call('appeals.list', {}))[0]).toMatchObject({
        state: 'rejected',
        reply: '按规则分配',
      });
    });

    it('lets a rep appeal only an assignment to or away from them', async () => {
      const { lead, other } = await setUp();
      await asRep(other.id);
      const error = await refusal(t.client.call('appeals.raise', { leadId: lead.id, message: '我也想要' }));
      expect(error.code).toBe('forbidden');
      await asRep(null);
      const byLead = await refusal(
        t.client.call('appeals.raise', { leadId: lead.id, message: '组长不申诉' }),
      );
      expect(byLead.code).toBe('forbidden');
    });

    it('lets a rep appeal a reassignment away from them', async () => {
      const { lead, owner, other } = await setUp();
      await t.client.call('distribution.reassign', {
        leadIds: [lead.id],
        toRepId: other.id,
        reason: '平衡工作量',
      });
      await asRep(owner.id);
      const appeal = await t.client.call('appeals.raise', { leadId: lead.id, message: '我已经联系过客户了' });
      expect(appeal.state).toBe('open');
      const history = await t.client.call('distribution.history', { leadId: lead.id });
      expect(history.appeals.map((a) => a.id)).toEqual([appeal.id]);
    });

    it('lets only the team lead resolve an appeal', async () => {
      const { lead, owner } = await setUp();
      await asRep(owner.id);
      const appeal = await t.client.call('appeals.raise', { leadId: lead.id, message: '不合适' });
      const error = await refusal(
        t.client.call('appeals.resolve', { id: appeal.id, decision: 'accept', toRepId: owner.id }),
      );
      expect(error.code).toBe('forbidden');
    });
  });

  it('tests a lead against draft rules without writing anything', async () => {
    const senior = await addRep('资深', { tier: 'senior' });
    await addRep('新人', { tier: 'junior' });
    const before = { audit: rowCount('audit_log'), assignments: rowCount('assignments') };
    const result = await t.client.call('distribution.testLead', {
      lead: { name: '测试', industry: '制造', grade: 'B' },
      rules: [
        {
          id: 'mfg',
          name: '制造业给资深',
          enabled: true,
          conditions: [{ field: 'industry', op: 'equals', value: '制造' }],
          target: { kind: 'tier', tiers: ['senior'] },
          method: 'round-robin',
        },
        {
          id: 'rest',
          name: '其余',
          enabled: true,
          conditions: [],
          target: { kind: 'everyone' },
          method: 'round-robin',
        },
      ],
    });
    expect(result).toMatchObject({
      ruleId: 'mfg',
      ruleName: '制造业给资深',
      outcome: 'assigned',
      repId: senior.id,
    });
    expect(result.summary.tokens[0]?.key).toBe('rule.matched');
    expect({ audit: rowCount('audit_log'), assignments: rowCount('assignments') }).toEqual(before);
  });

  it('refuses to save rules without a fallback, naming the field', async () => {
    const error = await refusal(
      t.client.call('distribution.saveRules', {
        rules: [
          {
            id: 'only',
            name: '只有华东',
            enabled: true,
            conditions: [{ field: 'region', op: 'equals', value: '华东' }],
            target: { kind: 'everyone' },
            method: 'round-robin',
          },
        ],
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe('rules.0.conditions');
  });

  it('distributes with saved rules and cites the rule on the assignment', async () => {
    await addRep('华东', { regions: ['华东'] });
    const north = await addRep('华北', { regions: ['华北'] });
    const saved = await t.client.call('distribution.saveRules', {
      rules: [
        {
          id: 'territory',
          name: '按辖区',
          enabled: true,
          conditions: [{ field: 'region', op: 'exists' }],
          target: { kind: 'territory' },
          method: 'load-balanced',
        },
        {
          id: 'rest',
          name: '其余',
          enabled: true,
          conditions: [],
          target: { kind: 'everyone' },
          method: 'round-robin',
        },
      ],
    });
    expect(saved.version).toBe(1);
    const lead = await t.client.call('leads.create', { name: '北京客户', region: '华北' });
    expect(lead.ownerId).toBe(north.id);
    const history = await t.client.call('distribution.history', { leadId: lead.id });
    expect(history.assignments[0]?.ruleId).toBe('territory');
    expect((await t.client.call('distribution.getRules', {})).version).toBe(1);
  });

  it('replays a date range without writing anything', async () => {
    await t.client.call('workspace.loadDemo', {});
    const tables = [
      'leads',
      'assignments',
      'audit_log',
      'appeals',
      'distribution_rule_sets',
      'distribution_rule_state',
      'settings',
    ];
    const before = Object.fromEntries(tables.map((name) => [name, rowCount(name)]));
    const job = await t.client.call('distribution.replay', {
      from: '2026-01-01',
      to: '2026-11-23',
      compareRules: [
        {
          id: 'lb',
          name: '全体负载均衡',
          enabled: true,
          conditions: [],
          target: { kind: 'everyone' },
          method: 'load-balanced',
        },
      ],
    });
    const done = await t.service.jobs.waitFor(job.id);
    expect(done.state).toBe('done');
    const report = done.result as {
      leadCount: number;
      a: { processed: number };
      b: { processed: number } | null;
      comparison: unknown;
    };
    expect(report.leadCount).toBeGreaterThan(0);
    expect(report.a.processed).toBe(report.leadCount);
    expect(report.b?.processed).toBe(report.leadCount);
    expect(report.comparison).not.toBeNull();
    expect(Object.fromEntries(tables.map((name) => [name, rowCount(name)]))).toEqual(before);
  });

  it('gives the same assignments for the same inputs', async () => {
    async function script(s: TestService): Promise<(string | null)[]> {
      for (const [name, tier] of [
        ['甲', 'senior'],
        ['乙', 'mid'],
        ['丙', 'junior'],
        ['丁', 'mid'],
      ] as const)
        await s.client.call('reps.create', { name, tier, joinedOn: '2024-01-01' });
      const owners: (string | null)[] = [];
      for (let i = 0; i < 12; i += 1) {
        s.clock.now += 60_000;
        const lead = await s.client.call('leads.create', {
          name: `客户${i}`,
          title: i % 3 === 0 ? '总经理' : '专员',
          companySize: 50 + i * 100,
        });
        owners.push(lead.ownerId);
      }
      return owners;
    }
    const other = createTestService(tempDir());
    try {
      const first = await script(t);
      expect(await script(other)).toEqual(first);
      expect(new Set(first).size).toBeGreaterThan(1);
    } finally {
      other.close();
    }
  });

  it('reports fairness figures over the recent assignments', async () => {
    const a = await addRep('甲');
    const b = await addRep('乙');
    for (let i = 0; i < 4; i += 1) await t.client.call('leads.create', { name: `线索${i}` });
    const figures = await t.client.call('distribution.fairness', {});
    expect(figures.leadCount).toBe(4);
    expect(figures.perRep[a.id]?.total).toBe(2);
    expect(figures.perRep[b.id]?.total).toBe(2);
    expect(figures.workloadStdDev).toBe(0);
  });
});

// Distribution through the API: assignment on creation with its explanation, caps, leave and the pool, existing
// customers, recycles, rules (test, save, cite), replay, determinism and fairness figures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distributeNewLeads } from '../../../core/api/distribution/distribute-new-leads';
import type { Explanation } from '../../../core/domain/distribution/types';
import type { CallInput, PushedEvent } from '../../../core/api/contract';
import { insertLead } from '../../../core/store/leads';
import { leadKeysOf } from '../../../core/api/leads/lead-keys';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { blankLead } from '../../helpers/blank-lead';
import { refusal } from '../../helpers/refusal';

type RepInput = CallInput<'reps.create'>;

describe('distribution through the API', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  async function addRep(name: string, extra: Partial<RepInput> = {}) {
    return t.client.call('reps.create', { name, tier: 'mid', joinedOn: '2024-01-01', ...extra });
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

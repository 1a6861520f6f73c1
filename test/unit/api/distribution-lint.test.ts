import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadKeysOf } from '../../../core/api/leads/lead-keys';
import { asRepId } from '../../../core/domain/ids';
import { appendAssignment } from '../../../core/store/assignments';
import { insertLead } from '../../../core/store/leads';
import { blankLead } from '../../helpers/blank-lead';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

const DAY = 86_400_000;
/** Wednesday 2026-07-01 10:00 in China (UTC+8, the default offset). */
const NOW = Date.UTC(2026, 6, 1, 2, 0, 0);

describe('distribution.lintRules and distribution.ledger', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let serial = 0;
  beforeEach(() => {
    t = createTestService(tempDir(), NOW);
  });
  afterEach(() => t.close());

  function arrive(at: number, fields: Parameters<typeof blankLead>[1] = {}): string {
    const id = `l-${(serial += 1)}`;
    const lead = blankLead(id, { name: `客户${serial}`, createdAt: at, updatedAt: at, ...fields });
    insertLead(t.service.db, lead, leadKeysOf(lead), {
      importBatchId: null,
      scoreModelVersion: null,
      scoredAt: null,
    });
    return id;
  }

  it('says nothing about the default rules and warns on a draft with a shadowed rule, naming both rules', async () => {
    await t.client.call('reps.create', {
      name: '张三',
      tier: 'senior',
      regions: ['华东'],
      joinedOn: '2024-01-01',
    });
    await t.client.call('reps.create', { name: '李四', tier: 'mid', joinedOn: '2024-01-01' });
    for (let w = 1; w <= 4; w += 1) arrive(NOW - w * 7 * DAY, { grade: 'C', region: '西北' });
    const { rules } = await t.client.call('distribution.getRules', {});
    const report = await t.client.call('distribution.lintRules', { rules });
    expect(report.warnings).toEqual([]);
    expect(report.forecast.days[0]).toMatchObject({
      date: '2026-07-01',
      weekday: 3,
      expected: 1,
      capacity: null,
    });
    expect(report.forecast.historyLeads).toBe(4);

    const shadowed = {
      id: 'east-a',
      name: '华东 A',
      enabled: true,
      conditions: [
        { field: 'grade', op: 'equals', value: 'A' },
        { field: 'region', op: 'equals', value: '华东' },
      ],
      target: { kind: 'everyone' },
      method: 'round-robin',
    } as const;
    const draft = [rules[0], shadowed, ...rules.slice(1)];
    const warned = await t.client.call('distribution.lintRules', { rules: draft as typeof rules });
    expect(warned.warnings).toContainEqual({
      kind: 'shadowed',
      rule: { index: 1, id: 'east-a', name: '华东 A' },
      by: { index: 0, id: rules[0]?.id, name: rules[0]?.name },
    });
  });

  it('is the team lead’s: a rep is refused', async () => {
    const rep = await t.client.call('reps.create', { name: '王五', tier: 'mid', joinedOn: '2024-01-01' });
    const { rules } = await t.client.call('distribution.getRules', {});
    await expect(t.asRep(rep.id).call('distribution.lintRules', { rules })).rejects.toThrow();
  });

  it('answers the ledger with names, available days and leave inside the period', async () => {
    const here = await t.client.call('reps.create', { name: '全勤', tier: 'mid', joinedOn: '2024-01-01' });
    const away = await t.client.call('reps.create', {
      name: '休假',
      tier: 'mid',
      joinedOn: '2024-01-01',
      leave: [{ from: '2026-06-08', to: '2026-06-21' }],
    });
    for (let d = 1; d <= 30; d += 1) {
      const at = Date.UTC(2026, 5, d, 4);
      const onLeave = d >= 8 && d <= 21;
      const receivers = onLeave ? [here.id, here.id] : [here.id, away.id];
      for (const repId of receivers) {
        const leadId = arrive(at, { grade: 'B', ownerId: asRepId(repId) });
        appendAssignment(t.service.db, {
          id: `asg-${leadId}`,
          leadId,
          repId,
          kind: 'auto',
          ruleId: null,
          reason: 'test',
          explanation: { grade: 'B' },
          actor: 'test',
          at,
        });
      }
    }
    const ledger = await t
      .asRep(away.id)
      .call('distribution.ledger', { from: '2026-06-01', to: '2026-06-30' });
    expect(ledger.leadCount).toBe(60);
    const rows = Object.fromEntries(ledger.rows.map((r) => [r.name, r]));
    expect(rows['休假']).toMatchObject({
      availableDays: 16,
      total: { received: 16, expected: 16 },
      leave: [{ from: '2026-06-08', to: '2026-06-21', kind: 'leave' }],
    });
    expect(rows['全勤']?.byGrade.B).toEqual({ received: 44, expected: 44 });
  });
});

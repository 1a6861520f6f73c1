// Duplicates through the API: possible duplicates for the lead form, duplicate groups, and the audited merge.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/api/errors';
import { appendAssignment } from '../../../core/store/assignments';
import { insertFollowUp } from '../../../core/store/follow-ups';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { seedLead } from './import-helpers';

describe('duplicates', () => {
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

  it('finds possible duplicates of a lead being entered by phone, email or company and name', async () => {
    const a = seedLead(t.service, { name: '张伟', phone: '+8613800138000' });
    const b = seedLead(t.service, { name: '李娜', email: 'lina@example.cn' });
    const c = seedLead(t.service, { name: '王芳', company: '北京某某科技有限公司' });
    const byPhone = await t.client.call('leads.findDuplicates', { phone: '138 0013 8000' });
    expect(byPhone.map((d) => [d.lead?.id, d.by])).toEqual([[a.id, ['phone']]]);
    const byEmail = await t.client.call('leads.findDuplicates', { email: 'LiNa@Example.cn' });
    expect(byEmail.map((d) => d.lead?.id)).toEqual([b.id]);
    const byCompany = await t.client.call('leads.findDuplicates', { name: '王 芳', company: '北京某某科技' });
    expect(byCompany.map((d) => [d.lead?.id, d.by])).toEqual([[c.id, ['companyName']]]);
    expect(await t.client.call('leads.findDuplicates', { phone: '138 0013 8000', excludeId: a.id })).toEqual(
      [],
    );
    expect(await t.client.call('leads.findDuplicates', { name: '没有' })).toEqual([]);
  });

  it("shows a rep that a match exists on another rep's lead without its contact details", async () => {
    const other = await t.client.call('reps.create', { name: '销售乙', tier: 'mid' });
    const me = await t.client.call('reps.create', { name: '销售甲', tier: 'mid' });
    seedLead(t.service, { name: '张伟', phone: '+8613800138000', email: 'zw@x.cn', ownerId: other.id });
    t.client.setSessionToken(t.service.openTrustedSession({ role: 'rep', repId: me.id }));
    const found = await t.client.call('leads.findDuplicates', { phone: '13800138000' });
    expect(found).toHaveLength(1);
    // Nothing about the lead itself: not its name, id, owner or contact details (see leads.findDuplicates).
    expect(found[0]).toEqual({ lead: null, isOtherRepsLead: true, by: ['phone'] });
  });

  it('groups duplicates among existing leads transitively', async () => {
    const a = seedLead(t.service, { name: '张伟', phone: '+8613800138000' }, 1);
    const b = seedLead(t.service, { name: '张伟', phone: '+8613800138000', email: 'zw@x.cn' }, 2);
    const c = seedLead(t.service, { name: 'Zhang', email: 'ZW@x.cn' }, 3);
    seedLead(t.service, { name: '无关', phone: '+8613900139000' }, 4);
    const { groups, total } = await t.client.call('duplicates.groups', {});
    expect(total).toBe(1);
    expect(groups[0]?.leads.map((lead) => lead.id)).toEqual([a.id, b.id, c.id]);
    expect(groups[0]?.by).toEqual(['phone', 'email']);
  });

  it('merges with a field-by-field choice, keeps every follow-up, and audits the merge', async () => {
    const rep = await t.client.call('reps.create', { name: '销售甲', tier: 'senior' });
    const kept = seedLead(
      t.service,
      { name: '张伟', phone: '+8613800138000', ownerId: rep.id, title: '经理' },
      1,
    );
    const dup = seedLead(
      t.service,
      { name: '张伟总', phone: '+8613800138000', email: 'zw@x.cn', title: '总监' },
      2,
    );
    for (const [id, leadId] of [
      ['fu_1', kept.id],
      ['fu_2', dup.id],
      ['fu_3', dup.id],
    ] as const) {
      insertFollowUp(t.service.db, {
        id,
        leadId,
        repId: null,
        channel: 'call',
        said: `通话 ${id}`,
        reaction: null,
        nextStep: null,
        nextAt: null,
        at: 10,
      });
    }
    const merged = await t.client.call('duplicates.merge', {
      keepId: kept.id,
      mergeIds: [dup.id],
      choices: { title: dup.id },
    });
    expect(merged).toMatchObject({
      id: kept.id,
      name: '张伟',
      title: '总监',
      email: 'zw@x.cn',
      ownerId: rep.id,
    });
    const detail = await t.client.call('leads.get', { id: kept.id });
    expect(detail.followUps.map((f) => f.id).sort()).toEqual(['fu_1', 'fu_2', 'fu_3']);
    const gone = await refusal(t.client.call('leads.get', { id: dup.id }));
    expect(gone.code).toBe('not_found');
    const audit = await t.client.call('audit.list', { entityId: kept.id });
    expect(audit[0]).toMatchObject({ action: 'lead.merge', detail: { mergedLeadIds: [dup.id] } });
    const pointer = t.service.db
      .prepare('SELECT kept_lead_id FROM lead_merges WHERE merged_lead_id = ?')
      .get(dup.id) as { kept_lead_id: string };
    expect(pointer.kept_lead_id).toBe(kept.id);
    expect((await t.client.call('duplicates.groups', {})).total).toBe(0);
  });

  it("lists the merged lead's assignment history on the kept lead", async () => {
    const rep = await t.client.call('reps.create', { name: '销售甲', tier: 'senior' });
    const kept = seedLead(t.service, { name: '张伟', phone: '+8613800138000' }, 1);
    const dup = seedLead(t.service, { name: '张伟', phone: '+8613800138000' }, 2);
    appendAssignment(t.service.db, {
      id: 'asg_1',
      leadId: dup.id,
      repId: rep.id,
      kind: 'manual',
      ruleId: null,
      reason: '手动分配',
      explanation: {},
      actor: 'team-lead',
      at: 5,
    });
    await t.client.call('duplicates.merge', { keepId: kept.id, mergeIds: [dup.id] });
    const detail = await t.client.call('leads.get', { id: kept.id });
    expect(detail.assignments.map((a) => [a.id, a.leadId])).toEqual([['asg_1', dup.id]]);
  });

  it.each([
    ['the kept lead among the merged', (k: string) => ({ keepId: k, mergeIds: [k] }), 'mergeIds'],
    ['no lead to merge', (k: string) => ({ keepId: k, mergeIds: [] }), 'mergeIds'],
    ['an unknown lead', (k: string) => ({ keepId: k, mergeIds: ['lead_nope'] }), 'mergeIds.0'],
    [
      'a choice of a lead outside the merge',
      (k: string) => ({ keepId: k, mergeIds: ['lead_seed_x'], choices: { name: 'lead_other' } }),
      'mergeIds.0',
    ],
    [
      'an unknown field choice',
      (k: string) => ({ keepId: k, mergeIds: ['x'], choices: { salary: k } }),
      'choices',
    ],
  ])('refuses a merge with %s, naming the field', async (_label, build, field) => {
    const kept = seedLead(t.service, { name: '张伟' });
    const error = await refusal(t.client.call('duplicates.merge', build(kept.id) as never));
    expect(error.field).toBe(field);
  });

  it('lets only the team lead merge', async () => {
    const rep = await t.client.call('reps.create', { name: '销售甲', tier: 'junior' });
    const a = seedLead(t.service, { name: '张伟', ownerId: rep.id });
    const b = seedLead(t.service, { name: '张伟', ownerId: rep.id });
    t.client.setSessionToken(t.service.openTrustedSession({ role: 'rep', repId: rep.id }));
    const error = await refusal(t.client.call('duplicates.merge', { keepId: a.id, mergeIds: [b.id] }));
    expect(error.code).toBe('forbidden');
  });
});

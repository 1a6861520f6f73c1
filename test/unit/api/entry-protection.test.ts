// 撞单 on entry: the live check and who gets a lead entered with the contact of a lead already held.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../core/domain/clock';
import { findLeadById } from '../../../core/store/leads';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, addRep, assignLead, beijing, repClient } from './work-fixtures';

describe('duplicates on entry and the protection rules', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let wang: string;
  let li: string;
  let zhou: string;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    wang = await addRep(t, '王芳');
    li = await addRep(t, '李强');
    zhou = await addRep(t, '周敏');
  });
  afterEach(() => t.close());

  /** A lead with this phone held by `repId` since the clock's time. */
  async function heldLead(repId: string, phone: string, stage?: 'won'): Promise<string> {
    const id = await addLead(t, '陈静');
    await t.client.call('leads.update', { id, patch: { phone } });
    assignLead(t, id, repId);
    if (stage === 'won') await t.client.call('funnel.move', { id, stage: 'won', wonAmountYuan: 5000 });
    return id;
  }

  it('gives a lead with a won customer’s phone to that customer’s owner, and tells the rep who entered it', async () => {
    await heldLead(wang, '13800138000', 'won');
    t.clock.now += 60 * DAY_MS;
    const created = await repClient(t, li).call('leads.create', { name: '陈静', phone: '138 0013 8000' });
    expect(findLeadById(t.service.db, created.id)?.ownerId).toBe(wang);
    expect(created.entry.outcome).toEqual({
      outcome: 'existing_customer',
      isYou: false,
      ownerName: null,
      protectedUntil: null,
    });
    expect(created.entry.matches).toEqual([
      expect.objectContaining({ leadId: null, name: null, isOtherRepsLead: true, by: ['phone'] }),
    ]);
  });

  it('names the holder to a rep only when the team allows it', async () => {
    await heldLead(wang, '13800138000', 'won');
    await t.client.call('leads.saveEntryRules', { protectionDays: 30, showOwnerName: true });
    const check = await repClient(t, li).call('leads.checkEntry', { phone: '+86 138-0013-8000' });
    expect(check.outcome).toMatchObject({ outcome: 'existing_customer', ownerName: '王芳' });
    expect(check.matches[0]).toMatchObject({ ownerName: '王芳', leadId: null });
  });

  it('keeps a rep’s lead with that rep during the protection period, then lets the new entrant keep theirs', async () => {
    await heldLead(wang, '13800138000');
    t.clock.now += 10 * DAY_MS;
    const during = await repClient(t, li).call('leads.create', { name: '陈静', phone: '13800138000' });
    expect(during.entry.outcome).toMatchObject({ outcome: 'protected', isYou: false });
    expect(findLeadById(t.service.db, during.id)?.ownerId).toBe(wang);

    await t.client.call('leads.saveEntryRules', { protectionDays: 7, showOwnerName: false });
    // Both of 王芳's leads (the first, and the one just handed to her) are now past 7 days.
    t.clock.now += 8 * DAY_MS;
    const after = await repClient(t, zhou).call('leads.create', {
      name: '陈静',
      email: 'x@a.cn',
      phone: '13800138000',
    });
    expect(after.entry.outcome).toMatchObject({ outcome: 'kept', isYou: true, ownerName: '周敏' });
    expect(findLeadById(t.service.db, after.id)?.ownerId).toBe(zhou);
  });

  it('keeps a rep’s own new lead with them, protected, instead of handing it to another rep by the rules', async () => {
    const created = await repClient(t, li).call('leads.create', { name: '新客户', phone: '13911112222' });
    expect(created.entry.outcome).toEqual({
      outcome: 'kept',
      isYou: true,
      ownerName: '李强',
      protectedUntil: t.clock.now + 30 * DAY_MS,
    });
    expect(created.ownerId).toBe(li);
    const history = await t.client.call('leads.get', { id: created.id });
    expect(history.assignments.at(-1)).toMatchObject({ repId: li, kind: 'manual' });
    // Why, in each UI language, through the last protected day in the team's calendar (10:00 on 23 December).
    const steps = await t.client.call('distribution.history', { leadId: created.id });
    expect(steps.assignments.at(-1)?.reasonText).toEqual({
      en: 'Entered by the rep: theirs for the protection period (through 2026-12-23)',
      'zh-CN': '销售自行录入：保护期内归其跟进（至 2026-12-23）',
    });
  });

  it('sends the team lead’s unmatched lead through distribution, as before', async () => {
    const created = await t.client.call('leads.create', { name: '新客户', phone: '13911112222' });
    expect(created.entry.outcome).toMatchObject({ outcome: 'distribute', isYou: false });
  });

  it('tells on edit which leads the new contact matches, moving no owner', async () => {
    await heldLead(wang, '13800138000');
    const mine = await repClient(t, li).call('leads.create', { name: '别的客户' });
    const edited = await repClient(t, li).call('leads.update', {
      id: mine.id,
      patch: { phone: '13800138000' },
    });
    expect(edited.ownerId).toBe(li);
    expect(edited.entryMatches).toEqual([expect.objectContaining({ isOtherRepsLead: true, leadId: null })]);
  });

  it('refuses the protection rules to a rep, and a period out of range', async () => {
    await expect(
      repClient(t, li).call('leads.saveEntryRules', { protectionDays: 5, showOwnerName: true }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      t.client.call('leads.saveEntryRules', { protectionDays: 999, showOwnerName: true }),
    ).rejects.toMatchObject({ field: 'protectionDays' });
  });
});

// A new lead's cheap reads: the match-key and owner probes that skip the sorted reads, and the entry rules kept
// parsed while their stored text stays; each answers as the full read would, before and after the writes that change it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadKeysOf } from '../../../core/api/leads/lead-keys';
import { findExistingOwners } from '../../../core/store/distribution-state';
import { findLeadRowsByKeys } from '../../../core/store/lead-merges';
import { hasLeadWithMatchKeys } from '../../../core/store/leads';
import { listPreviousOwners } from '../../../core/store/recycle-history';
import { inTransaction } from '../../../core/store/sql';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, addRep, assignLead, beijing } from './work-fixtures';

describe('a new lead’s probes and cached entry rules', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let wang: string;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    wang = await addRep(t, '王芳');
  });
  afterEach(() => t.close());

  /** A pooled lead with this phone; its stored keys. */
  async function leadWithPhone(phone: string): Promise<{ id: string; keys: ReturnType<typeof leadKeysOf> }> {
    const id = await addLead(t, '陈静');
    await t.client.call('leads.update', { id, patch: { phone } });
    return { id, keys: leadKeysOf({ name: '陈静', phone, email: null, company: '陈静科技有限公司' }) };
  }

  function softDelete(id: string): void {
    t.service.db.prepare('UPDATE leads SET deleted_at = ? WHERE id = ?').run(t.clock.now, id);
  }

  it('says a live lead holds a match key exactly when the full read finds one', async () => {
    const phoneOnly = leadKeysOf({ name: '', phone: '13800138000', email: null, company: null });
    expect(hasLeadWithMatchKeys(t.service.db, phoneOnly)).toBe(false);
    const { id } = await leadWithPhone('13800138000');
    for (const keys of [
      phoneOnly,
      leadKeysOf({ name: '陈静', phone: null, email: null, company: '陈静科技有限公司' }),
      leadKeysOf({ name: '别人', phone: null, email: null, company: null }),
      { phoneKey: null, emailKey: null, companyNameKey: null },
    ])
      expect(hasLeadWithMatchKeys(t.service.db, keys)).toBe(
        findLeadRowsByKeys(t.service.db, keys, 21).length > 0,
      );
    expect(hasLeadWithMatchKeys(t.service.db, phoneOnly)).toBe(true);
    softDelete(id);
    expect(hasLeadWithMatchKeys(t.service.db, phoneOnly)).toBe(false);
    expect(findLeadRowsByKeys(t.service.db, phoneOnly, 21)).toEqual([]);
  });

  it('checks entry the same with and without a match, and never matches the lead being edited', async () => {
    expect((await t.client.call('leads.checkEntry', { phone: '13800138000' })).matches).toEqual([]);
    const { id } = await leadWithPhone('13800138000');
    const found = await t.client.call('leads.checkEntry', { phone: '13800138000' });
    expect(found.matches).toEqual([expect.objectContaining({ leadId: id, by: ['phone'] })]);
    const self = await t.client.call('leads.checkEntry', { phone: '13800138000', excludeId: id });
    expect(self.matches).toEqual([]);
  });

  it('finds an existing owner only for an owned, live, other lead holding the key', async () => {
    const { id, keys } = await leadWithPhone('13800138000');
    const probe = { ...keys, phoneKey: keys.phoneKey };
    // Unowned: no owner to keep the contact with.
    expect(findExistingOwners(t.service.db, 'lead_other', probe)).toEqual({
      byContact: null,
      byCompany: null,
    });
    assignLead(t, id, wang);
    expect(findExistingOwners(t.service.db, 'lead_other', probe)).toEqual({
      byContact: wang,
      byCompany: wang,
    });
    // The lead itself is no existing owner of its own contact.
    expect(findExistingOwners(t.service.db, id, probe)).toEqual({ byContact: null, byCompany: null });
    softDelete(id);
    expect(findExistingOwners(t.service.db, 'lead_other', probe)).toEqual({
      byContact: null,
      byCompany: null,
    });
  });

  it('lists previous owners from the recycles since the cool-down began, one statement per chunk size', async () => {
    const a = await addLead(t, '甲');
    const b = await addLead(t, '乙');
    const insert = t.service.db.prepare(
      'INSERT INTO lead_recycles (id, lead_id, from_rep_id, at, reason) VALUES (?, ?, ?, ?, ?)',
    );
    inTransaction(t.service.db, () => {
      insert.run('rc_1', a, wang, 1_000, 'sla');
      insert.run('rc_2', a, wang, 3_000, 'sla');
      insert.run('rc_3', b, wang, 2_000, 'sla');
    });
    expect(listPreviousOwners(t.service.db, [a], 2_000)).toEqual(
      new Map([[a, [{ repId: wang, at: 3_000 }]]]),
    );
    expect(listPreviousOwners(t.service.db, [a, b], 0)).toEqual(
      new Map([
        [
          a,
          [
            { repId: wang, at: 1_000 },
            { repId: wang, at: 3_000 },
          ],
        ],
        [b, [{ repId: wang, at: 2_000 }]],
      ]),
    );
    expect(listPreviousOwners(t.service.db, [b], 2_001)).toEqual(new Map());
  });

  it('reads the entry rules anew after each save (the parsed rules are kept only while the stored text stays)', async () => {
    const before = await t.client.call('leads.entryRules', {});
    const changed = {
      ...before,
      protectionDays: before.protectionDays + 7,
      showOwnerName: !before.showOwnerName,
    };
    await t.client.call('leads.saveEntryRules', changed);
    expect(await t.client.call('leads.entryRules', {})).toEqual(changed);
    await t.client.call('leads.saveEntryRules', before);
    expect(await t.client.call('leads.entryRules', {})).toEqual(before);
  });
});

// "Say what will happen, then do it": the pool's distribution preview agrees with the run, and deactivating a rep
// asks where their open leads go and moves them there.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLeadById } from '../../../core/store/leads';
import { findRepById } from '../../../core/store/reps';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, addRep, assignLead, beijing } from './work-fixtures';

describe('previews and deactivation choices', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let wang: string;
  let li: string;
  let zhou: string;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(24, 10));
    wang = await addRep(t, '王芳');
    li = await addRep(t, '李强');
    zhou = await addRep(t, '周敏');
  });
  afterEach(() => t.close());

  const ownerOf = (id: string) => findLeadById(t.service.db, id)?.ownerId ?? null;

  it('previews "distribute now" per rep, changes nothing, and the run then does exactly that', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push(await addLead(t, `客户${i}`));
    const preview = await t.client.call('pool.previewDistribution', { pool: true });
    expect(preview.total).toBe(7);
    expect(preview.perRep.reduce((sum, rep) => sum + rep.count, 0)).toBe(preview.assigned);
    expect(ids.map(ownerOf)).toEqual(ids.map(() => null));
    expect((await t.client.call('pool.list', {})).total).toBe(7);

    const run = await t.client.call('distribution.distribute', { pool: true });
    const counts = new Map<string, number>();
    for (const r of run.results) if (r.repId !== null) counts.set(r.repId, (counts.get(r.repId) ?? 0) + 1);
    expect(new Map(preview.perRep.map((rep) => [rep.repId, rep.count]))).toEqual(counts);
    expect(preview.assigned).toBe(run.assigned);
    expect(preview.perRep.every((rep) => rep.name.length > 0 && rep.name !== rep.repId)).toBe(true);
  });

  async function giveOpenLeads(repId: string, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const id = await addLead(t, `王的客户${i}`);
      assignLead(t, id, repId);
      ids.push(id);
    }
    return ids;
  }

  it('refuses to deactivate a rep with open leads without a place for them, telling the count', async () => {
    await giveOpenLeads(wang, 3);
    expect(await t.client.call('pool.openLeadsOf', { repId: wang })).toEqual({ count: 3 });
    await expect(t.client.call('reps.setActive', { id: wang, isActive: false })).rejects.toMatchObject({
      reason: 'pool.openLeadsNeedPlace',
      field: 'openLeads',
    });
    expect(findRepById(t.service.db, wang)?.isActive).toBe(true);
  });

  it('moves the open leads to the pool, where they show as released by that rep', async () => {
    const ids = await giveOpenLeads(wang, 2);
    t.clock.now += 60_000;
    await t.client.call('reps.setActive', { id: wang, isActive: false, openLeads: { to: 'pool' } });
    expect(ids.map(ownerOf)).toEqual([null, null]);
    const pool = await t.client.call('pool.list', {});
    expect(pool.rows.map((row) => [row.poolReason, row.fromRepName, row.arrivedAt])).toEqual([
      ['released', '王芳', t.clock.now],
      ['released', '王芳', t.clock.now],
    ]);
  });

  it('moves the open leads to a named rep', async () => {
    const ids = await giveOpenLeads(wang, 2);
    await t.client.call('reps.setActive', {
      id: wang,
      isActive: false,
      openLeads: { to: 'rep', repId: zhou },
    });
    expect(ids.map(ownerOf)).toEqual([zhou, zhou]);
  });

  it('redistributes the open leads by the rules, never back to the deactivated rep', async () => {
    const ids = await giveOpenLeads(wang, 4);
    await t.client.call('reps.setActive', { id: wang, isActive: false, openLeads: { to: 'redistribute' } });
    const owners = ids.map(ownerOf);
    expect(owners).not.toContain(wang);
    expect(owners.every((owner) => owner === null || owner === li || owner === zhou)).toBe(true);
    expect(await t.client.call('pool.openLeadsOf', { repId: wang })).toEqual({ count: 0 });
  });

  it('shows a lead no rep could take as new, arrived when it was created', async () => {
    for (const rep of [wang, li, zhou]) await t.client.call('reps.setActive', { id: rep, isActive: false });
    t.clock.now += 60_000;
    const created = await t.client.call('leads.create', { name: '散客' });
    const row = (await t.client.call('pool.list', {})).rows.find((r) => r.id === created.id);
    expect(row).toMatchObject({ poolReason: 'new', fromRepName: null, arrivedAt: t.clock.now });
  });
});

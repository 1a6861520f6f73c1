import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FunnelSettings } from '../../../core/api/funnel/schemas';
import { DEFAULT_FUNNEL_SETTINGS, FUNNEL_SETTINGS_KEY } from '../../../core/api/sla/settings';
import type { FunnelStage } from '../../../core/domain/funnel';
import { writeSetting } from '../../../core/store/settings';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, addRep, assignLead, beijing, plainPolicy, repClient } from './work-fixtures';

const DEMO = 'c_demo01';

describe('configurable funnel stages', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let rep: string;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    rep = await addRep(t, '王芳');
  });
  afterEach(() => t.close());

  async function funnel(): Promise<FunnelSettings> {
    return (await t.client.call('work.settings', {})).funnel;
  }

  /** The funnel with "Demo booked" after SQL. */
  async function addDemoStage(): Promise<FunnelSettings> {
    const current = await funnel();
    const at = current.stages.findIndex((s) => s.key === 'sql') + 1;
    const stages = [
      ...current.stages.slice(0, at),
      { key: DEMO as FunnelStage, zh: '已约演示', en: 'Demo booked', hidden: false },
      ...current.stages.slice(at),
    ];
    return (await t.client.call('funnel.saveSettings', { ...current, stages })).funnel;
  }

  function hiding(settings: FunnelSettings, key: FunnelStage): FunnelSettings {
    return { ...settings, stages: settings.stages.map((s) => (s.key === key ? { ...s, hidden: true } : s)) };
  }

  async function columns(): Promise<string[]> {
    return (await t.client.call('funnel.board', {})).columns.map((column) => column.stage);
  }

  async function ownedLead(name: string, stage: FunnelStage = 'raw'): Promise<string> {
    const id = await addLead(t, name);
    assignLead(t, id, rep);
    if (stage !== 'raw') await t.client.call('funnel.move', { id, stage });
    return id;
  }

  it('keeps a custom stage where it was put, and shows it as a board column in that place', async () => {
    await addDemoStage();
    expect((await funnel()).stages.map((s) => s.key)).toEqual([
      'raw',
      'mql',
      'sql',
      DEMO,
      'opportunity',
      'won',
      'lost',
      'nurture',
    ]);
    expect(await columns()).toEqual(['raw', 'mql', 'sql', DEMO, 'opportunity', 'won', 'lost', 'nurture']);
  });

  it('moves a lead into a custom stage, records it, and keeps it on the SLA clock as open work', async () => {
    await addDemoStage();
    const lead = await ownedLead('陈静');
    const rc = repClient(t, rep);
    await rc.call('funnel.move', { id: lead, stage: DEMO });
    const board = await t.client.call('funnel.board', {});
    expect(board.columns.find((c) => c.stage === DEMO)?.cards.map((c) => c.id)).toEqual([lead]);
    const detail = await t.client.call('work.leadDetail', { id: lead });
    expect(detail.stageHistory[0]).toMatchObject({ from: 'raw', to: DEMO, actor: `rep:${rep}` });
    expect(detail.sla).not.toBeNull();
    expect((await rc.call('queue.list', {})).items.map((item) => item.id)).toContain(lead);
  });

  it('offers an unowned lead in a custom stage in the public pool', async () => {
    await addDemoStage();
    const lead = await addLead(t, '公海客户');
    await t.client.call('funnel.move', { id: lead, stage: DEMO });
    expect((await t.client.call('pool.list', {})).rows.map((row) => row.id)).toContain(lead);
  });

  it('refuses to move a lead to a stage the funnel does not have, or hides', async () => {
    const lead = await ownedLead('陈静');
    await expect(t.client.call('funnel.move', { id: lead, stage: 'c_nosuch1' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'stage',
      reason: 'funnel.unknownStage',
      details: { stage: 'c_nosuch1' },
    });
    await expect(
      t.client.call('funnel.move', { id: lead, stage: 'hot' as FunnelStage }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'stage' });
    await t.client.call('funnel.saveSettings', hiding(await funnel(), 'opportunity'));
    await expect(t.client.call('funnel.move', { id: lead, stage: 'opportunity' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'stage',
      reason: 'funnel.hiddenStage',
      details: { stage: 'opportunity', name: 'Opportunity', nameZh: '商机' },
    });
    expect((await t.client.call('leads.get', { id: lead })).lead.stage).toBe('raw');
  });

  it('refuses to create a lead in a hidden stage, or edit one into it', async () => {
    await t.client.call('funnel.saveSettings', hiding(await funnel(), 'mql'));
    await expect(t.client.call('leads.create', { name: '李娜', stage: 'mql' })).rejects.toMatchObject({
      field: 'stage',
    });
    const lead = await ownedLead('陈静');
    await expect(t.client.call('leads.update', { id: lead, patch: { stage: 'mql' } })).rejects.toMatchObject({
      field: 'stage',
    });
  });

  it('refuses to hide a stage that still has leads, naming how many, and changes nothing', async () => {
    await ownedLead('a', 'mql');
    await ownedLead('b', 'mql');
    await expect(t.client.call('funnel.saveSettings', hiding(await funnel(), 'mql'))).rejects.toMatchObject({
      code: 'conflict',
      field: 'reassign',
      reason: 'funnel.stageHasLeads',
      details: { stage: 'mql', name: 'MQL', count: 2, change: 'hidden' },
    });
    expect((await funnel()).stages.find((s) => s.key === 'mql')?.hidden).toBe(false);
    expect(await columns()).toContain('mql');
  });

  it('hides a stage after moving its leads to the chosen stage, each move in the stage history', async () => {
    const first = await ownedLead('a', 'mql');
    const second = await ownedLead('b', 'mql');
    const elsewhere = await ownedLead('c');
    t.clock.now += 60_000;
    const saved = await t.client.call('funnel.saveSettings', {
      ...hiding(await funnel(), 'mql'),
      reassign: [{ from: 'mql', to: 'sql' }],
    });
    expect(saved.moved).toBe(2);
    expect(await columns()).not.toContain('mql');
    for (const id of [first, second]) {
      expect((await t.client.call('leads.get', { id })).lead.stage).toBe('sql');
      const detail = await t.client.call('work.leadDetail', { id });
      expect(detail.stageHistory[0]).toMatchObject({
        from: 'mql',
        to: 'sql',
        actor: 'team-lead',
        at: t.clock.now,
        note: expect.stringContaining('hidden'),
      });
    }
    expect((await t.client.call('leads.get', { id: elsewhere })).lead.stage).toBe('raw');
    expect((await t.client.call('funnel.stageCounts', {})).counts).toMatchObject({ sql: 2, raw: 1 });
  });

  it('removes a custom stage only once its leads have a shown working stage to go to', async () => {
    const withDemo = await addDemoStage();
    const lead = await ownedLead('陈静', DEMO);
    const without = { ...withDemo, stages: withDemo.stages.filter((s) => s.key !== DEMO) };
    await expect(t.client.call('funnel.saveSettings', without)).rejects.toMatchObject({
      code: 'conflict',
      reason: 'funnel.stageHasLeads',
      details: { name: 'Demo booked', count: 1, change: 'removed' },
    });
    for (const to of ['won', 'nurture', DEMO, 'c_nosuch1'] as FunnelStage[])
      await expect(
        t.client.call('funnel.saveSettings', { ...without, reassign: [{ from: DEMO, to }] }),
      ).rejects.toMatchObject({ code: 'invalid_input', field: 'reassign' });
    await t.client.call('funnel.saveSettings', { ...without, reassign: [{ from: DEMO, to: 'opportunity' }] });
    expect((await t.client.call('leads.get', { id: lead })).lead.stage).toBe('opportunity');
    expect(await columns()).not.toContain(DEMO);
  });

  it('keeps raw, won, lost and nurture: they can be renamed but not hidden or dropped', async () => {
    const current = await funnel();
    await expect(t.client.call('funnel.saveSettings', hiding(current, 'won'))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(
      t.client.call('funnel.saveSettings', {
        ...current,
        stages: current.stages.filter((s) => s.key !== 'lost'),
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await t.client.call('funnel.saveSettings', {
      ...current,
      stages: current.stages.map((s) => (s.key === 'won' ? { ...s, zh: '签约', en: 'Signed' } : s)),
    });
    expect((await funnel()).stages.find((s) => s.key === 'won')).toMatchObject({ zh: '签约', en: 'Signed' });
  });

  it('saves a new order of the working stages and the board follows it', async () => {
    const current = await addDemoStage();
    const byKey = new Map(current.stages.map((s) => [s.key, s]));
    const order: FunnelStage[] = ['raw', DEMO, 'opportunity', 'sql', 'mql', 'won', 'lost', 'nurture'];
    await t.client.call('funnel.saveSettings', {
      ...current,
      stages: order.map((key) => byKey.get(key) ?? { key, zh: key, en: key, hidden: false }),
    });
    expect(await columns()).toEqual(order);
  });

  it('sorts the leads table by stage in board order, custom stages in their place', async () => {
    await addDemoStage();
    const won = await ownedLead('赢单', 'sql');
    await t.client.call('funnel.move', { id: won, stage: 'won', wonAmountYuan: 100 });
    await ownedLead('演示', DEMO);
    await ownedLead('商机', 'opportunity');
    await ownedLead('新线索');
    await ownedLead('销售线索', 'sql');
    const names = async (direction: 'asc' | 'desc') =>
      (await t.client.call('leads.list', { sort: 'stage', direction })).rows.map((lead) => lead.name);
    expect(await names('asc')).toEqual(['新线索', '销售线索', '演示', '商机', '赢单']);
    expect(await names('desc')).toEqual(['赢单', '商机', '演示', '销售线索', '新线索']);
  });

  it('reads funnel settings saved before stages could be hidden, with their labels, all shown', async () => {
    const { stages, ...rest } = DEFAULT_FUNNEL_SETTINGS;
    const old = {
      ...rest,
      stages: stages.map(({ key, zh, en }) => ({ key, zh, en: key === 'sql' ? 'Qualified' : en })),
    };
    writeSetting(t.service.db, FUNNEL_SETTINGS_KEY, old, t.clock.now);
    const read = await funnel();
    expect(read.stages.find((s) => s.key === 'sql')).toEqual({
      key: 'sql',
      zh: '销售认可 SQL',
      en: 'Qualified',
      hidden: false,
    });
    expect(await columns()).toHaveLength(7);
  });

  it('lets only the team lead change the stages or count leads per stage', async () => {
    const rc = repClient(t, rep);
    await expect(rc.call('funnel.saveSettings', await funnel())).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rc.call('funnel.stageCounts', {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});

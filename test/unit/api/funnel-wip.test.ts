import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadKeysOf } from '../../../core/api/leads/lead-keys';
import { asRepId } from '../../../core/domain/ids';
import { insertLead } from '../../../core/store/leads';
import { blankLead } from '../../helpers/blank-lead';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

describe('kanban WIP limits through the API', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let serial = 0;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  function own(repId: string, count: number): void {
    for (let i = 0; i < count; i += 1) {
      const id = `w-${(serial += 1)}`;
      const lead = blankLead(id, {
        name: id,
        stage: 'mql',
        ownerId: asRepId(repId),
        createdAt: t.clock.now,
        updatedAt: t.clock.now,
      });
      insertLead(t.service.db, lead, leadKeysOf(lead), {
        importBatchId: null,
        scoreModelVersion: null,
        scoredAt: null,
      });
    }
  }

  it('keeps the stage limits in the funnel settings and counts open leads per owner, a rep seeing only their own', async () => {
    const a = await t.client.call('reps.create', { name: '甲', tier: 'mid', joinedOn: '2024-01-01' });
    const b = await t.client.call('reps.create', { name: '乙', tier: 'mid', joinedOn: '2024-01-01' });
    own(a.id, 3);
    own(b.id, 1);
    const { funnel } = await t.client.call('work.settings', {});
    const stages = funnel.stages.map((s) =>
      s.key === 'mql' ? { ...s, wipLimit: 3, repWipLimit: 2, rotDays: 5 } : s,
    );
    const saved = await t.client.call('funnel.saveSettings', { ...funnel, stages, reassign: [] });
    expect(saved.funnel.stages.find((s) => s.key === 'mql')).toMatchObject({
      wipLimit: 3,
      repWipLimit: 2,
      rotDays: 5,
    });
    const board = await t.client.call('funnel.board', {});
    const mql = board.columns.find((c) => c.stage === 'mql');
    expect(mql).toMatchObject({ total: 4, byOwner: { [a.id]: 3, [b.id]: 1 } });
    expect(mql?.cards[0]).toHaveProperty('stageChangedAt');
    const mine = await t.asRep(b.id).call('funnel.board', {});
    expect(mine.columns.find((c) => c.stage === 'mql')?.byOwner).toEqual({ [b.id]: 1 });
  });
});

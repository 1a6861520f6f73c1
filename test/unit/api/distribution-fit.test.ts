import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadKeysOf } from '../../../core/api/leads/lead-keys';
import { asRepId } from '../../../core/domain/ids';
import { insertLead } from '../../../core/store/leads';
import { blankLead } from '../../helpers/blank-lead';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

describe('rep fit through the API', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  let serial = 0;
  function addClosed(repId: string, wins: number, n: number, industry: string): void {
    for (let i = 0; i < n; i += 1) {
      const lead = blankLead(`hist-${(serial += 1)}`, {
        name: `历史 ${i}`,
        ownerId: asRepId(repId),
        stage: i < wins ? 'won' : 'lost',
        grade: 'B',
        industry,
        isHistory: true,
        createdAt: t.clock.now - 90 * 86_400_000,
        updatedAt: t.clock.now - 30 * 86_400_000,
      });
      insertLead(t.service.db, lead, leadKeysOf(lead), {
        importBatchId: null,
        scoreModelVersion: null,
        scoredAt: null,
      });
    }
  }

  it('says plainly when there is too little history, then learns each rep’s rate with its sample size', async () => {
    const a = await t.client.call('reps.create', { name: '甲', tier: 'mid', joinedOn: '2024-01-01' });
    const b = await t.client.call('reps.create', { name: '乙', tier: 'mid', joinedOn: '2024-01-01' });
    addClosed(a.id, 3, 10, '制造');
    const early = await t.client.call('distribution.repFit', {});
    expect(early).toMatchObject({ status: 'too-little-history', outcomes: 10, minOutcomes: 50 });
    addClosed(a.id, 30, 50, '制造');
    addClosed(b.id, 10, 50, '制造');
    const learned = await t.client.call('distribution.repFit', {});
    expect(learned.status).toBe('learned');
    const rateOf = (id: string) => learned.reps.find((r) => r.repId === id)?.overall;
    expect(rateOf(a.id)).toMatchObject({ wins: 33, n: 60 });
    expect(rateOf(a.id)?.rate ?? 0).toBeGreaterThan(rateOf(b.id)?.rate ?? 1);
    expect(rateOf(a.id)?.low ?? 1).toBeLessThan(rateOf(a.id)?.rate ?? 0);
    expect(learned.reps.find((r) => r.repId === a.id)?.cells.map((c) => c.segment)).toContain('industry');
  });

  it('is for the team lead only', async () => {
    const rep = await t.client.call('reps.create', { name: '丙', tier: 'mid', joinedOn: '2024-01-01' });
    await expect(t.asRep(rep.id).call('distribution.repFit', {})).rejects.toThrow();
  });
});

// The demo's closed leads are won or lost by their signals, so the learned model trained on them is worth reading.
import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../../../core/domain/demo/generate-demo-workspace';
import type { Lead } from '../../../../core/domain/lead';
import { trainConversionModel } from '../../../../core/domain/scoring/learned';
import { defaultScoringModel } from '../../../../core/domain/scoring/default-model';
import { scoreLead } from '../../../../core/domain/scoring/engine';

const NOW = Date.UTC(2026, 10, 23, 2, 0, 0);

describe('demo outcomes', () => {
  it('teach the learned model a clear signal: held-out AUC of at least 0.75 for every seed tried', () => {
    for (const seed of [1, 2, 3]) {
      const leads = generateDemoWorkspace({ seed, now: NOW }).leads as unknown as Lead[];
      const trained = trainConversionModel(leads, NOW, { seed: 1 });
      expect(trained.ok, `seed ${seed}`).toBe(true);
      if (trained.ok) expect(trained.value.metrics.auc, `seed ${seed}`).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('are won more often the better the lead scores under the default rules', () => {
    const leads = generateDemoWorkspace({ seed: 1, now: NOW }).leads;
    const model = defaultScoringModel();
    const closed = leads.filter((l) => l.stage === 'won' || l.stage === 'lost');
    const wonShare = (grades: readonly string[]) => {
      const band = closed.filter((l) => grades.includes(scoreLead(l, model, NOW).grade));
      return band.filter((l) => l.stage === 'won').length / Math.max(1, band.length);
    };
    expect(closed.length).toBeGreaterThan(100);
    expect(wonShare(['A', 'B'])).toBeGreaterThan(0.6);
    expect(wonShare(['D'])).toBeLessThan(0.15);
    expect(wonShare(['A', 'B', 'C', 'D'])).toBeGreaterThan(0.25);
    expect(wonShare(['A', 'B', 'C', 'D'])).toBeLessThan(0.6);
  });
});

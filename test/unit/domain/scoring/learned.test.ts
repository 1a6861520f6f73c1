import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../core/domain/clock';
import { asLeadId } from '../../../../core/domain/ids';
import type { Lead } from '../../../../core/domain/lead';
import { classifyTitleLevel, extractFeatures } from '../../../../core/domain/scoring/features';
import { computeAuc, computeCalibration } from '../../../../core/domain/scoring/logistic-fit';
import { predictConversion, trainConversionModel } from '../../../../core/domain/scoring/learned';
import { generateSyntheticHistory, PLANTED_FACTORS } from '../../../../core/domain/scoring/synthetic-history';
import { makeLead, NOW } from './lead-fixtures';

const planted = generateSyntheticHistory({ count: 2000, seed: 11, now: NOW, signal: 'planted' });
const noise = generateSyntheticHistory({ count: 2000, seed: 12, now: NOW, signal: 'none' });

function trained(leads: readonly Lead[], seed = 1, excludeFields: string[] = []) {
  const result = trainConversionModel(leads, NOW, { seed, excludeFields });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

const plantedModel = trained(planted);

describe('feature extraction', () => {
  it('names features in words people can read', () => {
    const lead = makeLead({
      title: '销售总监',
      industry: '制造',
      companySize: 300,
      bant: { authority: 'decision_maker', budget: 99_999 },
      customFields: { 渠道等级: '一级' },
      events: [{ kind: 'download', at: NOW - DAY_MS }],
    });
    const names = extractFeatures(lead, NOW).map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'industry=制造',
        'title=销售总监',
        'title_level=decision_maker',
        'size_bucket=200-999',
        'bant.authority=decision_maker',
        'bant.budget_log10',
        'custom.渠道等级=一级',
        'downloads_recent',
      ]),
    );
  });

  it('drops excluded fields, field groups and single features', () => {
    const lead = makeLead({
      industry: '制造',
      region: '上海',
      bant: { need: 'high' },
      events: [{ kind: 'visit', at: NOW }],
    });
    const names = extractFeatures(lead, NOW, { excludeFields: ['industry', 'bant', 'visits_recent'] }).map(
      (f) => f.name,
    );
    expect(names).toEqual(['region=上海']);
  });

  it.each([
    ['总经理', 'decision_maker'],
    ['Sales Director', 'decision_maker'],
    ['采购经理', 'manager'],
    ['工程师', 'staff'],
    [null, 'unknown'],
  ] as const)('classifies the title %s as %s', (title, level) => {
    expect(classifyTitleLevel(title)).toBe(level);
  });
});

describe('AUC and calibration', () => {
  it('gives 1 for a perfect ranking, 0 for a reversed one and 0.5 when every score ties', () => {
    expect(computeAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(computeAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(computeAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
  });

  it('counts a tie between a positive and a negative as half', () => {
    // Pairs (pos, neg): (0.5 vs 0.5) tie = 0.5, (0.5 vs 0.1) win = 1 → 1.5 / 2.
    expect(computeAuc([0.1, 0.5, 0.5], [0, 0, 1])).toBe(0.75);
  });

  it('has no AUC when one class is missing', () => {
    expect(computeAuc([0.1, 0.2], [1, 1])).toBeNull();
  });

  it('bins predictions into ten bins with counts, mean prediction and observed rate', () => {
    const bins = computeCalibration([0.05, 0.15, 0.15, 1], [0, 1, 0, 1]);
    expect(bins).toHaveLength(10);
    expect(bins[1]).toMatchObject({ count: 2, observedRate: 0.5 });
    expect(bins[1]?.meanPredicted).toBeCloseTo(0.15, 12);
    expect(bins[9]).toMatchObject({ count: 1, meanPredicted: 1, observedRate: 1 });
    expect(bins[5]).toMatchObject({ count: 0, meanPredicted: null, observedRate: null });
  });
});

describe('learned conversion model', () => {
  it('finds a planted signal with a held-out AUC of at least 0.80', () => {
    expect(plantedModel.metrics.auc).toBeGreaterThanOrEqual(0.8);
    expect(plantedModel.metrics.strength).toBe('strong');
  });

  it('names the planted factors first among positive factors', () => {
    const firstNames = plantedModel.topPositive.slice(0, PLANTED_FACTORS.length).map((f) => f.name);
    expect([...firstNames].sort()).toEqual([...PLANTED_FACTORS].sort());
    expect(plantedModel.topPositive[0]?.direction).toBe('raises');
  });

  it('reports an AUC near 0.5 on pure noise instead of inventing a signal', () => {
    const model = trained(noise);
    expect(model.metrics.auc).toBeGreaterThan(0.4);
    expect(model.metrics.auc).toBeLessThan(0.6);
    expect(model.metrics.strength).toBe('none');
  });

  it('refuses to train with fewer than 30 won or 30 lost and says how many more of each it needs', () => {
    const won = planted.filter((l) => l.stage === 'won').slice(0, 25);
    const lost = planted.filter((l) => l.stage === 'lost').slice(0, 40);
    const result = trainConversionModel([...won, ...lost], NOW, { seed: 1 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not_enough_outcomes',
        won: 25,
        lost: 40,
        minWon: 30,
        minLost: 30,
        moreWonNeeded: 5,
        moreLostNeeded: 0,
      },
    });
  });

  it('ignores leads that are neither won nor lost', () => {
    const open = planted.map((l) => ({ ...l, stage: 'sql' as const }));
    const result = trainConversionModel(open, NOW, { seed: 1 });
    expect(result.ok).toBe(false);
  });

  it('trains the identical model for the same seed, whatever the input order', () => {
    const again = trained([...planted].reverse());
    expect(again).toEqual(plantedModel);
  });

  it('holds out a quarter of each outcome and counts the examples', () => {
    const won = planted.filter((l) => l.stage === 'won').length;
    const lost = planted.length - won;
    const m = plantedModel.metrics;
    expect(m.won + m.lost).toBe(2000);
    expect(m.won).toBe(won);
    expect(m.holdoutCount).toBe(Math.round(won * 0.25) + Math.round(lost * 0.25));
    expect(m.trainCount + m.holdoutCount).toBe(2000);
    expect(m.calibration.reduce((s, b) => s + b.count, 0)).toBe(m.holdoutCount);
  });

  it('leaves excluded fields out of the model entirely', () => {
    const model = trained(planted, 1, ['industry', 'custom']);
    expect(model.features.some((f) => f.field === 'industry' || f.field.startsWith('custom.'))).toBe(false);
    expect(model.topPositive[0]?.name).toBe('title_level=decision_maker');
  });

  it('reports progress from 0 to exactly 1 without going backwards', () => {
    const seen: number[] = [];
    trainConversionModel(planted, NOW, { seed: 1, onProgress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] ?? 0);
  });

  it('survives a JSON round trip', () => {
    expect(JSON.parse(JSON.stringify(plantedModel))).toEqual(plantedModel);
  });
});

describe('predictConversion', () => {
  const hot = makeLead({ id: asLeadId('x'), title: '总经理', industry: '制造' });
  const cold = makeLead({ id: asLeadId('y'), title: '工程师', industry: '零售' });

  it('ranks a decision-maker in 制造 far above staff elsewhere', () => {
    expect(predictConversion(plantedModel, hot, NOW).probability).toBeGreaterThan(0.6);
    expect(predictConversion(plantedModel, cold, NOW).probability).toBeLessThan(0.15);
  });

  it("explains a lead with its strongest factors, whose contributions add up to the probability's log-odds", () => {
    const prediction = predictConversion(plantedModel, hot, NOW, 100);
    expect(
      prediction.factors
        .slice(0, 2)
        .map((f) => f.name)
        .sort(),
    ).toEqual([...PLANTED_FACTORS].sort());
    const logOdds = plantedModel.intercept + prediction.factors.reduce((s, f) => s + f.contribution, 0);
    expect(1 / (1 + Math.exp(-logOdds))).toBeCloseTo(prediction.probability, 12);
  });
});

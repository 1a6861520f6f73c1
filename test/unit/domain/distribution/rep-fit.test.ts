import { describe, expect, it } from 'vitest';
import { distributeBatch } from '../../../../core/domain/distribution/engine';
import { explanationSummary } from '../../../../core/domain/distribution/explanation-summary';
import {
  estimateRepFit,
  fitBreakdown,
  fitFor,
  learnedRate,
  type FitOutcome,
} from '../../../../core/domain/distribution/rep-fit';
import type { Grade } from '../../../../core/domain/funnel';
import { asRepId } from '../../../../core/domain/ids';
import { NOW, makeLeads, makeReps, makeRule } from './fixtures';

function outcomes(
  repId: string,
  wins: number,
  n: number,
  extra: Partial<Omit<FitOutcome, 'repId' | 'won'>> = {},
): FitOutcome[] {
  return Array.from({ length: n }, (_, i) => ({
    repId: asRepId(repId),
    grade: 'B' as Grade,
    source: 'web',
    industry: 'saas',
    region: 'east',
    ...extra,
    won: i < wins,
  }));
}

/** Ten ordinary reps converting 27% of 100 leads each. */
const team = Array.from({ length: 10 }, (_, i) => outcomes(`T${i}`, 27, 100)).flat();

describe('rep fit learned from history with shrinkage', () => {
  it('estimates 3 wins of 5 near the team rate, and 300 of 500 near 60%', () => {
    const model = estimateRepFit([...team, ...outcomes('lucky', 3, 5), ...outcomes('star', 300, 500)]);
    const teamRate = model.team.overall.rate;
    const lucky = model.reps['lucky']?.overall;
    const star = model.reps['star']?.overall;
    expect(lucky?.raw).toBe(0.6);
    // Much nearer the team than its raw 60%.
    expect(Math.abs((lucky?.rate ?? 0) - teamRate)).toBeLessThan(Math.abs(0.6 - (lucky?.rate ?? 0)) / 2);
    expect(star?.rate).toBeGreaterThan(0.58);
    expect(star?.rate).toBeLessThan(0.6);
    expect({ wins: star?.wins, n: star?.n }).toEqual({ wins: 300, n: 500 });
    // The interval says how sure: wide for 5 leads, narrow for 500.
    expect((lucky?.high ?? 0) - (lucky?.low ?? 0)).toBeGreaterThan(
      2 * ((star?.high ?? 0) - (star?.low ?? 0)),
    );
  });

  it('learns who is good at what: a rep strong in manufacturing fits those leads, not others', () => {
    const history = [
      ...team,
      ...Array.from({ length: 10 }, (_, i) =>
        outcomes(`T${i}`, 20, 100, { industry: 'manufacturing' }),
      ).flat(),
      ...outcomes('maker', 60, 100, { industry: 'manufacturing' }),
      ...outcomes('maker', 27, 100, { industry: 'saas' }),
    ];
    const model = estimateRepFit(history);
    const manufacturing = { grade: 'B' as Grade, source: 'web', industry: 'manufacturing', region: 'east' };
    const saas = { ...manufacturing, industry: 'saas' };
    const breakdown = fitBreakdown(model, 'maker', manufacturing);
    expect(breakdown.fit).toBeGreaterThan(1.8);
    expect(breakdown.strongest).toMatchObject({ segment: 'industry', key: 'manufacturing', n: 100 });
    expect(fitFor(model, 'maker', saas)).toBeLessThan(breakdown.fit / 1.5);
    expect(fitFor(model, 'T0', manufacturing)).toBeCloseTo(1, 0);
  });

  it('gives everyone equal fit with too little history, and says so plainly', () => {
    const model = estimateRepFit(outcomes('R000', 8, 13).concat(outcomes('R001', 8, 30)));
    expect(model.status).toBe('too-little-history');
    expect(fitFor(model, 'R000', { grade: 'B', source: null, industry: null, region: null })).toBe(1);
    expect(learnedRate(model, 'R000', 'B')).toBeNull();
    const result = distributeBatch({
      leads: makeLeads(4),
      reps: makeReps(2),
      rules: [makeRule('weighted', { options: { weightSource: 'conversion' } })],
      now: NOW,
      seed: 1,
      repFit: model,
    });
    const explanation = result.assignments[0]?.explanation;
    expect(explanation?.methodState).toMatchObject({ weights: { R000: 1000, R001: 1000 } });
    const summary = explanation === undefined ? null : explanationSummary(explanation);
    expect(summary?.tokens.map((t) => t.key)).toContain('fit.equal');
    expect(summary?.text).toContain('too little closed history');
  });

  it('weights "by conversion" with the learned rates, not 50 for everyone nor the raw rates', () => {
    // A team whose reps really differ (15% to 40%), so the history is evidence and not noise.
    const varied = Array.from({ length: 10 }, (_, i) => outcomes(`V${i}`, 15 + 3 * i, 100)).flat();
    const history = [...varied, ...outcomes('R000', 8, 13), ...outcomes('R001', 8, 30)];
    const model = estimateRepFit(history);
    const result = distributeBatch({
      leads: makeLeads(1, () => ({ grade: 'B' })),
      reps: makeReps(2),
      rules: [makeRule('weighted', { options: { weightSource: 'conversion' } })],
      now: NOW,
      seed: 1,
      repFit: model,
    });
    const state = result.assignments[0]?.explanation.methodState;
    if (state?.method !== 'weighted') throw new Error('expected a weighted decision');
    const [w0, w1] = [state.weights['R000'] ?? 0, state.weights['R001'] ?? 0];
    expect(w0).toBeGreaterThan(w1);
    // Raw 8/13 = 615‰ and 8/30 = 267‰; shrunk toward the team's ~27% both move in.
    expect(w0).toBeLessThan(615);
    expect(w0).toBe(Math.round((learnedRate(model, 'R000', 'B') ?? 0) * 1000));
    expect(state.fitStatus).toBe('learned');
  });
});

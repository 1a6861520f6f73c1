import { describe, expect, it } from 'vitest';
import type { Grade } from '../../../../core/domain/funnel';
import { generateDemoWorkspace } from '../../../../core/domain/demo/generate-demo-workspace';
import { defaultScoringModel } from '../../../../core/domain/scoring/default-model';
import { scoreLead } from '../../../../core/domain/scoring/engine';

// Wednesday 2026-03-18 11:00 in China.
const NOW = Date.UTC(2026, 2, 18, 3, 0, 0);
const WANTED: Readonly<Record<Grade, number>> = { A: 0.1, B: 0.25, C: 0.35, D: 0.3 };
/** "Within a few points": each grade's share may miss its target by at most this much. */
const TOLERANCE = 0.03;

function gradeShares(seed: number, now: number): Record<Grade, number> {
  const model = defaultScoringModel();
  const { leads } = generateDemoWorkspace({ seed, now });
  const counts: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const lead of leads) counts[scoreLead(lead, model, now).grade] += 1;
  return {
    A: counts.A / leads.length,
    B: counts.B / leads.length,
    C: counts.C / leads.length,
    D: counts.D / leads.length,
  };
}

describe('demo workspace grades under the default scoring model', () => {
  it.each([
    { seed: 20260318, now: NOW },
    { seed: 7, now: NOW },
    { seed: 424242, now: Date.UTC(2025, 10, 3, 9, 30, 0) },
  ])('are about A 10, B 25, C 35 and D 30 in a hundred (seed $seed)', ({ seed, now }) => {
    const shares = gradeShares(seed, now);
    for (const grade of ['A', 'B', 'C', 'D'] as const) {
      expect(Math.abs(shares[grade] - WANTED[grade]), `${grade}: ${shares[grade]}`).toBeLessThanOrEqual(
        TOLERANCE,
      );
    }
  });

  it('are the same lead for lead for the same seed and clock', () => {
    const model = defaultScoringModel();
    const scores = (seed: number) =>
      generateDemoWorkspace({ seed, now: NOW }).leads.map((lead) => scoreLead(lead, model, NOW).score);
    const first = scores(20260318);
    expect(scores(20260318)).toEqual(first);
    expect(scores(20260319)).not.toEqual(first);
  });
});

import { describe, expect, it } from 'vitest';
import {
  computeFairness,
  computeGini,
  computeStdDev,
  isNewRep,
} from '../../../../core/domain/distribution/fairness';
import { asRepId } from '../../../../core/domain/ids';
import type { Grade } from '../../../../core/domain/funnel';
import { NOW } from './fixtures';

describe('fairness figures', () => {
  it('computes the population standard deviation of workloads', () => {
    expect(computeStdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(computeStdDev([3, 3, 3])).toBe(0);
    expect(computeStdDev([])).toBe(0);
  });

  it('computes the Gini coefficient: 0 when equal, (n−1)/n when one rep has everything', () => {
    expect(computeGini([5, 5, 5, 5])).toBe(0);
    expect(computeGini([0, 0, 0, 8])).toBeCloseTo(0.75, 12);
    // Pairs |xi − xj| over (1, 2, 3): sum 8 over 2·n²·mean = 2·9·2 = 36 → 2/9.
    expect(computeGini([1, 2, 3])).toBeCloseTo(2 / 9, 12);
    expect(computeGini([0, 0])).toBe(0);
  });

  it('counts a rep as new within N days of joining', () => {
    expect(isNewRep({ joinedOn: '2026-02-10' }, NOW, 30)).toBe(true);
    expect(isNewRep({ joinedOn: '2026-01-10' }, NOW, 30)).toBe(false);
    expect(isNewRep({ joinedOn: '2026-04-01' }, NOW, 30)).toBe(false);
  });

  it('summarizes a hand-computed team', () => {
    const reps = [
      { id: asRepId('a'), joinedOn: '2020-01-01' },
      { id: asRepId('b'), joinedOn: '2020-01-01' },
      { id: asRepId('c'), joinedOn: '2026-03-01' },
    ];
    const give = (rep: string, grades: (Grade | null)[]) =>
      grades.map((grade) => ({ repId: asRepId(rep), grade }));
    // a: A A B C (4), b: C D (2), c: B D null (3) — 9 leads; A+B per rep 3, 0, 1.
    const assignments = [
      ...give('a', ['A', 'A', 'B', 'C']),
      ...give('b', ['C', 'D']),
      ...give('c', ['B', 'D', null]),
      ...give('ghost', ['A']),
    ];
    const figures = computeFairness({ reps, assignments, now: NOW, newRepDays: 30 });
    expect(figures.leadCount).toBe(9);
    expect(figures.workloadStdDev).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(figures.workloadStdDevByGrade.A).toBeCloseTo(Math.sqrt(8 / 9), 12);
    expect(figures.workloadStdDevByGrade.D).toBeCloseTo(Math.sqrt(2 / 9), 12);
    // Gini of (3, 0, 1): Σ|xi−xj| over ordered pairs = 2·(3 + 1 + 2) = 12; 12 / (2·9·4/3) = 0.5.
    expect(figures.abGini).toBeCloseTo(0.5, 12);
    expect(figures.minShare).toBeCloseTo(2 / 9, 12);
    expect(figures.maxShare).toBeCloseTo(4 / 9, 12);
    expect(figures.newRepIds).toEqual(['c']);
    expect(figures.newRepShare).toBeCloseTo(3 / 9, 12);
    expect(figures.newRepAbShare).toBeCloseTo(1 / 4, 12);
    expect(figures.perRep['c']).toEqual({ total: 3, byGrade: { A: 0, B: 1, C: 0, D: 1, ungraded: 1 } });
  });
});

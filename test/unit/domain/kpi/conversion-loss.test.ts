import { describe, expect, it } from 'vitest';
import { computeConversion } from '../../../../core/domain/kpi/conversion';
import { computeLoss } from '../../../../core/domain/kpi/loss';

describe('conversion by grade', () => {
  const arrivals = [
    ...[true, true, true, false].map((isWon) => ({ grade: 'A' as const, isWon })),
    ...[true, false, false, false, false].map((isWon) => ({ grade: 'B' as const, isWon })),
    { grade: null, isWon: false },
  ];
  const closures = [
    { grade: 'A' as const, score: 85, isWon: true, predicted: 0.7 },
    { grade: 'A' as const, score: 90, isWon: true, predicted: 0.6 },
    { grade: 'A' as const, score: 82, isWon: false, predicted: null },
    { grade: 'B' as const, score: 65, isWon: true, predicted: null },
    { grade: 'B' as const, score: 70, isWon: false, predicted: null },
    { grade: 'B' as const, score: 61, isWon: false, predicted: null },
    { grade: 'B' as const, score: 75, isWon: false, predicted: null },
  ];

  it('divides won by arrived and by closed, per grade and overall', () => {
    const report = computeConversion(arrivals, closures);
    expect(report.byGrade.A.wonOfArrived).toMatchObject({ value: 3 / 4, n: 4 });
    expect(report.byGrade.B.wonOfArrived).toMatchObject({ value: 1 / 5, n: 5 });
    expect(report.byGrade.A.wonOfClosed).toMatchObject({ value: 2 / 3, n: 3 });
    expect(report.byGrade.B.wonOfClosed).toMatchObject({ value: 1 / 4, n: 4 });
    expect(report.byGrade.ungraded.wonOfArrived).toMatchObject({ value: 0, n: 1 });
    expect(report.byGrade.C.wonOfClosed.value).toBeNull();
    expect(report.overall.wonOfArrived).toMatchObject({ value: 4 / 10, n: 10 });
    expect(report.overall.wonOfClosed).toMatchObject({ value: 3 / 7, n: 7 });
  });

  it('calibrates each grade and score band against the predictions that exist', () => {
    const { calibration } = computeConversion(arrivals, closures);
    expect(calibration).toHaveLength(2);
    expect(calibration[0]).toMatchObject({ grade: 'A', bandFrom: 80, predictedCount: 2 });
    expect(calibration[0]!.converted).toMatchObject({ value: 2 / 3, n: 3 });
    expect(calibration[0]!.predicted).toBeCloseTo(0.65, 12);
    expect(calibration[1]).toMatchObject({ grade: 'B', bandFrom: 60, predicted: null, predictedCount: 0 });
    expect(calibration[1]!.converted).toMatchObject({ value: 1 / 4, n: 4 });
  });
});

describe('loss rate', () => {
  it('counts lost, recycled and never contacted apart, and a lead with several once in the headline', () => {
    const report = computeLoss([
      { isLost: true, wasRecycled: false, isContacted: true },
      { isLost: false, wasRecycled: true, isContacted: false },
      { isLost: false, wasRecycled: false, isContacted: true },
      { isLost: false, wasRecycled: false, isContacted: true },
      { isLost: false, wasRecycled: false, isContacted: false },
    ]);
    expect(report.arrived).toBe(5);
    expect(report.lost.value).toBe(1 / 5);
    expect(report.recycled.value).toBe(1 / 5);
    expect(report.neverContacted.value).toBe(2 / 5);
    expect(report.any.value).toBe(3 / 5);
    expect(computeLoss([]).any.value).toBeNull();
  });
});

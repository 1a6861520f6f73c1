import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../core/domain/clock';
import { computeChannels } from '../../../../core/domain/kpi/channels';
import { computeFunnelFlow } from '../../../../core/domain/kpi/funnel-flow';
import { summarizePulse } from '../../../../core/domain/kpi/pulse';

describe('per source', () => {
  const figures = computeChannels([
    { source: null, leads: 10, costFen: 0, won: 0, revenueFen: 0 },
    { source: '转介绍', leads: 5, costFen: 0, won: 1, revenueFen: 300_000 },
    { source: '展会', leads: 3, costFen: 90_000, won: 0, revenueFen: 0 },
    { source: '百度推广', leads: 10, costFen: 100_000, won: 2, revenueFen: 500_000 },
  ]);

  it('gives cost per lead, conversion and ROI = (revenue − cost) / cost', () => {
    const baidu = figures.find((f) => f.source === '百度推广')!;
    expect(baidu.costPerLeadFen).toBe(10_000);
    expect(baidu.conversion.value).toBe(0.2);
    expect(baidu.roi).toBe((500_000 - 100_000) / 100_000);
    expect(baidu.roiKind).toBe('ratio');
    expect(figures.find((f) => f.source === '展会')!.roi).toBe(-1);
  });

  it('answers no ROI, not infinity, for a channel that cost nothing', () => {
    const referral = figures.find((f) => f.source === '转介绍')!;
    expect(referral.roi).toBeNull();
    expect(referral.roiKind).toBe('no_cost');
    expect(referral.costPerLeadFen).toBe(0);
  });

  it('lists most leads first, leads without a source last among equals', () => {
    expect(figures.map((f) => f.source)).toEqual(['百度推广', null, '转介绍', '展会']);
  });
});

describe('funnel flow', () => {
  it('gives stage-to-stage conversion along the main path and average days per stage', () => {
    const steps = computeFunnelFlow({
      furthest: new Map([
        ['raw', 10],
        ['mql', 5],
        ['sql', 3],
        ['opportunity', 1],
        ['won', 1],
      ]),
      stays: new Map([['raw', { count: 2, totalMs: 3 * 86_400_000 }]]),
    });
    expect(steps.map((s) => s.reached)).toEqual([20, 10, 5, 2, 1]);
    expect(steps.map((s) => s.toNext)).toEqual([0.5, 0.5, 0.4, 0.5, null]);
    expect(steps[0]!.averageDays).toBe(1.5);
    expect(steps[1]!.averageDays).toBeNull();
  });
});

describe('satisfaction pulse', () => {
  it('averages each month, gives the latest with its count and the change since the month before', () => {
    const summary = summarizePulse(
      [
        { month: '2026-11', score: 5 },
        { month: '2026-10', score: 3 },
        { month: '2026-11', score: 4 },
        { month: '2026-10', score: 4 },
        { month: '2026-11', score: 4 },
        { month: '2026-11', score: 3 },
        { month: '2026-11', score: 6 },
      ],
      createRng(1),
    );
    expect(summary.trend).toEqual([
      { month: '2026-10', count: 2, average: 3.5 },
      { month: '2026-11', count: 4, average: 4 },
    ]);
    expect(summary.latest).toMatchObject({ month: '2026-11', value: 4, n: 4 });
    expect(summary.change).toBe(0.5);
    expect(summarizePulse([], createRng(1))).toEqual({ latest: null, trend: [], change: null });
  });
});

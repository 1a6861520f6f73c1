// Fixtures for the Dashboard page tests: a KPI row, "Now", and the fake service's answers (team lead or rep).
import type { Actor, CallOutput } from '../../../core/api/contract';
import { DEFAULT_FUNNEL_SETTINGS } from '../../../core/api/sla/settings';
import { DEFAULT_SLA_POLICY } from '../../../core/domain/sla/sla-policy';
import type { FakeAnswers } from './render-app';

type KpiRow = CallOutput<'dashboard.kpis'>;

export const est = (value: number | null, n: number) => ({ value, n, low: value, high: value });
const response = (median: number | null) => ({
  assigned: 10,
  contacted: 8,
  notContacted: 2,
  medianMinutes: median,
  meanMinutes: median,
  p90Minutes: median,
  withinTarget: est(0.5, 8),
  histogram: [],
});
const conversion = (won: number, arrived: number) => ({
  arrived,
  wonOfArrived: est(arrived === 0 ? null : won / arrived, arrived),
  closed: 4,
  wonOfClosed: est(0.5, 4),
});
const loss = {
  arrived: 20,
  lost: est(0.1, 20),
  recycled: est(0.05, 20),
  neverContacted: est(0.15, 20),
  any: est(0.25, 20),
};
const group = (g: 'all' | 'ab', leads: number) => ({
  group: g,
  leads,
  reps: 2,
  stdDev: est(1, leads),
  gini: est(0.5, leads),
  verdict: 'too_few' as const,
});
const rep = (repId: string, name: string, leads: number, followUps: number) => ({
  repId,
  name,
  tier: 'mid' as const,
  leadsByGrade: { A: 0, B: 0, C: leads, D: 0, ungraded: 0 },
  leads,
  openLoad: 3,
  cap: null,
  responseMedianMinutes: 12,
  withinTarget: est(0.5, 2),
  followUps,
  closed: 1,
  won: 1,
  conversion: 1,
  revenueFen: 100_000,
});

export const ROW: KpiRow = {
  period: { from: '2026-10-25', to: '2026-11-23', days: 30 },
  previous: { from: '2026-09-25', to: '2026-10-24' },
  seriesDates: ['2026-11-22', '2026-11-23'],
  targets: {
    responseMinutes: { A: 5, B: 1440, C: 1440, D: 1440, ungraded: 1440 },
    conversion: 0.15,
    lossRate: 0.1,
    satisfaction: 4,
    balance: { minSample: 20, giniAlarm: 0.4, newRepFloorFraction: 0.5 },
  },
  response: {
    current: response(20),
    previous: response(45),
    byGrade: {
      A: response(20),
      B: response(null),
      C: response(null),
      D: response(null),
      ungraded: response(null),
    },
    series: [10, 30],
    notContactedLeads: 2,
  },
  conversion: {
    current: conversion(3, 20),
    previous: conversion(1, 10),
    byGrade: {
      A: conversion(2, 5),
      B: conversion(1, 15),
      C: conversion(0, 0),
      D: conversion(0, 0),
      ungraded: conversion(0, 0),
    },
    calibration: [],
    series: [0.1, 0.2],
  },
  loss: { current: loss, previous: loss, series: [0.2, 0.3] },
  balance: {
    groups: [group('all', 10), group('ab', 3)],
    newReps: { newReps: 1, share: est(2 / 3, 3), floor: 0.25, verdict: 'too_few' },
    previous: [
      { group: 'all', leads: 12, stdDev: 1.5, gini: 0.3 },
      { group: 'ab', leads: 4, stdDev: 1, gini: 0.25 },
    ],
    trend: [
      { from: '2026-11-22', to: '2026-11-22', leads: 25, gini: 0.2 },
      { from: '2026-11-23', to: '2026-11-23', leads: 5, gini: null },
    ],
  },
  satisfaction: {
    latest: { month: '2026-11', value: 4.5, n: 6, low: 4, high: 5 },
    trend: [
      { month: '2026-10', count: 4, average: 3.5 },
      { month: '2026-11', count: 6, average: 4.5 },
    ],
    change: 1,
  },
  arrivalsSeries: [8, 12],
  channels: [
    {
      source: '百度推广',
      leads: 12,
      costFen: 120_000,
      won: 2,
      revenueFen: 600_000,
      costPerLeadFen: 10_000,
      conversion: est(2 / 12, 12),
      roi: 4,
      roiKind: 'ratio',
    },
    {
      source: '转介绍',
      leads: 8,
      costFen: 0,
      won: 1,
      revenueFen: 300_000,
      costPerLeadFen: 0,
      conversion: est(1 / 8, 8),
      roi: null,
      roiKind: 'no_cost',
    },
  ],
  funnel: [
    { stage: 'raw', reached: 20, toNext: 0.5, averageDays: 1.5, completedStays: 10 },
    { stage: 'mql', reached: 10, toNext: 0.4, averageDays: null, completedStays: 0 },
    { stage: 'sql', reached: 4, toNext: 0.5, averageDays: null, completedStays: 0 },
    { stage: 'opportunity', reached: 2, toNext: 0.5, averageDays: null, completedStays: 0 },
    { stage: 'won', reached: 1, toNext: null, averageDays: null, completedStays: 0 },
  ],
  reps: [rep('rep_1', '王芳', 7, 3), rep('rep_2', '李强', 4, 9)],
};

export const NOW: CallOutput<'dashboard.now'> = {
  openByStage: { raw: 12, mql: 7, sql: 4, nurture: 5 },
  stageCounts: { raw: 12, mql: 7, sql: 4, won: 3, lost: 2, nurture: 5 },
  overdueFirstContact: 2,
  overdueFollowUp: 6,
  capacity: {
    reps: [],
    tiers: [{ tier: 'mid', reps: 2, openLoad: 6, cap: 40, uncappedReps: 0 }],
    inflowPerDay: 2,
    freeRoom: 34,
    daysToFill: 17,
  },
};

export function answers(actor: Actor = { role: 'lead' }): FakeAnswers {
  return {
    'workspace.status': () => ({
      isEmpty: false,
      hasLeadPassword: true,
      leadCount: 30,
      repCount: 2,
      schemaVersion: 11,
      appVersion: '0.1.0',
      utcOffsetMinutes: 480,
      actor,
    }),
    'work.settings': () => ({
      funnel: {
        ...DEFAULT_FUNNEL_SETTINGS,
        stages: DEFAULT_FUNNEL_SETTINGS.stages.map((stage) =>
          stage.key === 'nurture'
            ? { ...stage, hidden: true }
            : stage.key === 'mql'
              ? { ...stage, en: 'Qualified by marketing' }
              : stage,
        ),
      },
      sla: DEFAULT_SLA_POLICY,
      slaDefaults: DEFAULT_SLA_POLICY,
    }),
    'dashboard.kpis': () => ROW,
    'dashboard.now': () => NOW,
    'dashboard.responseBuckets': () => ({ buckets: [] }),
    'reps.list': () => [],
    'leads.facets': () => ({ sources: ['百度推广', '转介绍'], industries: [], regions: [] }),
    'dashboard.mine': () => ({
      period: { from: '2026-10-25', to: '2026-11-23' },
      responseMedianMinutes: { mine: 12, teamMedian: 30 },
      withinTarget: { mine: est(0.8, 10), teamMedian: 0.5 },
      conversion: { mine: est(0.25, 8), teamMedian: 0.2 },
      gradeMix: {
        mine: { A: 2, B: 3, C: 4, D: 1, ungraded: 0 },
        teamMedian: { A: 1.5, B: 3, C: 4, D: 2, ungraded: 0 },
      },
    }),
    'dashboard.myPulse': () => ({ month: '2026-11', answer: null }),
    'dashboard.pulse': (input) => ({
      month: input.month ?? '2026-11',
      summary: {
        latest: { ...est(3.5, 2), month: input.month ?? '2026-11' },
        trend: [{ month: input.month ?? '2026-11', count: 2, average: 3.5 }],
        change: null,
      },
      comments: [
        { score: 2, comment: 'A 类线索总给老人', signedBy: null },
        { score: 5, comment: '很公平', signedBy: '王芳' },
      ],
    }),
    'dashboard.answerPulse': (input) => ({
      month: '2026-11',
      score: input.score,
      comment: input.comment ?? null,
      isSigned: input.isSigned ?? false,
    }),
    'dashboard.calibration': () => ({
      hasModel: true,
      closed: 4,
      isTruncated: false,
      cells: [{ grade: 'A', bandFrom: 80, converted: est(0.5, 4), predicted: 0.62, predictedCount: 4 }],
    }),
    'dashboard.targets': () => ROW.targets,
    'dashboard.saveTargets': (input) => input.targets,
    'dashboard.exportTable': (input) => ({
      fileName: `${input.name}.csv`,
      mimeType: 'text/csv',
      contentBase64: '',
      rows: input.rows.length,
    }),
  };
}

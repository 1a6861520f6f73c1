import { describe, expect, it } from 'vitest';
import type { FunnelStage } from '../../../../core/domain/funnel';
import { detectLeaks, matchLeakyHeader } from '../../../../core/domain/history/leak-detection';
import { groupedAuc } from '../../../../core/domain/history/leak-evidence';
import { trainComparingLeaks } from '../../../../core/domain/scoring/leak-comparison';
import { generateCrmHistory, INNOCENT_COLUMNS, LEAK_COLUMNS } from '../../../helpers/synthetic-crm-history';
import { NOW } from '../scoring/lead-fixtures';

const history = generateCrmHistory(4000, 31, NOW);
const outcomes: FunnelStage[] = history.leads.map((l) => l.stage);
const columns = [...INNOCENT_COLUMNS, ...LEAK_COLUMNS].map((header) => ({
  header,
  values: history.leads.map((l) => l.customFields[header] ?? ''),
}));
const report = detectLeaks(columns, outcomes);
const flagged = new Set(report.flags.map((f) => f.column));

describe('leaks found by evidence on a CRM-shaped history', () => {
  it.each(LEAK_COLUMNS)('flags the planted leak %s', (column) => {
    expect(flagged.has(column)).toBe(true);
  });

  it('flags at most one innocent column', () => {
    expect(INNOCENT_COLUMNS.filter((c) => flagged.has(c)).length).toBeLessThanOrEqual(1);
  });

  it('flags a count filled mostly for won leads by its fill rates, with the rates as evidence', () => {
    const flag = report.flags.find((f) => f.column === 'Callbacks Logged');
    expect(flag).toMatchObject({ reason: 'fill_rate_differs', evidence: { pattern: 'filled' } });
    expect(flag?.evidence.wonFillRate).toBeGreaterThan(0.8);
    expect(flag?.evidence.lostFillRate).toBeLessThan(0.4);
  });

  it('flags a number that separates won from lost by its AUC', () => {
    const flag = report.flags.find((f) => f.column === 'Deal Size Estimate');
    expect(flag).toMatchObject({ reason: 'separates_outcome', field: 'custom.Deal Size Estimate' });
    expect(flag?.evidence.auc).toBeGreaterThan(0.9);
  });

  it('flags a tag whose value names the outcome, naming the value', () => {
    const reasons = report.flags.filter((f) => f.column === 'Tags').map((f) => f.reason);
    expect(reasons).toEqual(['name', 'predicts_outcome']);
  });

  it('leaves a strong genuine predictor alone', () => {
    expect(flagged.has('Total Time Spent on Website')).toBe(false);
    expect(flagged.has('Lead Origin')).toBe(false);
  });

  it('reports held-out AUC with the flagged columns excluded and included', { timeout: 30_000 }, () => {
    const comparison = trainComparingLeaks(
      history.leads,
      NOW,
      { seed: 1 },
      report.excludeFields.map((f) => f),
    );
    expect(comparison.model.ok).toBe(true);
    if (!comparison.model.ok) return;
    expect(comparison.model.value.excludeFields).toEqual(expect.arrayContaining(['custom.Tags']));
    expect(comparison.aucWithoutFlagged).toBe(comparison.model.value.metrics.auc);
    expect(comparison.aucWithoutFlagged).toBeLessThan(0.9);
    expect(comparison.aucWithFlagged).toBeGreaterThan(0.95);
  });
});

describe('leaky header names', () => {
  it.each([
    ['Tags', 'after-contact mark'],
    ['Lead Profile', 'after-contact mark'],
    ['Asymmetrique Activity Index', 'after-contact mark'],
    ['Asymmetrique Profile Score', 'after-contact mark'],
    ['客户标签', 'after-contact mark'],
    ['Last Notable Activity', 'follow-up'],
    ['Last Activity', 'follow-up'],
    ['跟进结果', 'stage'],
    ['最后联系时间', 'follow-up'],
    ['线索状态', 'stage'],
    ['客户评级', 'rep rating'],
  ])('recognizes %s as a %s', (header, kind) => {
    expect(matchLeakyHeader(header)?.kind).toBe(kind);
  });

  it.each(['Last Name', 'First Name', 'Lead Source', 'Total Time Spent on Website', 'Indexed Pages', 'City'])(
    'leaves %s alone',
    (header) => {
      expect(matchLeakyHeader(header)).toBeNull();
    },
  );
});

describe('grouped AUC', () => {
  it('matches the pairwise definition with ties counted half', () => {
    expect(
      groupedAuc([
        { score: 1, won: 1, lost: 0 },
        { score: 0, won: 0, lost: 1 },
      ]),
    ).toBe(1);
    expect(groupedAuc([{ score: 0.5, won: 1, lost: 1 }])).toBe(0.5);
    expect(
      groupedAuc([
        { score: 0, won: 0, lost: 2 },
        { score: 1, won: 1, lost: 1 },
      ]),
    ).toBe(2.5 / 3);
    expect(groupedAuc([{ score: 1, won: 3, lost: 0 }])).toBeNull();
  });
});

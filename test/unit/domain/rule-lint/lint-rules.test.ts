import { describe, expect, it } from 'vitest';
import { buildDefaultRules } from '../../../../core/api/distribution/setup';
import { conditionImplies } from '../../../../core/domain/rule-lint/implication';
import { lintRules } from '../../../../core/domain/rule-lint/lint-rules';
import type { LintInput, LintWarning } from '../../../../core/domain/rule-lint/types';
import type { DistributionRule } from '../../../../core/domain/distribution/types';
import { asRepId } from '../../../../core/domain/ids';
import { makeLead, makeRep, makeRule } from '../distribution/fixtures';

/** Wednesday 2026-03-04 02:00 UTC (10:00 in China, UTC+8). */
const NOW = Date.UTC(2026, 2, 4, 2, 0, 0);
const DAY = 86_400_000;

const east = makeRep('east', { name: '张三', regions: ['华东'], tier: 'senior' });
const south = makeRep('south', { name: '李四', regions: ['华南'], tier: 'mid' });
const junior = makeRep('junior', { name: '王五', tier: 'junior' });
const team = [east, south, junior];

function lint(rules: readonly DistributionRule[], overrides: Partial<LintInput> = {}) {
  return lintRules({
    rules,
    reps: team,
    history: [],
    historyDays: 28,
    now: NOW,
    utcOffsetMinutes: 480,
    ...overrides,
  });
}

function kinds(warnings: readonly LintWarning[]): string[] {
  return warnings.map((w) => w.kind);
}

const fallback = makeRule('round-robin', { id: 'fallback', name: '兜底' });

describe('rule linter', () => {
  it('gives no warning on the default rules', () => {
    const history = Array.from({ length: 40 }, (_, i) =>
      makeLead(`h${i}`, {
        createdAt: NOW - (1 + (i % 28)) * DAY,
        grade: (['A', 'B', 'C', 'D', null] as const)[i % 5] ?? null,
        region: ['华东', '华南', '西北', null][i % 4] ?? null,
      }),
    );
    expect(lint(buildDefaultRules(team), { history }).warnings).toEqual([]);
  });

  it('catches a rule shadowed by a wider earlier rule', () => {
    const wide = makeRule('round-robin', {
      id: 'ab',
      name: 'A/B',
      conditions: [{ field: 'grade', op: 'in', values: ['A', 'B'] }],
    });
    const narrow = makeRule('tier-ladder', {
      id: 'a-east',
      name: 'A in the east',
      conditions: [
        { field: 'grade', op: 'equals', value: 'a' },
        { field: 'region', op: 'equals', value: '华东' },
      ],
    });
    const warnings = lint([wide, narrow, fallback]).warnings;
    expect(warnings).toContainEqual({
      kind: 'shadowed',
      rule: { index: 1, id: 'a-east', name: 'A in the east' },
      by: { index: 0, id: 'ab', name: 'A/B' },
    });
    // The other order is fine: the narrow rule goes first.
    expect(kinds(lint([narrow, wide, fallback]).warnings)).not.toContain('shadowed');
  });

  it('reads ranges, negations and existence when deciding what implies what', () => {
    expect(
      conditionImplies(
        { field: 'score', op: 'range', min: 80, max: 90 },
        { field: 'score', op: 'range', min: 60 },
      ),
    ).toBe(true);
    expect(
      conditionImplies({ field: 'score', op: 'range', min: 50 }, { field: 'score', op: 'range', min: 60 }),
    ).toBe(false);
    expect(
      conditionImplies({ field: 'region', op: 'equals', value: '华东' }, { field: 'region', op: 'exists' }),
    ).toBe(true);
    expect(
      conditionImplies(
        { field: 'grade', op: 'in', values: ['C', 'D'] },
        { field: 'grade', op: 'in', values: ['A', 'B'], negate: true },
      ),
    ).toBe(true);
    expect(
      conditionImplies({ field: 'region', op: 'exists' }, { field: 'region', op: 'equals', value: '华东' }),
    ).toBe(false);
  });

  it('catches a gap: leads no rule catches, with the recent leads behind it', () => {
    const east1 = makeRule('load-balanced', {
      id: 'east',
      name: '华东',
      conditions: [{ field: 'region', op: 'equals', value: '华东' }],
      target: { kind: 'territory' },
    });
    const south1 = makeRule('load-balanced', {
      id: 'south',
      name: '华南',
      conditions: [{ field: 'region', op: 'in', values: ['华南'] }],
      target: { kind: 'territory' },
    });
    const history = [
      makeLead('n1', { name: '北京甲', region: '华北', createdAt: NOW - 2 * DAY }),
      makeLead('n2', { name: '北京乙', region: '华北', createdAt: NOW - 3 * DAY }),
      makeLead('e1', { name: '上海甲', region: '华东', createdAt: NOW - 3 * DAY }),
    ];
    const gaps = lint([east1, south1], { history }).warnings.filter((w) => w.kind === 'gap');
    expect(gaps[0]).toMatchObject({
      kind: 'gap',
      leadCount: 2,
      leads: [
        { id: 'n1', name: '北京甲' },
        { id: 'n2', name: '北京乙' },
      ],
      profile: [{ field: 'region', value: '华北', isOther: false }],
      caughtBy: null,
    });
    // Made-up profiles find the empty region even without history; with a fallback there is no gap at all.
    expect(gaps.some((g) => g.kind === 'gap' && g.profile[0]?.value === null)).toBe(true);
    expect(kinds(lint([east1, south1, fallback], { history }).warnings)).not.toContain('gap');
  });

  it('names real leads that only reach a fallback leaving them in the pool', () => {
    const pool = makeRule('public-pool', { id: 'pool', name: '公海' });
    const a = makeRule('round-robin', {
      id: 'a',
      conditions: [{ field: 'grade', op: 'equals', value: 'A' }],
    });
    const history = [makeLead('c1', { grade: 'C', createdAt: NOW - DAY })];
    const gaps = lint([a, pool], { history }).warnings.filter((w) => w.kind === 'gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ leadCount: 1, caughtBy: { id: 'pool', method: 'public-pool' } });
  });

  it('catches a rule whose reps are all unavailable, naming each and why', () => {
    const away = makeRep('away', {
      name: '赵六',
      tier: 'senior',
      leave: [{ from: '2026-03-01', to: '2026-03-06' }],
    });
    const ooo = makeRep('ooo', { name: '钱七', tier: 'senior', isOutOfOffice: true });
    const seniors = makeRule('round-robin', {
      id: 'seniors',
      name: '资深',
      conditions: [{ field: 'grade', op: 'equals', value: 'A' }],
      target: { kind: 'tier', tiers: ['senior'] },
    });
    const warnings = lintRules({
      rules: [seniors, fallback],
      reps: [away, ooo, junior],
      history: [],
      historyDays: 28,
      now: NOW,
      utcOffsetMinutes: 480,
    }).warnings;
    expect(warnings).toEqual([
      {
        kind: 'empty-rep-set',
        rule: { index: 0, id: 'seniors', name: '资深' },
        region: null,
        dates: ['2026-03-04', '2026-03-05', '2026-03-06'],
        reps: [
          { repId: 'away', name: '赵六', why: 'on-leave', until: '2026-03-06' },
          { repId: 'ooo', name: '钱七', why: 'out-of-office', until: null },
        ],
      },
    ]);
  });

  it('counts a rep who has not started yet as unavailable up to the start date, naming it', () => {
    const hire = makeRep('hire', { name: '孙八', tier: 'senior', joinedOn: '2026-03-07' });
    const seniors = makeRule('round-robin', {
      id: 'seniors',
      name: '资深',
      conditions: [{ field: 'grade', op: 'equals', value: 'A' }],
      target: { kind: 'tier', tiers: ['senior'] },
    });
    const warnings = lint([seniors, fallback], { reps: [hire, junior] }).warnings;
    expect(warnings).toEqual([
      {
        kind: 'empty-rep-set',
        rule: { index: 0, id: 'seniors', name: '资深' },
        region: null,
        dates: ['2026-03-04', '2026-03-05', '2026-03-06'],
        reps: [{ repId: 'hire', name: '孙八', why: 'not-started', until: '2026-03-07' }],
      },
    ]);
  });

  it('catches a territory region nobody covers and a target naming no existing rep', () => {
    const north = makeRule('load-balanced', {
      id: 'north',
      name: '华北',
      conditions: [{ field: 'region', op: 'in', values: ['华北', '华东'] }],
      target: { kind: 'territory' },
    });
    const ghost = makeRule('round-robin', {
      id: 'ghost',
      name: 'gone',
      conditions: [{ field: 'grade', op: 'equals', value: 'B' }],
      target: { kind: 'reps', repIds: [asRepId('left-team')] },
    });
    const empty = lint([north, ghost, fallback]).warnings.filter((w) => w.kind === 'empty-rep-set');
    expect(
      empty.map((w) => (w.kind === 'empty-rep-set' ? [w.rule.id, w.region, w.reps.map((r) => r.why)] : null)),
    ).toEqual([
      ['north', '华北', []],
      ['ghost', null, ['unknown-rep']],
    ]);
  });

  it('forecasts the week from the same weekdays of history and flags the caps it will break', () => {
    const capped = [makeRep('a', { name: '甲', capDaily: 3 }), makeRep('b', { name: '乙', capDaily: 3 })];
    // Four Wednesdays back, 8 leads each: 8 expected today (a Wednesday) against a team cap of 6.
    const history = [1, 2, 3, 4].flatMap((week) =>
      Array.from({ length: 8 }, (_, i) =>
        makeLead(`w${week}-${i}`, { createdAt: NOW - week * 7 * DAY + i * 60_000 }),
      ),
    );
    const report = lintRules({
      rules: [fallback],
      reps: capped,
      history,
      historyDays: 28,
      now: NOW,
      utcOffsetMinutes: 480,
    });
    expect(report.forecast.days[0]).toEqual({
      date: '2026-03-04',
      weekday: 3,
      expected: 8,
      capacity: 6,
      availableReps: 2,
    });
    expect(report.forecast.days[1]?.expected).toBe(0);
    const breaches = report.warnings.filter((w) => w.kind === 'cap-breach');
    expect(
      breaches.map((w) => (w.kind === 'cap-breach' ? [w.scope, w.reps.map((r) => r.name), w.days] : null)),
    ).toEqual([
      ['team', ['甲', '乙'], [{ date: '2026-03-04', weekday: 3, expected: 8, cap: 6 }]],
      ['rule', ['甲', '乙'], [{ date: '2026-03-04', weekday: 3, expected: 8, cap: 6 }]],
      ['rep', ['甲'], [{ date: '2026-03-04', weekday: 3, expected: 4, cap: 3 }]],
      ['rep', ['乙'], [{ date: '2026-03-04', weekday: 3, expected: 4, cap: 3 }]],
    ]);
  });
});

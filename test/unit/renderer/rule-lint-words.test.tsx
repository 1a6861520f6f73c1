import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { LintWarningView } from '../../../core/api/distribution/lint-calls';
import { DISTRIBUTION_BUNDLES } from '../../../renderer/src/features/distribution/bundle';
import { RULES_BUNDLES } from '../../../renderer/src/features/rules/bundle';
import { describeWarning } from '../../../renderer/src/features/rules/RuleLintPanel';
import { registerBundles } from '../../../renderer/src/features/jobs/i18n-bundles';

async function translator(lng: 'zh-CN' | 'en') {
  const i18n = createInstance();
  await i18n.init({ lng, resources: {}, interpolation: { escapeValue: false } });
  registerBundles(i18n, RULES_BUNDLES);
  registerBundles(i18n, DISTRIBUTION_BUNDLES);
  return i18n.t.bind(i18n);
}

const warnings: LintWarningView[] = [
  { kind: 'shadowed', rule: { index: 2, id: 'x', name: '华东 A' }, by: { index: 0, id: 'y', name: 'A/B' } },
  {
    kind: 'gap',
    profile: [{ field: 'region', value: '华北', isOther: false }],
    leadCount: 7,
    leads: [
      { id: 'l1', name: '北京甲' },
      { id: 'l2', name: '北京乙' },
    ],
    caughtBy: null,
  },
  {
    kind: 'empty-rep-set',
    rule: { index: 1, id: 's', name: '资深' },
    region: null,
    dates: ['2026-03-04', '2026-03-05'],
    reps: [
      { repId: 'a', name: '赵六', why: 'on-leave', until: '2026-03-06' },
      { repId: 'b', name: '孙八', why: 'not-started', until: '2026-03-07' },
    ],
  },
  {
    kind: 'cap-breach',
    scope: 'rep',
    rule: null,
    reps: [{ repId: 'a', name: '甲', cap: 3 }],
    days: [{ date: '2026-03-04', weekday: 3, expected: 4, cap: 3 }],
  },
];

describe('rule check warnings in words', () => {
  it('names the rules, leads and reps in Chinese', async () => {
    const t = await translator('zh-CN');
    expect(warnings.map((w) => describeWarning(t, w))).toEqual([
      '规则“华东 A”（第 3 条）永远轮不到：它能匹配的线索都会先被“A/B”（第 1 条）接走。请把它移到前面，或收窄前面那条规则。',
      '没有规则接住区域为华北的线索（近 4 周 7 条：北京甲、北京乙 等另外 5 条）。',
      '规则“资深”（第 2 条）在 03-04、03-05 没有人可分：赵六（休假至 03-06）、孙八（03-07 入职）。这些线索会留在公海池。',
      '甲 预计分到的线索超过其每日上限 3 条：周三 03-04 预计约 4 条，上限 3 条。',
    ]);
  });

  it('says the same in English', async () => {
    const t = await translator('en');
    const words = warnings.map((w) => describeWarning(t, w));
    expect(words[0]).toBe(
      '“华东 A” (rule 3) can never be reached: every lead it matches is caught first by “A/B” (rule 1). Move it above, or narrow the earlier rule.',
    );
    expect(words[1]).toBe(
      'No rule catches leads with Region 华北 (7 leads in the last 4 weeks: 北京甲, 北京乙 and 5 more).',
    );
    expect(words[2]).toContain('赵六 (on leave until 03-06)');
    expect(words[2]).toContain('孙八 (starts 03-07)');
    expect(words[3]).toBe(
      "甲's share of the expected inflow is above their daily cap of 3: Wed 03-04: about 4 expected, cap 3.",
    );
  });
});

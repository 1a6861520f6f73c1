// A rep gets no lead before their start date (joinedOn), on the team's local day; a replay agrees with the ledger.
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { distributeLead } from '../../../../core/domain/distribution/engine';
import { explanationSummary } from '../../../../core/domain/distribution/explanation-summary';
import { replayDistribution } from '../../../../core/domain/distribution/replay';
import type { Receipt } from '../../../../core/domain/distribution/fair-shares';
import { computeLedger } from '../../../../core/domain/ledger/fairness-ledger';
import { asRepId, type RepId } from '../../../../core/domain/ids';
import { registerBundles } from '../../../../renderer/src/features/jobs/i18n-bundles';
import { DISTRIBUTION_BUNDLES, describeTokens } from '../../../../renderer/src/features/distribution/bundle';
import { makeLead, makeRep, makeRule } from './fixtures';

const rules = [makeRule('round-robin')];
const team = [makeRep('a'), makeRep('n', { joinedOn: '2026-03-05' })];

/** Who may take a lead at `now` (epoch ms) with the team's clock `offset` minutes from UTC, and n's exclusion. */
function runAt(now: number, offset: number) {
  const { assignment } = distributeLead({
    lead: makeLead('x', { createdAt: now - 60_000 }),
    reps: team,
    rules,
    // The pointer is on a, so n is next whenever n may take leads.
    state: {
      pointers: { [rules[0]?.id ?? '']: asRepId('a') },
      credits: {},
      openLoads: {},
      assignedToday: {},
    },
    now,
    seed: 1,
    options: { utcOffsetMinutes: offset },
  });
  const n = assignment.explanation.candidates.find((c) => c.repId === 'n');
  return { assignment, nEligible: n?.eligible ?? false, nExclusion: n?.exclusion ?? null };
}

describe('no leads before a rep’s start date', () => {
  it('excludes the rep on the day before joinedOn, naming the date, and takes them on joinedOn itself', () => {
    const dayBefore = runAt(Date.UTC(2026, 2, 4, 23, 59, 59, 999), 0);
    expect(dayBefore.assignment.repId).toBe('a');
    expect(dayBefore.nEligible).toBe(false);
    expect(dayBefore.nExclusion).toEqual({ code: 'not-started', date: '2026-03-05' });
    expect(dayBefore.assignment.explanation.exclusionCounts['not-started']).toBe(1);

    const firstDay = runAt(Date.UTC(2026, 2, 5, 0, 0, 0), 0);
    expect(firstDay.nEligible).toBe(true);
    expect(firstDay.assignment.repId).toBe('n');
  });

  it('reads the start date on the team’s local day, at local midnight east and west of UTC', () => {
    // UTC+8: 2026-03-05 00:00 local is 03-04 16:00 UTC.
    expect(runAt(Date.UTC(2026, 2, 4, 16, 0) - 1, 480).nExclusion?.code).toBe('not-started');
    expect(runAt(Date.UTC(2026, 2, 4, 16, 0), 480).assignment.repId).toBe('n');
    // UTC−5: 2026-03-05 00:00 local is 03-05 05:00 UTC; at 01:00 UTC it is still the evening before.
    expect(runAt(Date.UTC(2026, 2, 5, 1, 0), -300).nExclusion?.code).toBe('not-started');
    expect(runAt(Date.UTC(2026, 2, 5, 5, 0) - 1, -300).nExclusion?.code).toBe('not-started');
    expect(runAt(Date.UTC(2026, 2, 5, 5, 0), -300).assignment.repId).toBe('n');
  });

  it('says so in the explanation, in English and in Chinese', async () => {
    const { assignment } = runAt(Date.UTC(2026, 2, 4, 10, 0), 0);
    const summary = explanationSummary(assignment.explanation);
    expect(summary.text).toContain('1 rep(s) not started yet');
    const token = summary.tokens.filter((t) => t.key === 'excluded');
    expect(token).toEqual([{ key: 'excluded', params: { code: 'not-started', count: 1 } }]);
    const words = async (lng: 'zh-CN' | 'en') => {
      const i18n = createInstance();
      await i18n.init({ lng, resources: {}, interpolation: { escapeValue: false } });
      registerBundles(i18n, DISTRIBUTION_BUNDLES);
      return describeTokens(i18n.t.bind(i18n), token, (id) => id);
    };
    expect(await words('zh-CN')).toEqual(['1 人被排除：尚未入职']);
    expect(await words('en')).toEqual(['1 rep(s) left out: not started yet']);
  });

  it('in a month’s replay, a rep starting mid-month gets nothing before and a fair share after; the ledger agrees', () => {
    const offset = 480;
    // Three reps from before, n from Monday 2026-03-16; four leads a day in March, 09:00–12:00 local (UTC+8).
    const reps = [makeRep('a'), makeRep('b'), makeRep('c'), makeRep('n', { joinedOn: '2026-03-16' })];
    const leads = Array.from({ length: 31 * 4 }, (_, i) => {
      const day = Math.floor(i / 4) + 1;
      const at = Date.UTC(2026, 2, day, 9 + (i % 4)) - offset * 60_000;
      return makeLead(`L${String(i).padStart(4, '0')}`, { createdAt: at, updatedAt: at, grade: 'B' });
    });
    const receipts: Receipt[] = [];
    const result = replayDistribution({
      leads,
      reps,
      rules,
      seed: 1,
      options: { utcOffsetMinutes: offset },
      onDecision: (d) => {
        if (d.repId === null) return;
        const day = new Date(d.at + offset * 60_000).toISOString().slice(0, 10);
        receipts.push({ repId: d.repId, kind: 'distributed', grade: 'B', day });
      },
    });
    expect(result.pooled).toBe(0);
    const nDays = receipts.filter((r) => r.repId === ('n' as RepId)).map((r) => r.day);
    expect(nDays.length).toBeGreaterThan(0);
    expect(nDays.every((day) => day >= '2026-03-16')).toBe(true);
    // 60 leads over three reps in the first 15 days, 64 over four in the last 16.
    expect(Object.fromEntries(Object.entries(result.perRep).map(([id, r]) => [id, r.total]))).toEqual({
      a: 36,
      b: 36,
      c: 36,
      n: 16,
    });
    const ledger = computeLedger({ reps, receipts, from: '2026-03-01', to: '2026-03-31' });
    expect(ledger.rows.map((r) => [r.repId, r.availableDays, r.total.received, r.total.expected])).toEqual([
      ['a', 31, 36, 36],
      ['b', 31, 36, 36],
      ['c', 31, 36, 36],
      ['n', 16, 16, 16],
    ]);
  });
});

// The KPI row's response time in one pass (createPeriodTallier, rows added in slices, then figuresOfPeriodTallies) says what judging
// every hand-over and summarising the period, the period before, each grade, each rep and each day apart said (the
// KPI row's earlier computation).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePeriod, localDayNumber } from '../../../core/api/dashboard/period';
import { createPeriodTallier, figuresOfPeriodTallies } from '../../../core/api/dashboard/response-figures';
import { judgeResponses, reportResponses, summarizeResponses } from '../../../core/domain/kpi/response-time';
import { medianOf } from '../../../core/domain/kpi/stats';
import { defaultKpiTargets } from '../../../core/domain/kpi/targets';
import { DEFAULT_SLA_POLICY } from '../../../core/domain/sla/sla-policy';
import { CHINA_OFFICE_CALENDAR } from '../../../core/domain/sla/working-calendar';
import type { ResponseRow } from '../../../core/store/dashboard-kpi';

const PERIOD = resolvePeriod('2026-11-01', '2026-11-07', 480);
const NOW = PERIOD.to + 3_600_000;

const row = fc
  .record({
    leadId: fc.constantFrom('l1', 'l2', 'l3', 'l4'),
    repId: fc.constantFrom('r1', 'r2', 'r3'),
    grade: fc.constantFrom('A', 'B', 'C', 'D', null) as fc.Arbitrary<ResponseRow['grade']>,
    assignedAt: fc.integer({ min: PERIOD.previous.from, max: PERIOD.to - 1 }),
    waited: fc.option(fc.nat(2 * 86_400_000)),
  })
  .map(({ waited, ...r }): ResponseRow => ({
    ...r,
    firstContactAt: waited === null ? null : r.assignedAt + waited,
  }));

describe('the KPI row’s response time in one pass', () => {
  it('equals each figure judged and summarised apart (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.nat(60), (rows, cut) => {
        const targets = defaultKpiTargets(DEFAULT_SLA_POLICY);
        const tallier = createPeriodTallier(PERIOD, CHINA_OFFICE_CALENDAR, targets, NOW);
        tallier.add(rows.slice(0, cut));
        tallier.add(rows.slice(cut));
        const got = figuresOfPeriodTallies(tallier.finish());
        const judge = (part: readonly ResponseRow[]) =>
          judgeResponses(part, CHINA_OFFICE_CALENDAR, targets.responseMinutes, NOW);
        const now = rows.filter((r) => r.assignedAt >= PERIOD.from);
        const report = reportResponses(judge(now));
        expect(got.current).toEqual(report.overall);
        expect(got.byGrade).toEqual(report.byGrade);
        expect(got.previous).toEqual(
          reportResponses(judge(rows.filter((r) => r.assignedAt < PERIOD.from))).overall,
        );
        for (const repId of ['r1', 'r2', 'r3']) {
          const mine = now.filter((r) => r.repId === repId);
          expect(got.byRep.get(repId)).toEqual(
            mine.length === 0 ? undefined : summarizeResponses(judge(mine)),
          );
        }
        expect(got.series).toEqual(
          PERIOD.dates.map((_, d) => {
            const day = judge(now.filter((r) => localDayNumber(r.assignedAt, 480) - PERIOD.firstDay === d));
            return day.length === 0 ? null : medianOf(day.flatMap((j) => j.minutes ?? []));
          }),
        );
      }),
      { numRuns: 150 },
    );
  });
});

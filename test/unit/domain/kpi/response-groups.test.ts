// Response time of many groups in one pass equals, group by group, summarizeResponses over judgeResponses' verdicts
// of the group's assignments: random hand-overs in and out of working hours, contacted or not, every grade.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ascendingOrder,
  createResponseTallier,
  EMPTY_RESPONSE_TALLY,
  figuresOfTally,
} from '../../../../core/domain/kpi/response-groups';
import {
  judgeResponses,
  summarizeResponses,
  type ResponseFact,
} from '../../../../core/domain/kpi/response-time';
import {
  businessMsBetween,
  BusinessMeter,
  CHINA_OFFICE_CALENDAR,
} from '../../../../core/domain/sla/working-calendar';

const TARGETS = { A: 5, B: 1440, C: 60, D: 60, ungraded: 60 };
const START = Date.UTC(2026, 10, 23);
const NOW = START + 10 * 86_400_000;
const GROUPS = 4;

const fact = fc
  .record({
    grade: fc.constantFrom('A', 'B', 'C', 'D', null) as fc.Arbitrary<ResponseFact['grade']>,
    assignedAt: fc.integer({ min: START, max: NOW }),
    waitedMs: fc.option(fc.integer({ min: 0, max: 3 * 86_400_000 })),
    groups: fc.uniqueArray(fc.nat(GROUPS - 1), { maxLength: GROUPS }),
  })
  .map((f) => ({
    grade: f.grade,
    assignedAt: f.assignedAt,
    firstContactAt: f.waitedMs === null ? null : f.assignedAt + f.waitedMs,
    groups: f.groups,
  }));

/** Each fact added with its own groups, then the tallies of groups 0 … groupCount − 1. */
function tallyOf(
  facts: readonly (ResponseFact & { groups: readonly number[] })[],
  calendar: typeof CHINA_OFFICE_CALENDAR | null,
  groupCount = GROUPS,
) {
  const tallier = createResponseTallier(calendar, TARGETS, NOW);
  for (const f of facts) tallier.add(f, f.groups, f.groups.length);
  return tallier.finish(groupCount);
}

describe('response time per group in one pass', () => {
  it('equals each group summarised alone (property)', () => {
    for (const calendar of [CHINA_OFFICE_CALENDAR, null]) {
      fc.assert(
        fc.property(fc.array(fact, { maxLength: 50 }), (facts) => {
          const grouped = tallyOf(facts, calendar);
          for (let g = 0; g < GROUPS; g += 1) {
            const alone = facts.filter((f) => f.groups.includes(g));
            expect(figuresOfTally(grouped[g] ?? EMPTY_RESPONSE_TALLY)).toEqual(
              summarizeResponses(judgeResponses(alone, calendar, TARGETS, NOW)),
            );
          }
        }),
        { numRuns: 150 },
      );
    }
  });

  it('keeps every count when thousands of facts in hundreds of groups outgrow its first buffers', () => {
    const facts = Array.from({ length: 6000 }, (_, i) => ({
      grade: (['A', 'B', null] as const)[i % 3] ?? null,
      assignedAt: START + ((i * 7919) % (9 * 86_400_000)),
      firstContactAt:
        i % 5 === 0 ? null : START + ((i * 7919) % (9 * 86_400_000)) + ((i * 104_729) % 86_400_000),
      groups: [1 + (i % 299), 300 + (i % 7), 0],
    }));
    const grouped = tallyOf(facts, CHINA_OFFICE_CALENDAR, 307);
    for (const g of [0, 1, 150, 299, 300, 306]) {
      const alone = facts.filter((f) => f.groups.includes(g));
      expect(figuresOfTally(grouped[g] ?? EMPTY_RESPONSE_TALLY)).toEqual(
        summarizeResponses(judgeResponses(alone, CHINA_OFFICE_CALENDAR, TARGETS, NOW)),
      );
    }
  });

  it('orders values ascending, ties by position, whole or not, small or past the packing range (property)', () => {
    const value = fc.oneof(
      fc.nat(300),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (values) => {
        const order = [...ascendingOrder(Float64Array.from(values))];
        const expected = values.map((_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0) || a - b);
        expect(order).toEqual(expected);
      }),
    );
  });

  it('measures business time with a meter exactly as businessMsBetween does (property)', () => {
    const meter = new BusinessMeter(CHINA_OFFICE_CALENDAR);
    const plain = new BusinessMeter(null);
    fc.assert(
      fc.property(
        fc.integer({ min: START - 400 * 86_400_000, max: NOW }),
        fc.integer({ min: -86_400_000, max: 90 * 86_400_000 }),
        (start, span) => {
          expect(meter.between(start, start + span)).toBe(
            businessMsBetween(start, start + span, CHINA_OFFICE_CALENDAR),
          );
          expect(plain.between(start, start + span)).toBe(businessMsBetween(start, start + span, null));
        },
      ),
    );
  });
});

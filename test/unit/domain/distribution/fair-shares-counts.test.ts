// computePeriodFairness over counted receipts (one per rep, kind, grade and day, as the store groups them) says
// exactly what it says over one receipt per lead.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePeriodFairness, type Receipt } from '../../../../core/domain/distribution/fair-shares';
import { asRepId } from '../../../../core/domain/ids';
import { makeRep } from './fixtures';

const JUNE = { from: '2026-06-01', to: '2026-06-30' };
const NOW = Date.UTC(2026, 6, 1);
const team = [
  makeRep('full'),
  makeRep('leave', { leave: [{ from: '2026-06-08', to: '2026-06-21' }] }),
  makeRep('joiner', { joinedOn: '2026-06-16' }),
  makeRep('leaver', { isActive: false }),
  makeRep('gone', { isActive: false }),
];

const receipt = fc.record({
  repId: fc.constantFrom('full', 'leave', 'joiner', 'leaver', 'gone', 'stranger').map(asRepId),
  kind: fc.constantFrom('distributed', 'distributed', 'claim', 'manual', 'recycle') as fc.Arbitrary<
    Receipt['kind']
  >,
  grade: fc.constantFrom('A', 'B', 'C', 'D', null) as fc.Arbitrary<Receipt['grade']>,
  // A few days outside June too: neither form counts them.
  day: fc
    .integer({ min: 0, max: 33 })
    .map((d) => new Date(Date.UTC(2026, 4, 30 + d)).toISOString().slice(0, 10)),
});

function grouped(receipts: readonly Receipt[]): Receipt[] {
  const groups = new Map<string, Receipt & { count: number }>();
  for (const r of receipts) {
    const key = [r.repId, r.kind, r.grade, r.day].join('|');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { ...r, count: 1 });
    else group.count += 1;
  }
  return [...groups.values()];
}

describe('fairness over counted receipts', () => {
  it('equals fairness over one receipt per lead, whatever the receipts (property)', () => {
    fc.assert(
      fc.property(fc.array(receipt, { maxLength: 120 }), (receipts) => {
        const one = computePeriodFairness({ reps: team, receipts, ...JUNE, now: NOW });
        const counted = computePeriodFairness({ reps: team, receipts: grouped(receipts), ...JUNE, now: NOW });
        expect(counted).toEqual(one);
      }),
      { numRuns: 300 },
    );
  });

  it('counts a receipt standing for three leads as three, and one standing for none as nothing', () => {
    const base = { repId: asRepId('leaver'), kind: 'distributed' as const, grade: 'A' as const };
    const fairness = computePeriodFairness({
      reps: team,
      receipts: [
        { ...base, day: '2026-06-05', count: 3 },
        { ...base, day: '2026-06-20', count: 0 },
        { ...base, kind: 'claim', day: '2026-06-06', count: 2 },
      ],
      ...JUNE,
      now: NOW,
    });
    expect(fairness.perRep['leaver']).toMatchObject({ total: 3, availableDays: 6 });
    expect(fairness.apart['leaver']).toEqual({ claims: 2, manual: 0, recycles: 0 });
  });
});

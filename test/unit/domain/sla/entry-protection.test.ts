import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../core/domain/clock';
import { decideEntryOwner, type EntryMatch } from '../../../../core/domain/sla/entry-protection';

const NOW = Date.UTC(2026, 10, 23, 2);
const rules = { protectionDays: 30, showOwnerName: false };

function match(overrides: Partial<EntryMatch>): EntryMatch {
  return {
    leadId: 'l1',
    ownerId: 'rep-b',
    stage: 'mql',
    isHistory: false,
    ownedSince: NOW - DAY_MS,
    ...overrides,
  };
}

describe('who gets a lead entered with a held contact', () => {
  it('gives it to a won customer’s owner before any protected holder', () => {
    const matches = [
      match({ leadId: 'l1', ownerId: 'rep-b' }),
      match({ leadId: 'l2', ownerId: 'rep-c', stage: 'won', ownedSince: NOW - 400 * DAY_MS }),
    ];
    expect(decideEntryOwner('rep-a', matches, rules, NOW)).toEqual({
      outcome: 'existing_customer',
      repId: 'rep-c',
      matchId: 'l2',
    });
  });

  it('protects an open lead until exactly the end of the period', () => {
    const held = match({ ownedSince: NOW - 30 * DAY_MS + 1 });
    expect(decideEntryOwner('rep-a', [held], rules, NOW)).toMatchObject({
      outcome: 'protected',
      repId: 'rep-b',
      protectedUntil: NOW + 1,
    });
    expect(decideEntryOwner('rep-a', [held], rules, NOW + 1)).toMatchObject({
      outcome: 'kept',
      repId: 'rep-a',
    });
  });

  it('does not protect lost, nurture, history or pool leads', () => {
    for (const m of [
      match({ stage: 'lost' }),
      match({ stage: 'nurture' }),
      match({ isHistory: true }),
      match({ ownerId: null }),
    ]) {
      expect(decideEntryOwner('rep-a', [m], rules, NOW).outcome).toBe('kept');
      expect(decideEntryOwner(null, [m], rules, NOW).outcome).toBe('distribute');
    }
  });

  it('answers the same whatever order the matches come in', () => {
    const arb = fc.array(
      fc.record({
        leadId: fc.string({ minLength: 1, maxLength: 3 }),
        ownerId: fc.option(fc.constantFrom('rep-a', 'rep-b', 'rep-c'), { nil: null }),
        stage: fc.constantFrom('raw', 'mql', 'won', 'lost', 'nurture' as const),
        isHistory: fc.boolean(),
        ownedSince: fc.integer({ min: NOW - 60 * DAY_MS, max: NOW }),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(arb, (matches) => {
        const a = decideEntryOwner('rep-a', matches, rules, NOW);
        const b = decideEntryOwner('rep-a', [...matches].reverse(), rules, NOW);
        return JSON.stringify(a) === JSON.stringify(b);
      }),
    );
  });
});

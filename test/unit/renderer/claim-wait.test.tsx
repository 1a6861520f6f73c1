// A pool row names the wait the hub's claim refusal names: while an embargo and a cool-down both hold, the one that
// ends later (core/domain/pool/claim.ts, checkClaim), so the table and the lead's drawer agree.
import { describe, expect, it } from 'vitest';
import { claimWaitOf, claimWaitOfRefusal } from '../../../renderer/src/features/pool/claim-wait';

describe('claimWaitOf', () => {
  it('names the later end while both hold, either one alone, and nothing without one', () => {
    expect(claimWaitOf({ coolDownUntil: 2_000, embargoUntil: 1_000 })).toEqual({
      kind: 'coolDown',
      until: 2_000,
    });
    expect(claimWaitOf({ coolDownUntil: 1_000, embargoUntil: 2_000 })).toEqual({
      kind: 'embargo',
      until: 2_000,
    });
    expect(claimWaitOf({ coolDownUntil: 1_000, embargoUntil: null })).toEqual({
      kind: 'coolDown',
      until: 1_000,
    });
    expect(claimWaitOf({ coolDownUntil: null, embargoUntil: 1_000 })).toEqual({
      kind: 'embargo',
      until: 1_000,
    });
    expect(claimWaitOf({ coolDownUntil: null, embargoUntil: null })).toBeNull();
  });

  it('reads the same wait from a refusal as data, and none from a refusal no time ends', () => {
    const details = { until: 2_000 };
    expect(claimWaitOfRefusal({ reason: 'pool.coolingDown', details })).toEqual({
      kind: 'coolDown',
      until: 2_000,
    });
    expect(claimWaitOfRefusal({ reason: 'pool.embargo', details })).toEqual({
      kind: 'embargo',
      until: 2_000,
    });
    expect(claimWaitOfRefusal({ reason: 'pool.dailyLimit', details: { limit: 3 } })).toBeNull();
  });
});

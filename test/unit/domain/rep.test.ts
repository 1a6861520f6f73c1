import { describe, expect, it } from 'vitest';
import { isAvailable, isOnLeave } from '../../../core/domain/rep';
import { createRng } from '../../../core/domain/clock';

describe('rep availability', () => {
  const rep = {
    isActive: true,
    isOutOfOffice: false,
    leave: [{ from: '2026-11-20', to: '2026-11-24' }],
    joinedOn: '2026-11-02',
  };

  it('counts both ends of a leave period as leave', () => {
    expect(isOnLeave(rep, '2026-11-20')).toBe(true);
    expect(isOnLeave(rep, '2026-11-24')).toBe(true);
    expect(isOnLeave(rep, '2026-11-25')).toBe(false);
  });

  it('is unavailable before the start date, and available from it', () => {
    expect(isAvailable(rep, '2026-11-01')).toBe(false);
    expect(isAvailable(rep, '2026-11-02')).toBe(true);
  });

  it('is unavailable when inactive, out of office or on leave', () => {
    expect(isAvailable(rep, '2026-11-25')).toBe(true);
    expect(isAvailable({ ...rep, isActive: false }, '2026-11-25')).toBe(false);
    expect(isAvailable({ ...rep, isOutOfOffice: true }, '2026-11-25')).toBe(false);
    expect(isAvailable(rep, '2026-11-21')).toBe(false);
  });
});

describe('seeded rng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { newTimeOrderedId } from '../../../core/api/time-ordered-id';

const UUID_V7 = /^lead_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered ids', () => {
  it('are UUIDv7 with the prefix, carrying the creation millisecond', () => {
    const id = newTimeOrderedId('lead', 1_763_900_000_123);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(5, 13) + id.slice(14, 18), 16)).toBe(1_763_900_000_123);
  });

  it('sort by creation time across milliseconds', () => {
    const ids = [3, 5, 42, 1_000_000, 2 ** 47].map((ms) => newTimeOrderedId('lead', ms));
    expect([...ids].reverse().sort()).toEqual(ids);
  });

  it('never repeat within one millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newTimeOrderedId('lead', 1_000)));
    expect(ids.size).toBe(10_000);
  });
});

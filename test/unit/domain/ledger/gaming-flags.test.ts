import { describe, expect, it } from 'vitest';
import { findGamingFlags, type GamingInput } from '../../../../core/domain/ledger/gaming-flags';

const H = 3_600_000;
const DAY = 24 * H;
/** 2026-03-02 10:00 in China (UTC+8). */
const T = Date.UTC(2026, 2, 2, 2);
const base: GamingInput = {
  claims: [],
  departures: [],
  lostMarks: [],
  poolEntries: [],
  utcOffsetMinutes: 480,
};
const claim = (leadId: string, repId: string, at: number) => ({
  leadId,
  leadName: `客户${leadId}`,
  repId,
  at,
});

describe('gaming flags', () => {
  it('flags a rep who releases three claimed leads within two days, listing them; two is not enough', () => {
    const claims = ['1', '2', '3'].map((id, i) => claim(id, 'r', T + i * H));
    const departures = [
      { leadId: '1', repId: 'r', at: T + 5 * H, how: 'released' as const },
      { leadId: '2', repId: 'r', at: T + H + 47 * H, how: 'lost' as const },
      { leadId: '3', repId: 'r', at: T + 2 * H + 10 * H, how: 'recycled' as const },
    ];
    const flags = findGamingFlags({ ...base, claims, departures });
    expect(flags).toEqual([
      {
        kind: 'claim-churn',
        repId: 'r',
        leads: [
          { id: '1', name: '客户1', claimedAt: T, leftAt: T + 5 * H, how: 'released' },
          { id: '2', name: '客户2', claimedAt: T + H, leftAt: T + 48 * H, how: 'lost' },
          { id: '3', name: '客户3', claimedAt: T + 2 * H, leftAt: T + 12 * H, how: 'recycled' },
        ],
      },
    ]);
    // A lead kept past the window is not churn.
    const later = departures.map((d, i) => (i === 0 ? { ...d, at: T + 49 * H } : d));
    expect(findGamingFlags({ ...base, claims, departures: later })).toEqual([]);
  });

  it('flags a day of lost marks well above the rep usual day, with the leads', () => {
    const lostMarks = [
      ...[0, 1, 2].map((d) => ({ leadId: `u${d}`, leadName: `u${d}`, repId: 'r', at: T + d * DAY })),
      ...[0, 1, 2, 3, 4].map((k) => ({
        leadId: `s${k}`,
        leadName: `s${k}`,
        repId: 'r',
        at: T + 5 * DAY + k * H,
      })),
    ];
    const flags = findGamingFlags({ ...base, lostMarks });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'lost-spike', repId: 'r', date: '2026-03-07', usual: 1 });
    expect(flags[0]?.kind === 'lost-spike' && flags[0].leads.map((l) => l.id)).toEqual([
      's0',
      's1',
      's2',
      's3',
      's4',
    ]);
    expect(findGamingFlags({ ...base, lostMarks: lostMarks.slice(0, 7) })).toEqual([]);
  });

  it('flags a claim within a minute of the lead entering the pool, naming the seconds', () => {
    const flags = findGamingFlags({
      ...base,
      claims: [claim('a', 'r', T + 12_000), claim('b', 'r', T + 61_000)],
      poolEntries: [
        { leadId: 'a', at: T },
        { leadId: 'b', at: T },
      ],
    });
    expect(flags).toEqual([
      { kind: 'snipe', repId: 'r', leads: [{ id: 'a', name: '客户a', at: T + 12_000, seconds: 12 }] },
    ]);
  });
});

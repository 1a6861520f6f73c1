// A month of new leads through the live API, as the vacation-neutral tests replay it: each lead arrives, earlier
// ones close 2 to 13 days after they came in (as reps work them), and each rep's leads are tallied per day; then
// shares are compared with the other reps' within 15 % (never closer than 2 leads: load-based picks wander a little).
import { expect } from 'vitest';
import type { DistributionRule } from '../../core/domain/distribution/types';
import { setLeadStage } from '../../core/store/work-leads';
import type { TestService } from './service';

const DAY = 86_400_000;

export interface MonthTally {
  /** Per rep id: leads received on each day of the month (index 0 is day 1). */
  readonly perDay: Map<string, number[]>;
  readonly closing: { at: number; id: string }[];
}

export function startMonthTally(): MonthTally {
  return { perDay: new Map(), closing: [] };
}

/** Lead `k` of `day` arrives at the service's clock, after the leads due to close by then have closed. */
export async function arriveLead(t: TestService, tally: MonthTally, day: number, k: number): Promise<void> {
  const { closing, perDay } = tally;
  for (const due of closing.filter((x) => x.at <= t.clock.now)) {
    setLeadStage(
      t.service.db,
      due.id,
      { stage: 'lost', wonAmountFen: null, lostReason: 'test', closedAt: due.at },
      due.at,
    );
    closing.splice(closing.indexOf(due), 1);
  }
  const lead = await t.client.call('leads.create', { name: `客户${day}-${k}` });
  closing.push({ id: lead.id, at: t.clock.now + (2 + ((k * 7 + day * 3) % 12)) * DAY });
  if (lead.ownerId === null) return;
  const list = perDay.get(lead.ownerId) ?? new Array<number>(30).fill(0);
  list[day - 1] = (list[day - 1] ?? 0) + 1;
  perDay.set(lead.ownerId, list);
}

/** Sums over day ranges [from, to) (0-based) for a rep by name, the peers' mean, and the 15 % check. */
export function monthShares(tally: MonthTally, ids: Record<string, string>, peers: readonly string[]) {
  const sum = (name: string, from: number, to: number) =>
    (tally.perDay.get(ids[name] ?? '') ?? []).slice(from, to).reduce((x, y) => x + y, 0);
  const peerMean = (from: number, to: number) =>
    peers.reduce((total, name) => total + sum(name, from, to), 0) / peers.length;
  const near = (value: number, target: number, what: string) =>
    expect(Math.abs(value - target), `${what}: ${value} against ${target}`).toBeLessThanOrEqual(
      Math.max(2, 0.15 * target),
    );
  return { sum, peerMean, near };
}

/** One rule for everyone, load-balanced: the rule the vacation-neutral tests distribute by. */
export const LOAD_BALANCED_RULE: DistributionRule = {
  id: 'lb',
  name: '负载均衡',
  enabled: true,
  conditions: [],
  target: { kind: 'everyone' },
  method: 'load-balanced',
};

/** June under LOAD_BALANCED_RULE: 12 leads a day from 09:00 in China, half an hour apart, tallied per rep and day. */
export async function runLoadBalancedJune(t: TestService): Promise<MonthTally> {
  await t.client.call('distribution.saveRules', { rules: [LOAD_BALANCED_RULE] });
  const tally = startMonthTally();
  for (let day = 1; day <= 30; day += 1)
    for (let k = 0; k < 12; k += 1) {
      t.clock.now = Date.UTC(2026, 5, day, 1, 0, 0) + k * 1_800_000;
      await arriveLead(t, tally, day, k);
    }
  return tally;
}

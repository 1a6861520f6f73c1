// Flags for the team lead on patterns that game distribution: claim-then-release churn, spikes of lost-marking,
// and claims within seconds of a lead entering the pool — each with the leads behind it.
import { DAY_MS } from '../clock';

export interface ClaimEvent {
  readonly leadId: string;
  readonly leadName: string;
  readonly repId: string;
  readonly at: number;
}

/** A lead leaving a rep: recycled from them, handed to someone else or the pool, or marked lost by them. */
export interface DepartureEvent {
  readonly leadId: string;
  readonly repId: string;
  readonly at: number;
  readonly how: 'recycled' | 'released' | 'lost';
}

export interface LostMark {
  readonly leadId: string;
  readonly leadName: string;
  readonly repId: string;
  readonly at: number;
}

export interface GamingInput {
  readonly claims: readonly ClaimEvent[];
  readonly departures: readonly DepartureEvent[];
  readonly lostMarks: readonly LostMark[];
  /** When leads entered the pool (recycled or released), epoch ms. */
  readonly poolEntries: readonly { readonly leadId: string; readonly at: number }[];
  readonly utcOffsetMinutes: number;
  /** A claim the lead leaves within this long counts as churn [48 h]. */
  readonly churnWindowMs?: number;
  /** Churned claims in the period before a rep is flagged [3]. */
  readonly churnMinimum?: number;
  /** A day's lost marks flagged when at least this many [5] and this many times the rep's usual day [3]. */
  readonly lostSpikeMinimum?: number;
  readonly lostSpikeFactor?: number;
  /** A claim this soon after the lead entered the pool is a snipe [60 s]. */
  readonly snipeWindowMs?: number;
}

export type GamingFlag =
  | {
      readonly kind: 'claim-churn';
      readonly repId: string;
      readonly leads: readonly {
        readonly id: string;
        readonly name: string;
        readonly claimedAt: number;
        readonly leftAt: number;
        readonly how: DepartureEvent['how'];
      }[];
    }
  | {
      readonly kind: 'lost-spike';
      readonly repId: string;
      /** Local ISO date of the spike. */
      readonly date: string;
      /** The rep's median lost marks on the other days they marked any. */
      readonly usual: number;
      readonly leads: readonly { readonly id: string; readonly name: string; readonly at: number }[];
    }
  | {
      readonly kind: 'snipe';
      readonly repId: string;
      readonly leads: readonly {
        readonly id: string;
        readonly name: string;
        readonly at: number;
        readonly seconds: number;
      }[];
    };

function localDate(at: number, utcOffsetMinutes: number): string {
  return new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function byRep<T extends { readonly repId: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.repId) ?? [];
    list.push(item);
    out.set(item.repId, list);
  }
  return out;
}

/**
 * The period's flags, claim-churn first, then lost spikes, then snipes; reps in id order. Pure: events may come
 * in any order. A lead marked lost, released or recycled still counts as received where it was given (the
 * ledger's receipts and the daily counts never go down); these flags show who leans on that.
 */
export function findGamingFlags(input: GamingInput): GamingFlag[] {
  const churnWindow = input.churnWindowMs ?? 2 * DAY_MS;
  const churnMinimum = input.churnMinimum ?? 3;
  const spikeMinimum = input.lostSpikeMinimum ?? 5;
  const spikeFactor = input.lostSpikeFactor ?? 3;
  const snipeWindow = input.snipeWindowMs ?? 60_000;
  const flags: GamingFlag[] = [];
  const repOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  const departuresByLead = new Map<string, DepartureEvent[]>();
  for (const d of input.departures) {
    const list = departuresByLead.get(d.leadId) ?? [];
    list.push(d);
    departuresByLead.set(d.leadId, list);
  }
  const claimsByRep = byRep(input.claims);
  for (const repId of [...claimsByRep.keys()].sort(repOrder)) {
    const churned = (claimsByRep.get(repId) ?? [])
      .flatMap((claim) => {
        const left = (departuresByLead.get(claim.leadId) ?? [])
          .filter((d) => d.repId === repId && d.at >= claim.at && d.at - claim.at <= churnWindow)
          .sort((a, b) => a.at - b.at)[0];
        return left === undefined
          ? []
          : [{ id: claim.leadId, name: claim.leadName, claimedAt: claim.at, leftAt: left.at, how: left.how }];
      })
      .sort((a, b) => a.claimedAt - b.claimedAt);
    if (churned.length >= churnMinimum) flags.push({ kind: 'claim-churn', repId, leads: churned });
  }

  const lostByRep = byRep(input.lostMarks);
  for (const repId of [...lostByRep.keys()].sort(repOrder)) {
    const byDay = new Map<string, LostMark[]>();
    for (const mark of lostByRep.get(repId) ?? []) {
      const date = localDate(mark.at, input.utcOffsetMinutes);
      const list = byDay.get(date) ?? [];
      list.push(mark);
      byDay.set(date, list);
    }
    for (const [date, marks] of [...byDay].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const others = [...byDay].filter(([d]) => d !== date).map(([, list]) => list.length);
      const usual = median(others);
      if (marks.length >= spikeMinimum && marks.length >= spikeFactor * Math.max(1, usual))
        flags.push({
          kind: 'lost-spike',
          repId,
          date,
          usual,
          leads: marks.sort((a, b) => a.at - b.at).map((m) => ({ id: m.leadId, name: m.leadName, at: m.at })),
        });
    }
  }

  const entriesByLead = new Map<string, number[]>();
  for (const e of input.poolEntries) {
    const list = entriesByLead.get(e.leadId) ?? [];
    list.push(e.at);
    entriesByLead.set(e.leadId, list);
  }
  for (const repId of [...claimsByRep.keys()].sort(repOrder)) {
    const sniped = (claimsByRep.get(repId) ?? [])
      .flatMap((claim) => {
        const entered = (entriesByLead.get(claim.leadId) ?? []).filter((at) => at <= claim.at);
        const last = entered.length === 0 ? null : Math.max(...entered);
        return last !== null && claim.at - last <= snipeWindow
          ? [
              {
                id: claim.leadId,
                name: claim.leadName,
                at: claim.at,
                seconds: Math.round((claim.at - last) / 1000),
              },
            ]
          : [];
      })
      .sort((a, b) => a.at - b.at);
    if (sniped.length > 0) flags.push({ kind: 'snipe', repId, leads: sniped });
  }
  return flags;
}

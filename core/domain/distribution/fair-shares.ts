// Fairness over a period, counted one way everywhere (distribution, dashboard, replay): what a rep "received",
// at which grade, who counts, and for how many available days.
import { DAY_MS } from '../clock';
import type { Grade } from '../funnel';
import type { RepId } from '../ids';
import { isOnLeave, isOutOfOfficeOn } from '../rep';
import type { Rep } from '../rep';
import { computeFairness } from './fairness';
import type { FairnessFigures } from './fairness';
import { isoDateOfDay } from './local-time';
import { owedLeadsByRep } from './owed-leads';

/** distributed = given by the rules (automatic or import); the rest are shown apart, never counted as received. */
type ReceiptKind = 'distributed' | 'claim' | 'manual' | 'recycle';

/** How an assignment row's kind counts: auto/import/demo are distribution; appeal moves are manual moves. */
export function receiptKindOf(kind: string): ReceiptKind {
  switch (kind) {
    case 'claim':
      return 'claim';
    case 'manual':
    case 'appeal':
      return 'manual';
    case 'recycle':
      return 'recycle';
    default:
      return 'distributed';
  }
}

/** One lead handed to a rep: how, at which grade it had then, on which local day (YYYY-MM-DD). */
export interface Receipt {
  readonly repId: RepId;
  readonly kind: ReceiptKind;
  readonly grade: Grade | null;
  readonly day: string;
  /** How many such receipts this one stands for (1 when absent): the store counts them per rep, kind, grade, day. */
  readonly count?: number;
}

export type FairnessRep = Pick<Rep, 'id' | 'joinedOn' | 'leave' | 'isActive' | 'outOfOfficeDays'>;

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/**
 * Days in [from, to] (inclusive ISO dates) the rep could receive leads: from the later of `from` and joining, to
 * the earlier of `to` and `until` (an inactive rep's last working day), leave and out-of-office days taken out.
 */
export function countAvailableDays(
  rep: Pick<Rep, 'joinedOn' | 'leave' | 'outOfOfficeDays'>,
  from: string,
  to: string,
  until?: string,
): number {
  const first = Math.max(
    dayNumber(from),
    Number.isFinite(dayNumber(rep.joinedOn)) ? dayNumber(rep.joinedOn) : -Infinity,
  );
  const last = Math.min(dayNumber(to), until === undefined ? Infinity : dayNumber(until));
  let days = 0;
  for (let day = first; day <= last; day += 1) {
    const iso = isoDateOfDay(day);
    if (!isOnLeave(rep, iso) && !isOutOfOfficeOn(rep, iso)) days += 1;
  }
  return days;
}

interface PeriodFairnessInput {
  readonly reps: readonly FairnessRep[];
  readonly receipts: readonly Receipt[];
  /** Inclusive local ISO dates of the period. */
  readonly from: string;
  readonly to: string;
  /** Epoch ms for "new rep" (joined within newRepDays). */
  readonly now: number;
  readonly newRepDays?: number;
}

export interface PeriodFairness extends FairnessFigures {
  readonly from: string;
  readonly to: string;
  /** Per rep: leads that came by other ways than distribution, shown apart from "received". */
  readonly apart: Readonly<
    Record<string, { readonly claims: number; readonly manual: number; readonly recycles: number }>
  >;
}

/**
 * Fairness of a period: "received" = leads given by distribution, at the grade they had when assigned; claims,
 * manual moves and redistributions after a recycle are counted apart. Every rep active in the period counts —
 * active reps, and inactive ones who received anything in it (available until their last lead there) — for the
 * days they were available (start date and leave taken out); a rep's fair share is what the ledger owes them, each
 * day's leads split among the reps there that day (owed-leads.ts).
 */
export function computePeriodFairness(input: PeriodFairnessInput): PeriodFairness {
  const lastDay = new Map<string, string>();
  for (const r of input.receipts) {
    const seen = lastDay.get(r.repId);
    const isCounted = r.day >= input.from && r.day <= input.to && (r.count ?? 1) > 0;
    if (isCounted && (seen === undefined || r.day > seen)) lastDay.set(r.repId, r.day);
  }
  const reps = input.reps.filter((rep) => rep.isActive || lastDay.has(rep.id));
  const availableDays: Record<string, number> = {};
  for (const rep of reps)
    availableDays[rep.id] = countAvailableDays(
      rep,
      input.from,
      input.to,
      rep.isActive ? undefined : lastDay.get(rep.id),
    );
  const apart: Record<string, { claims: number; manual: number; recycles: number }> = {};
  for (const rep of reps) apart[rep.id] = { claims: 0, manual: 0, recycles: 0 };
  const distributed: { repId: RepId; grade: Grade | null; day: string; count: number }[] = [];
  for (const r of input.receipts) {
    if (r.day < input.from || r.day > input.to) continue;
    const row = apart[r.repId];
    const count = r.count ?? 1;
    if (row === undefined || !(count > 0)) continue;
    if (r.kind === 'distributed') distributed.push({ repId: r.repId, grade: r.grade, day: r.day, count });
    else if (r.kind === 'claim') row.claims += count;
    else if (r.kind === 'manual') row.manual += count;
    else row.recycles += count;
  }
  const figures = computeFairness({
    reps,
    assignments: distributed,
    now: input.now,
    ...(input.newRepDays === undefined ? {} : { newRepDays: input.newRepDays }),
    availableDays,
    owed: owedLeadsByRep(reps, distributed, lastDay),
  });
  return { ...figures, from: input.from, to: input.to, apart };
}

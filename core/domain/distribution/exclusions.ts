// Why a rep may not take a lead at this moment of a run: availability, recycle cool-downs, the lead's own
// exclusions, working hours and caps, and whether the rep is in a rule's target.
import type { RepId } from '../ids';
import type { EngineContext, ParsedHours, RuleInfo } from './engine-context';
import { formatMinuteOfDay } from './local-time';
import type { LocalTime } from './local-time';
import type { DistributionLead, ExclusionReason } from './types';

function isWithinHours(hours: ParsedHours, local: LocalTime): boolean {
  const minute = local.minuteOfDay;
  if (hours.from <= hours.to)
    return hours.days.has(local.weekday) && minute >= hours.from && minute < hours.to;
  // Spans midnight: the early-morning part belongs to the shift that started the day before.
  if (minute >= hours.from) return hours.days.has(local.weekday);
  const previousDay = local.weekday === 1 ? 7 : local.weekday - 1;
  return minute < hours.to && hours.days.has(previousDay);
}

function hoursExclusion(ctx: EngineContext, i: number): ExclusionReason | null {
  const cached = ctx.hoursStatus[i];
  if (cached !== undefined) return cached;
  const hours = ctx.hours[i] ?? null;
  const status: ExclusionReason | null =
    hours === null || isWithinHours(hours, ctx.nowLocal)
      ? null
      : { code: 'outside-working-hours', localTime: formatMinuteOfDay(ctx.nowLocal.minuteOfDay) };
  ctx.hoursStatus[i] = status;
  return status;
}

/** Caps exclusion for rep i with its current loads (or the `loads` given, e.g. a batch's starting loads), or null. */
export function capExclusion(
  ctx: EngineContext,
  i: number,
  loads: { readonly open: readonly number[]; readonly today: readonly number[] } = ctx,
): ExclusionReason | null {
  const rep = ctx.reps[i];
  if (rep === undefined) return { code: 'unknown-rep' };
  const open = loads.open[i] ?? 0;
  if (rep.capOpen !== null && open >= rep.capOpen) return { code: 'open-cap', open, cap: rep.capOpen };
  const today = loads.today[i] ?? 0;
  if (rep.capDaily !== null && today >= rep.capDaily) return { code: 'daily-cap', today, cap: rep.capDaily };
  const holding = ctx.holdingCaps[i] ?? null;
  if (holding !== null && open - holding.locked >= holding.cap)
    return { code: 'holding-cap', holding: open - holding.locked, cap: holding.cap, pool: holding.pool };
  return null;
}

/**
 * The recycle that keeps this rep away from the lead now, or null: the rep it is being recycled from, or one it
 * was recycled from less than the cool-down ago (the latest such recycle is named).
 */
function recycleExclusion(
  ctx: Pick<EngineContext, 'now' | 'recycleCooldownMs'>,
  lead: DistributionLead,
  id: RepId | undefined,
): ExclusionReason | null {
  if (id === undefined) return null;
  if (lead.recycledFromRepId != null && lead.recycledFromRepId === id)
    return { code: 'recycled-from', at: ctx.now, until: ctx.now + ctx.recycleCooldownMs };
  let latest: number | null = null;
  for (const previous of lead.previousOwners ?? []) {
    if (previous.repId !== id || previous.at > ctx.now) continue;
    if (ctx.now < previous.at + ctx.recycleCooldownMs && (latest === null || previous.at > latest))
      latest = previous.at;
  }
  return latest === null
    ? null
    : { code: 'recycled-from', at: latest, until: latest + ctx.recycleCooldownMs };
}

/**
 * Why rep i may not take this lead regardless of the rule's target: availability, the lead's exclusions,
 * working hours (when the rule asks) and caps (unless `withCaps` is false, for the batch optimizer).
 */
export function baseExclusion(
  ctx: EngineContext,
  i: number,
  lead: DistributionLead,
  respectHours: boolean,
  withCaps: boolean,
): ExclusionReason | null {
  const availability = ctx.availability[i] ?? null;
  if (availability !== null) return availability;
  const id = ctx.repIds[i];
  const recycled = recycleExclusion(ctx, lead, id);
  if (recycled !== null) return recycled;
  if (lead.excludeRepIds !== undefined && id !== undefined && lead.excludeRepIds.includes(id))
    return { code: 'excluded' };
  if (respectHours) {
    const hours = hoursExclusion(ctx, i);
    if (hours !== null) return hours;
  }
  return withCaps ? capExclusion(ctx, i) : null;
}

/** True when rep i belongs to the rule's target; `leadRegion` is the lead's folded region (territory targets). */
export function isInTarget(ctx: EngineContext, info: RuleInfo, i: number, leadRegion: string): boolean {
  if (info.targetMask !== null) return info.targetMask[i] === 1;
  return leadRegion !== '' && (ctx.foldedRegions[i]?.has(leadRegion) ?? false);
}

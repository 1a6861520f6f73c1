// The rule linter: shadowed rules, lead profiles no rule catches, rules left with nobody available, and daily
// caps the expected inflow (the same weekdays of recent history) will break over the next 7 days.
import { DAY_MS } from '../clock';
import { matchRule } from '../distribution/conditions';
import type { DistributionRule } from '../distribution/types';
import { toLocalTime } from '../distribution/local-time';
import type { Rep } from '../rep';
import { isDestinationRule, ruleShadows } from './implication';
import { groupHistory, madeUpProfiles, referencedFields } from './profiles';
import type { LeadProfile } from './profiles';
import {
  assignsToReps,
  candidatesOn,
  foldReps,
  targetReps,
  unavailabilityOn,
  unavailableUntil,
} from './rep-sets';
import type { FoldedRep } from './rep-sets';
import type { DayFigure, ForecastDay, LintInput, LintReport, LintWarning, RuleRef } from './types';

const FORECAST_DAYS = 7;
/** Gap warnings beyond this many are dropped (the largest profiles are kept). */
const MAX_GAPS = 10;

function refOf(rule: DistributionRule, index: number): RuleRef {
  return { index, id: rule.id, name: rule.name };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function findShadowed(rules: readonly DistributionRule[]): LintWarning[] {
  const out: LintWarning[] = [];
  rules.forEach((later, j) => {
    for (let i = 0; i < j; i += 1) {
      const earlier = rules[i];
      if (earlier !== undefined && ruleShadows(earlier, later)) {
        out.push({ kind: 'shadowed', rule: refOf(later, j), by: refOf(earlier, i) });
        return;
      }
    }
  });
  return out;
}

/** The index in `rules` of the first destination rule a profile reaches, or -1. */
function routeProfile(
  destinations: readonly DistributionRule[],
  indexOf: ReadonlyMap<DistributionRule, number>,
  profile: LeadProfile,
  utcOffsetMinutes: number,
): number {
  const match = matchRule(
    destinations,
    profile.lead,
    toLocalTime(profile.lead.createdAt, utcOffsetMinutes),
    false,
  );
  return match.rule === null ? -1 : (indexOf.get(match.rule) ?? -1);
}

function profileKey(profile: LeadProfile): string {
  return profile.fields.map((f) => `${f.field}=${String(f.value)}`).join('\u0001');
}

function findGaps(
  rules: readonly DistributionRule[],
  profiles: readonly LeadProfile[],
  routes: readonly number[],
): LintWarning[] {
  const last = rules.length - 1;
  const out: LintWarning[] = [];
  profiles.forEach((profile, p) => {
    const at = routes[p] ?? -1;
    const rule = rules[at];
    const isPoolFallback =
      at === last && rule !== undefined && (rule.method === 'public-pool' || rule.method === 'manual');
    // A made-up profile landing in a pool fallback is the team's choice; real leads landing there are worth a word.
    if (at >= 0 && !(isPoolFallback && profile.count > 0)) return;
    out.push({
      kind: 'gap',
      profile: profile.fields,
      leadCount: profile.count,
      leads: profile.leads,
      caughtBy: at >= 0 && rule !== undefined ? { ...refOf(rule, at), method: rule.method } : null,
    });
  });
  return out
    .sort((a, b) => (b.kind === 'gap' && a.kind === 'gap' ? b.leadCount - a.leadCount : 0))
    .slice(0, MAX_GAPS);
}

/** Regions a territory rule's conditions name (positive equals/in), or [null] for "any region". */
function ruleRegions(rule: DistributionRule): (string | null)[] {
  const named = rule.conditions.flatMap((c) =>
    c.field === 'region' && c.negate !== true && (c.op === 'equals' || c.op === 'in')
      ? (c.op === 'equals' ? [c.value] : c.values).map(String)
      : [],
  );
  return named.length > 0 ? [...new Set(named)] : [null];
}

function findEmptyRepSets(
  rules: readonly DistributionRule[],
  reps: readonly FoldedRep[],
  dates: readonly string[],
): LintWarning[] {
  const out: LintWarning[] = [];
  rules.forEach((rule, index) => {
    if (!isDestinationRule(rule) || !assignsToReps(rule)) return;
    const regions = rule.target.kind === 'territory' ? ruleRegions(rule) : [null];
    for (const region of regions) {
      const target = targetReps(rule, reps, region);
      const emptyOn = dates.filter((date) => target.every((rep) => unavailabilityOn(rep, date) !== null));
      if (emptyOn.length === 0) continue;
      const first = emptyOn[0] ?? '';
      const named =
        rule.target.kind === 'reps'
          ? rule.target.repIds.filter((id) => !reps.some((f) => f.rep.id === id))
          : [];
      out.push({
        kind: 'empty-rep-set',
        rule: refOf(rule, index),
        region,
        dates: emptyOn,
        reps: [
          ...target.map((rep) => {
            const why = unavailabilityOn(rep, first) ?? 'on-leave';
            return { repId: rep.id, name: rep.name, why, until: unavailableUntil(rep, why, first) };
          }),
          ...named.map((id) => ({ repId: id, name: id, why: 'unknown-rep' as const, until: null })),
        ],
      });
    }
  });
  return out;
}

/** Sum of daily caps, or null when a rep has none (no limit). */
function sumCaps(reps: readonly Rep[]): number | null {
  let sum = 0;
  for (const rep of reps) {
    if (rep.capDaily === null) return null;
    sum += rep.capDaily;
  }
  return sum;
}

interface DayPlan {
  readonly date: string;
  readonly weekday: number;
}

/**
 * Lints a draft rule list against the team and recent leads. Pure: the same input gives the same warnings, in
 * the order shadowed, gap, empty rep set, cap breach. Expected inflow for a day is the mean count of leads that
 * arrived on the same weekday in the history window.
 */
export function lintRules(input: LintInput): LintReport {
  const { rules, reps, utcOffsetMinutes } = input;
  const folded = foldReps(reps);
  const destinations = rules.filter(isDestinationRule);
  const indexOf = new Map<DistributionRule, number>(rules.map((rule, i) => [rule, i]));
  const fields = referencedFields(rules);
  const history = groupHistory(
    input.history,
    fields,
    utcOffsetMinutes,
    rules.filter((r) => r.enabled),
  );
  const seen = new Set(history.map(profileKey));
  const profiles = [
    ...history,
    ...madeUpProfiles(rules, fields, utcOffsetMinutes).filter((p) => !seen.has(profileKey(p))),
  ];
  const routes = profiles.map((p) => routeProfile(destinations, indexOf, p, utcOffsetMinutes));

  const days: DayPlan[] = [];
  for (let d = 0; d < FORECAST_DAYS; d += 1) {
    const local = toLocalTime(input.now + d * DAY_MS, utcOffsetMinutes);
    days.push({ date: local.date, weekday: local.weekday });
  }
  // How many times each weekday occurs in the history window (the whole days before today).
  const weekdayCount = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let d = 1; d <= input.historyDays; d += 1) {
    const weekday = toLocalTime(input.now - d * DAY_MS, utcOffsetMinutes).weekday;
    weekdayCount[weekday] = (weekdayCount[weekday] ?? 0) + 1;
  }
  const perWeekday = (count: readonly number[], weekday: number): number => {
    const n = weekdayCount[weekday] ?? 0;
    return n === 0 ? 0 : (count[weekday] ?? 0) / n;
  };

  const forecast: ForecastDay[] = [];
  const ruleDays = new Map<number, DayFigure[]>();
  const repDays = new Map<string, DayFigure[]>();
  const teamDays: DayFigure[] = [];
  for (const day of days) {
    const availableFolded = folded.filter((f) => unavailabilityOn(f.rep, day.date) === null);
    const available = availableFolded.map((f) => f.rep);
    // Leads of one rule, region and grade are spread over the same reps: work each set out once a day.
    const spread = new Map<string, Rep[]>();
    const ruleExpected = new Map<number, number>();
    const repExpected = new Map<string, number>();
    let expected = 0;
    history.forEach((profile, p) => {
      const share = perWeekday(profile.byWeekday, day.weekday);
      if (share === 0) return;
      expected += share;
      const at = routes[p] ?? -1;
      const rule = rules[at];
      if (rule === undefined || !assignsToReps(rule)) return;
      ruleExpected.set(at, (ruleExpected.get(at) ?? 0) + share);
      const key = `${at}\u0001${profile.lead.region ?? ''}\u0001${profile.lead.grade ?? ''}`;
      let candidates = spread.get(key);
      if (candidates === undefined) {
        candidates = candidatesOn(rule, availableFolded, profile.lead, day.date);
        spread.set(key, candidates);
      }
      for (const rep of candidates)
        repExpected.set(rep.id, (repExpected.get(rep.id) ?? 0) + share / candidates.length);
    });
    const capacity = sumCaps(available);
    forecast.push({
      date: day.date,
      weekday: day.weekday,
      expected: round1(expected),
      capacity,
      availableReps: available.length,
    });
    if (capacity !== null && available.length > 0 && round1(expected) > capacity)
      teamDays.push({ date: day.date, weekday: day.weekday, expected: round1(expected), cap: capacity });
    for (const [at, value] of ruleExpected) {
      const rule = rules[at];
      if (rule === undefined) continue;
      const cap = sumCaps(targetReps(rule, availableFolded, null));
      if (cap !== null && round1(value) > cap) {
        const list = ruleDays.get(at) ?? [];
        list.push({ date: day.date, weekday: day.weekday, expected: round1(value), cap });
        ruleDays.set(at, list);
      }
    }
    for (const rep of available) {
      const value = round1(repExpected.get(rep.id) ?? 0);
      if (rep.capDaily !== null && value > rep.capDaily) {
        const list = repDays.get(rep.id) ?? [];
        list.push({ date: day.date, weekday: day.weekday, expected: value, cap: rep.capDaily });
        repDays.set(rep.id, list);
      }
    }
  }

  const capRef = (rep: Rep) => ({ repId: rep.id, name: rep.name, cap: rep.capDaily ?? 0 });
  const caps: LintWarning[] = [];
  if (teamDays.length > 0)
    caps.push({
      kind: 'cap-breach',
      scope: 'team',
      rule: null,
      reps: reps.filter((r) => r.isActive).map(capRef),
      days: teamDays,
    });
  for (const [at, list] of [...ruleDays].sort((a, b) => a[0] - b[0])) {
    const rule = rules[at];
    if (rule === undefined) continue;
    caps.push({
      kind: 'cap-breach',
      scope: 'rule',
      rule: refOf(rule, at),
      reps: targetReps(
        rule,
        folded.filter((f) => f.rep.isActive),
        null,
      ).map(capRef),
      days: list,
    });
  }
  for (const rep of [...reps].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const list = repDays.get(rep.id);
    if (list !== undefined)
      caps.push({ kind: 'cap-breach', scope: 'rep', rule: null, reps: [capRef(rep)], days: list });
  }

  return {
    warnings: [
      ...findShadowed(rules),
      ...findGaps(rules, profiles, routes),
      ...findEmptyRepSets(
        rules,
        folded,
        days.map((d) => d.date),
      ),
      ...caps,
    ],
    forecast: { historyDays: input.historyDays, historyLeads: input.history.length, days: forecast },
  };
}

// Distribution's workspace setup: settings (time zone, seed, team hours), the rule set in force with its
// built-in default pipeline, and the engine state read from the store.
import type { Database } from 'better-sqlite3';
import { DAY_MS } from '../../domain/clock';
import { awayDayRuns } from '../../domain/distribution/away-load';
import type { DistributionRule, DistributionState } from '../../domain/distribution/types';
import type { Rep } from '../../domain/rep';
import { findLatestRuleSet, insertRuleSet } from '../../store/distribution-rules';
import {
  countAssignedOnDay,
  readChangeTokens,
  readOpenLoads,
  readRuleMethodState,
  type RuleMethodState,
} from '../../store/distribution-state';
import { countOpenByArrivalDay } from '../../store/open-by-day';
import { listReps } from '../../store/reps';
import { readSetting, writeSetting } from '../../store/settings';
import { withOutOfOfficeDays } from '../reps/out-of-office';
import type { DistributionSettings } from './schemas';

const SETTINGS_KEY = 'distribution.settings';
const DEFAULT_SETTINGS: DistributionSettings = {
  utcOffsetMinutes: 480,
  seed: 20260101,
  teamWorkingHours: null,
};

export function readDistributionSettings(db: Database): DistributionSettings {
  return { ...DEFAULT_SETTINGS, ...(readSetting<Partial<DistributionSettings>>(db, SETTINGS_KEY) ?? {}) };
}

export function writeDistributionSettings(db: Database, settings: DistributionSettings, now: number): void {
  writeSetting(db, SETTINGS_KEY, settings, now);
}

/**
 * The pipeline a new workspace starts with: A/B leads up the tier ladder (A → senior, B → mid), leads from a
 * region some rep covers to the least loaded rep of that territory, everything else round-robin over everyone.
 * The territory rule lists only regions reps cover, so it never strands a lead in the pool for lack of a rep.
 */
export function buildDefaultRules(reps: readonly Pick<Rep, 'regions' | 'isActive'>[]): DistributionRule[] {
  const regions = [...new Set(reps.filter((r) => r.isActive).flatMap((r) => r.regions))].sort();
  const rules: DistributionRule[] = [
    {
      id: 'default-ab-ladder',
      name: 'A/B 级线索按能力阶梯分配',
      enabled: true,
      conditions: [{ field: 'grade', op: 'in', values: ['A', 'B'] }],
      target: { kind: 'everyone' },
      method: 'tier-ladder',
    },
  ];
  if (regions.length > 0) {
    rules.push({
      id: 'default-territory',
      name: '按辖区负载均衡',
      enabled: true,
      conditions: [{ field: 'region', op: 'in', values: regions }],
      target: { kind: 'territory' },
      method: 'load-balanced',
    });
  }
  rules.push({
    id: 'default-fallback',
    name: '兜底：所有人轮询',
    enabled: true,
    conditions: [],
    target: { kind: 'everyone' },
    method: 'round-robin',
  });
  return rules;
}

interface RulesInForce {
  readonly version: number;
  readonly rules: readonly DistributionRule[];
  readonly savedBy: string | null;
  readonly savedAt: number | null;
}

/** The saved rules, or the default pipeline (version 0) when none were ever saved. Writes nothing. */
export function readRulesInForce(db: Database, reps: readonly Rep[]): RulesInForce {
  const stored = findLatestRuleSet(db);
  if (stored)
    return { version: stored.version, rules: stored.rules, savedBy: stored.actor, savedAt: stored.createdAt };
  return { version: 0, rules: buildDefaultRules(reps), savedBy: null, savedAt: null };
}

/** The rules to distribute with; on first use the default pipeline is saved as version 1 so assignments can cite it. */
function ensureRulesInForce(db: Database, reps: readonly Rep[], now: number): RulesInForce {
  const current = readRulesInForce(db, reps);
  if (current.version > 0) return current;
  const version = insertRuleSet(db, current.rules, 'system', now);
  return { version, rules: current.rules, savedBy: 'system', savedAt: now };
}

/** Epoch ms of local midnight of `now`'s local day, and that day as YYYY-MM-DD. */
export function localDayOf(now: number, utcOffsetMinutes: number): { start: number; date: string } {
  const offset = utcOffsetMinutes * 60_000;
  const start = Math.floor((now + offset) / DAY_MS) * DAY_MS - offset;
  return { start, date: new Date(start + offset).toISOString().slice(0, 10) };
}

/**
 * The engine's state as the store knows it now: pointers, credits, open loads, today's counts, and — for the
 * days of the away horizon on which one of `reps` was away (on leave, not yet joined) — open leads by the day
 * they arrived, which the engine's away loads weigh (time away is not spare capacity).
 */
export function readEngineState(
  db: Database,
  now: number,
  utcOffsetMinutes: number,
  reps: readonly Rep[],
): { state: DistributionState; methodState: RuleMethodState } {
  const methodState = readRuleMethodState(db);
  const day = localDayOf(now, utcOffsetMinutes);
  const state: DistributionState = {
    pointers: methodState.pointers,
    credits: methodState.credits,
    openLoads: readOpenLoads(db),
    assignedToday: countAssignedOnDay(db, Math.floor((day.start + utcOffsetMinutes * 60_000) / DAY_MS)),
    day: day.date,
  };
  const runs = awayDayRuns(reps, day.date);
  if (runs.length === 0) return { methodState, state };
  return { methodState, state: { ...state, openByDay: countOpenByArrivalDay(db, runs, utcOffsetMinutes) } };
}

interface TeamCache {
  readonly repsToken: number;
  readonly rulesToken: number;
  /** Epoch ms of the local day the reps' out-of-office days run to (a span still open grows at midnight). */
  readonly dayStart: number;
  readonly reps: readonly Rep[];
  readonly rules: RulesInForce;
}

const teamCache = new WeakMap<Database, TeamCache>();

/**
 * Every rep (inactive too, so explanations can name them) and the rules in force, saving the default pipeline on
 * first use. Reread only when the change tokens moved, so a single new lead does not reparse them.
 */
export function readTeamAndRules(
  db: Database,
  now: number,
): { readonly reps: readonly Rep[]; readonly rules: RulesInForce } {
  const tokens = readChangeTokens(db);
  const cached = teamCache.get(db);
  if (
    cached &&
    cached.repsToken === tokens.reps &&
    cached.rulesToken === tokens.rules &&
    now >= cached.dayStart &&
    now < cached.dayStart + DAY_MS &&
    cached.rules.version > 0
  )
    return cached;
  const { utcOffsetMinutes } = readDistributionSettings(db);
  const dayStart = localDayOf(now, utcOffsetMinutes).start;
  // Out-of-office days are time away for the away loads, as leave is (reps/out-of-office.ts).
  const reps = withOutOfOfficeDays(db, listReps(db, { includeInactive: true }), utcOffsetMinutes, now);
  // Without a team the default pipeline would be saved without its territories: wait for the first rep.
  if (reps.length === 0) return { reps, rules: readRulesInForce(db, reps) };
  const rules = ensureRulesInForce(db, reps, now);
  const after = readChangeTokens(db);
  const fresh: TeamCache = { repsToken: after.reps, rulesToken: after.rules, dayStart, reps, rules };
  teamCache.set(db, fresh);
  return fresh;
}

// How promising a demo lead is: a target grade drawn from a realistic mix, and the title, company size, needs,
// BANT and behaviour that go with it, so the default scoring model grades the workspace like a real funnel.
import type { Rng } from '../clock';
import { DAY_MS } from '../clock';
import type { Grade } from '../funnel';
import type { Bant, BehaviourEvent, BehaviourKind } from '../lead';
import type { TitleLevel } from './lead-tables';
import { DEAL_YUAN, EVENT_DETAILS, NEEDS, PRODUCTS, TITLES_EN, TITLES_ZH, URGENT_NEEDS } from './lead-tables';
import { chance, pick, pickWeighted, randomInt } from './random';

/** Share of each grade among demo leads, in percent: a few hot leads, many lukewarm and cold ones. */
export const GRADE_MIX: readonly (readonly [Grade, number])[] = [
  ['A', 10],
  ['B', 25],
  ['C', 35],
  ['D', 30],
];

interface GradeProfile {
  readonly titleLevels: Readonly<Record<TitleLevel, number>>;
  readonly sizeBands: readonly [number, number, number, number];
  /** Chance the lead said what it needs, and of that need being an urgent, well-fitting one. */
  readonly needsChance: number;
  readonly urgentChance: number;
  readonly productChance: number;
  readonly bantChance: number;
  readonly needLevels: Readonly<Record<'high' | 'medium' | 'low', number>>;
  readonly timelines: Readonly<Record<'now' | 'quarter' | 'year' | 'unknown', number>>;
  readonly wechatChance: number;
  /** Behaviour events around capture, and how many more in the last fortnight (a lead that is active now). */
  readonly events: readonly [min: number, max: number];
  readonly recentEvents: readonly [min: number, max: number];
  /** Weights of the strong signals (download, event, form, call-in) against visits and email opens. */
  readonly strongSignal: number;
}

const PROFILES: Readonly<Record<Grade, GradeProfile>> = {
  A: {
    titleLevels: { executive: 90, manager: 10, staff: 0 },
    sizeBands: [0, 10, 45, 45],
    needsChance: 1,
    urgentChance: 1,
    productChance: 1,
    bantChance: 1,
    needLevels: { high: 85, medium: 15, low: 0 },
    timelines: { now: 65, quarter: 35, year: 0, unknown: 0 },
    wechatChance: 0.7,
    events: [2, 5],
    recentEvents: [4, 7],
    strongSignal: 4,
  },
  B: {
    titleLevels: { executive: 55, manager: 40, staff: 5 },
    sizeBands: [5, 25, 45, 25],
    needsChance: 1,
    urgentChance: 0.6,
    productChance: 1,
    bantChance: 0.85,
    needLevels: { high: 55, medium: 40, low: 5 },
    timelines: { now: 30, quarter: 50, year: 15, unknown: 5 },
    wechatChance: 0.5,
    events: [2, 5],
    recentEvents: [2, 5],
    strongSignal: 2.5,
  },
  C: {
    titleLevels: { executive: 30, manager: 50, staff: 20 },
    sizeBands: [20, 40, 30, 10],
    needsChance: 0.9,
    urgentChance: 0.35,
    productChance: 0.95,
    bantChance: 0.6,
    needLevels: { high: 30, medium: 50, low: 20 },
    timelines: { now: 15, quarter: 45, year: 25, unknown: 15 },
    wechatChance: 0.4,
    events: [1, 4],
    recentEvents: [1, 3],
    strongSignal: 1.2,
  },
  D: {
    titleLevels: { executive: 5, manager: 25, staff: 70 },
    sizeBands: [55, 35, 9, 1],
    needsChance: 0.5,
    urgentChance: 0,
    productChance: 0.8,
    bantChance: 0.1,
    needLevels: { high: 0, medium: 30, low: 70 },
    timelines: { now: 0, quarter: 10, year: 40, unknown: 50 },
    wechatChance: 0.2,
    events: [0, 2],
    recentEvents: [0, 0],
    strongSignal: 0.4,
  },
};

/** The attributes of a lead that say how promising it is. */
export interface Qualification {
  readonly title: string;
  readonly titleLevel: TitleLevel;
  readonly sizeBands: readonly [number, number, number, number];
  readonly needs: string | null;
  readonly product: string | null;
  readonly bant: Bant;
  readonly hasWechat: boolean;
  readonly events: BehaviourEvent[];
}

export interface QualificationInput {
  readonly grade: Grade;
  readonly isEnglish: boolean;
  readonly now: number;
  readonly createdAt: number;
  readonly source: string;
}

/** Draws who the contact is, what they asked for and what they did, in keeping with the lead's target grade. */
export function drawQualification(rng: Rng, input: QualificationInput): Qualification {
  const profile = PROFILES[input.grade];
  const level = pickWeighted(rng, ['executive', 'manager', 'staff'] as const, (l) => profile.titleLevels[l]);
  const titles = (input.isEnglish ? TITLES_EN : TITLES_ZH).filter(([, l]) => l === level);
  const [title] = pick(rng, titles);
  const product = chance(rng, profile.productChance) ? pickWeighted(rng, PRODUCTS, ([, w]) => w)[0] : null;
  const needs = chance(rng, profile.needsChance)
    ? pick(rng, chance(rng, profile.urgentChance) ? URGENT_NEEDS : NEEDS)
    : null;
  return {
    title,
    titleLevel: level,
    sizeBands: profile.sizeBands,
    needs,
    product,
    bant: chance(rng, profile.bantChance) ? drawBant(rng, profile, level, product) : {},
    hasWechat: chance(rng, profile.wechatChance),
    events: drawEvents(rng, input, profile),
  };
}

function drawBant(rng: Rng, profile: GradeProfile, level: TitleLevel, product: string | null): Bant {
  const [min, max] = DEAL_YUAN[product ?? '标准版'] ?? [30_000, 100_000];
  const authorities = { executive: 'decision_maker', manager: 'influencer', staff: 'user' } as const;
  return {
    budget: chance(rng, 0.75) ? Math.round(randomInt(rng, min, max) / 10_000) * 10_000 : null,
    authority: authorities[level],
    need: pickWeighted(rng, ['high', 'medium', 'low'] as const, (n) => profile.needLevels[n]),
    timeline: pickWeighted(rng, ['now', 'quarter', 'year', 'unknown'] as const, (t) => profile.timelines[t]),
  };
}

const EVENT_KIND_WEIGHTS: readonly (readonly [BehaviourKind, number, isStrong: boolean])[] = [
  ['visit', 40, false],
  ['email_open', 25, false],
  ['download', 15, true],
  ['event', 8, true],
  ['form', 7, true],
  ['call_in', 5, true],
];

/**
 * Behaviour within the last 90 days: some before the lead was captured, most in the month after it, and for
 * promising leads some in the last fortnight. Sorted by time; every event is at or before now.
 */
function drawEvents(rng: Rng, input: QualificationInput, profile: GradeProfile): BehaviourEvent[] {
  const { now, createdAt, source } = input;
  const earliest = now - 90 * DAY_MS;
  const events: BehaviourEvent[] = [];
  const draw = (from: number, to: number): void => {
    const [kind] = pickWeighted(rng, EVENT_KIND_WEIGHTS, ([, w, isStrong]) =>
      isStrong ? w * profile.strongSignal : w,
    );
    events.push({ kind, at: randomInt(rng, from, to), detail: pick(rng, EVENT_DETAILS[kind]) });
  };
  if (source === '官网表单' && createdAt >= earliest) {
    events.push({ kind: 'form', at: createdAt, detail: pick(rng, EVENT_DETAILS.form) });
  }
  const from = Math.max(earliest, createdAt - 21 * DAY_MS);
  const to = Math.min(now, createdAt + 30 * DAY_MS);
  const count = randomInt(rng, profile.events[0], profile.events[1]);
  for (let i = 0; i < count && from < to; i += 1) draw(from, to);
  const recentFrom = Math.max(earliest, createdAt, now - 14 * DAY_MS);
  const recent = randomInt(rng, profile.recentEvents[0], profile.recentEvents[1]);
  for (let i = 0; i < recent && recentFrom < now; i += 1) draw(recentFrom, now);
  return events.sort((a, b) => a.at - b.at);
}

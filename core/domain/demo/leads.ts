// Demo leads before they have an id or an owner: who they are, where they came from, what they did, how far they
// got, and the grade the default scoring model gives them (drawn to a realistic mix, see lead-profile).
import type { Rng } from '../clock';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../clock';
import type { BuiltInStage, Grade } from '../funnel';
import type { LeadId } from '../ids';
import type { Lead } from '../lead';
import { apportionLargestRemainder } from '../scoring/apportion';
import { scoreLead } from '../scoring/engine';
import type { ScoringModel } from '../scoring/model';
import type { DemoIndustry } from './company-tables';
import { drawChineseCompany, drawCompanySize, drawEnglishCompany, toggleCompanySuffix } from './companies';
import { drawQualification, GRADE_MIX } from './lead-profile';
import type { TitleLevel } from './lead-tables';
import { CUSTOM_FIELD_OPTIONS, NEEDS, SOURCES } from './lead-tables';
import {
  drawChinesePerson,
  drawEmail,
  drawEnglishPerson,
  drawMobile,
  drawWechat,
  formatPhone,
  reformatPhone,
  recaseEmail,
} from './people';
import { chance, localDayStart, pick, pickWeighted, randomInt, toIsoDate } from './random';

const HISTORY_DAYS = 120;
/** Redraws of a lead's qualification before settling for a grade other than the one drawn. */
const MAX_QUALIFICATION_TRIES = 30;

/** A lead as drawn: the Lead fields it fixes, plus what only the generator needs. */
export interface LeadDraft extends Pick<
  Lead,
  | 'name'
  | 'phone'
  | 'email'
  | 'wechat'
  | 'company'
  | 'title'
  | 'region'
  | 'companySize'
  | 'product'
  | 'campaign'
  | 'costFen'
  | 'needs'
  | 'bant'
  | 'events'
  | 'createdAt'
> {
  readonly order: number;
  readonly titleLevel: TitleLevel;
  readonly industry: DemoIndustry | null;
  readonly city: string;
  readonly source: string;
  readonly customFields: Record<string, string>;
  readonly stage: BuiltInStage;
  readonly isDuplicate: boolean;
  /** Score and grade under the scoring model at `now`; only the history uses them (the lead leaves unscored). */
  readonly score: number;
  readonly grade: Grade;
}

/** The draft as a Lead with the given id: unowned, unscored, created and last updated at arrival, not closed. */
export function toLead(draft: LeadDraft, id: LeadId): Omit<Lead, 'wonAmountFen' | 'lostReason' | 'closedAt'> {
  return {
    id,
    name: draft.name,
    phone: draft.phone,
    email: draft.email,
    wechat: draft.wechat,
    company: draft.company,
    title: draft.title,
    industry: draft.industry,
    region: draft.region,
    companySize: draft.companySize,
    product: draft.product,
    source: draft.source,
    campaign: draft.campaign,
    costFen: draft.costFen,
    needs: draft.needs,
    bant: draft.bant,
    customFields: draft.customFields,
    events: draft.events,
    stage: draft.stage,
    ownerId: null,
    score: null,
    grade: null,
    createdAt: draft.createdAt,
    updatedAt: draft.createdAt,
    isHistory: false,
  };
}

type Unscored = Omit<LeadDraft, 'score' | 'grade'>;

function withScore(draft: Unscored, model: ScoringModel, now: number): LeadDraft {
  const scored = scoreLead(toLead({ ...draft, score: 0, grade: 'D' }, 'lead-draft' as LeadId), model, now);
  return { ...draft, score: scored.score, grade: scored.grade };
}

export interface DraftContext {
  readonly rng: Rng;
  readonly now: number;
  readonly model: ScoringModel;
  /** Mobiles already used (11 digits); each new lead adds its own. */
  readonly phones: Set<string>;
  /**
   * Decides won or lost for a closed lead, apart from `rng`, so that how outcomes follow the signals can change
   * without redrawing who the leads are.
   */
  readonly outcomeRng: Rng;
}

/**
 * A new lead meant to be graded `target`: its qualification (title, size, needs, BANT, behaviour) is redrawn
 * until `model` grades it so at `now` (a few tries at most, usually one); the rest (who, where from, when) is
 * drawn once.
 */
export function draftLead(ctx: DraftContext, order: number, target: Grade): LeadDraft {
  const { rng, now } = ctx;
  const createdAt = drawCreatedAt(rng, now);
  const isEnglish = chance(rng, 0.12);
  const person = isEnglish ? drawEnglishPerson(rng) : drawChinesePerson(rng);
  const company = isEnglish && chance(rng, 0.6) ? drawEnglishCompany(rng) : drawChineseCompany(rng);
  const source = pickWeighted(rng, SOURCES, (s) => s.weight);
  const year = toIsoDate(createdAt).slice(0, 4);
  const digits = drawMobile(rng, ctx.phones);
  const hasPhone = chance(rng, 0.9);
  const base = {
    order,
    name: person.name,
    phone: hasPhone ? formatPhone(rng, digits) : null,
    email: !hasPhone || chance(rng, 0.7) ? drawEmail(rng, person, company.domain) : null,
    company: chance(rng, 0.95) ? company.name : null,
    industry: chance(rng, 0.93) ? company.industry : null,
    region: chance(rng, 0.95) ? company.region : null,
    city: company.city,
    source: source.name,
    campaign: chance(rng, 0.92) ? pick(rng, source.campaigns).replace('{year}', year) : null,
    costFen: randomInt(rng, source.costFen[0], source.costFen[1]),
    customFields: chance(rng, 0.25) ? drawCustomFields(rng, company.city) : {},
    stage: drawStage(rng, (now - createdAt) / DAY_MS, target),
    createdAt,
    isDuplicate: false,
  };
  const wechat = drawWechat(rng, person, digits);
  let draft: LeadDraft | null = null;
  for (let attempt = 0; attempt < MAX_QUALIFICATION_TRIES && draft?.grade !== target; attempt += 1) {
    const q = drawQualification(rng, { grade: target, isEnglish, now, createdAt, source: source.name });
    const unscored: Unscored = {
      ...base,
      title: chance(rng, 0.95) ? q.title : null,
      titleLevel: q.titleLevel,
      companySize: chance(rng, 0.9) ? drawCompanySize(rng, q.sizeBands) : null,
      product: q.product,
      needs: q.needs,
      bant: q.bant,
      wechat: q.hasWechat ? wechat : null,
      events: q.events,
    };
    draft = withScore(unscored, ctx.model, now);
  }
  if (draft === null) throw new RangeError('MAX_QUALIFICATION_TRIES must be positive');
  return settleOutcome(ctx.outcomeRng, draft);
}

/** Rule score at which a closed demo lead is as likely won as lost, and how fast the odds turn (points). */
const WIN_MIDPOINT = 58;
const WIN_SPREAD = 8;

/**
 * A closed lead is won or lost by its signals: the odds of winning follow its score under the default model (a
 * logistic curve around WIN_MIDPOINT), so the learned model finds in the demo's history what the rules say.
 * Roughly: A leads win ~95%, B ~75%, C ~25%, D ~5%. Open leads are left as drawn.
 */
function settleOutcome(rng: Rng, draft: LeadDraft): LeadDraft {
  if (draft.stage !== 'won' && draft.stage !== 'lost') return draft;
  const pWon = 1 / (1 + Math.exp(-(draft.score - WIN_MIDPOINT) / WIN_SPREAD));
  const stage = chance(rng, pWon) ? 'won' : 'lost';
  return stage === draft.stage ? draft : { ...draft, stage };
}

/**
 * The target grade of each of `count` new leads, in random order: GRADE_MIX shares of `count + duplicates`
 * (largest remainder), less `duplicates` D leads, since a lead's second arrival grades D almost always.
 */
export function drawTargetGrades(rng: Rng, count: number, duplicates: number): Grade[] {
  const total = count + duplicates;
  const weightSum = GRADE_MIX.reduce((sum, [, w]) => sum + w, 0);
  const exact = GRADE_MIX.map(([, w]) => (total * w) / weightSum);
  const quotas = apportionLargestRemainder(exact, total);
  const grades = GRADE_MIX.flatMap(([grade], i) => {
    const quota = (quotas[i] ?? 0) - (grade === 'D' ? Math.min(duplicates, quotas[i] ?? 0) : 0);
    return Array.from({ length: quota }, () => grade);
  });
  while (grades.length < count) grades.push('C');
  for (let i = grades.length - 1; i > 0; i -= 1) {
    const j = randomInt(rng, 0, i);
    [grades[i], grades[j]] = [grades[j] as Grade, grades[i] as Grade];
  }
  return grades.slice(0, count);
}

/** The same person arriving again: same phone in another format, or the same email in another case. */
export function draftDuplicate(ctx: DraftContext, drafts: readonly LeadDraft[], order: number): LeadDraft {
  const { rng, now } = ctx;
  const candidates = drafts.filter(
    (d) => !d.isDuplicate && d.phone !== null && d.email !== null && d.createdAt < now - HOUR_MS,
  );
  const original = pick(rng, candidates);
  const samePhone = chance(rng, 0.6);
  const gap = randomInt(rng, HOUR_MS, 30 * DAY_MS);
  const createdAt = Math.min(original.createdAt + gap, now - randomInt(rng, MINUTE_MS, HOUR_MS));
  const source = pickWeighted(rng, SOURCES, (s) => s.weight);
  const { score: _score, grade: _grade, ...rest } = original;
  const duplicate: Unscored = {
    ...rest,
    order,
    phone: samePhone ? reformatPhone(rng, original.phone ?? '') : null,
    email: samePhone && chance(rng, 0.5) ? null : recaseEmail(rng, original.email ?? ''),
    company: original.company === null ? null : toggleCompanySuffix(original.company),
    source: source.name,
    campaign: pick(rng, source.campaigns).replace('{year}', toIsoDate(createdAt).slice(0, 4)),
    costFen: randomInt(rng, source.costFen[0], source.costFen[1]),
    needs: chance(rng, 0.5) ? pick(rng, NEEDS) : null,
    bant: {},
    customFields: {},
    // A second form fill: the form itself, when it came in through the website.
    events:
      source.name === '官网表单' && createdAt >= now - 90 * DAY_MS
        ? [{ kind: 'form', at: createdAt, detail: '预约演示' }]
        : [],
    stage: chance(rng, 0.7) ? 'raw' : 'mql',
    createdAt,
    isDuplicate: true,
  };
  return withScore(duplicate, ctx.model, now);
}

/** Spread over the last ~4 months, denser lately (the team buys more traffic), mostly in the daytime. */
function drawCreatedAt(rng: Rng, now: number): number {
  const daysAgo = Math.floor(HISTORY_DAYS * rng() ** 1.25);
  const day = localDayStart(now) - daysAgo * DAY_MS;
  const minute = chance(rng, 0.8) ? randomInt(rng, 8 * 60, 20 * 60) : randomInt(rng, 0, 24 * 60 - 1);
  const at = day + minute * MINUTE_MS + randomInt(rng, 0, 59) * 1000;
  return at <= now ? at : now - randomInt(rng, 5, 360) * MINUTE_MS;
}

type StageWeights = Readonly<Record<BuiltInStage, number>>;

/** Stage by age: fresh leads are raw, old ones mostly closed. */
const STAGE_MIX: readonly (readonly [maxAgeDays: number, weights: StageWeights])[] = [
  [7, { raw: 55, mql: 28, sql: 10, opportunity: 2, won: 0, lost: 0, nurture: 5 }],
  [30, { raw: 20, mql: 25, sql: 20, opportunity: 15, won: 3, lost: 7, nurture: 10 }],
  [60, { raw: 7, mql: 12, sql: 12, opportunity: 14, won: 14, lost: 26, nurture: 15 }],
  [Infinity, { raw: 3, mql: 5, sql: 7, opportunity: 10, won: 22, lost: 38, nurture: 15 }],
];

/** Better leads get further: A and B leads advance and win more often, D leads stall, drift to nurture or are lost. */
const GRADE_PULL: Readonly<Record<Grade, StageWeights>> = {
  A: { raw: 0.6, mql: 0.8, sql: 1.4, opportunity: 2, won: 2.5, lost: 0.6, nurture: 0.5 },
  B: { raw: 0.8, mql: 1, sql: 1.2, opportunity: 1.4, won: 1.5, lost: 0.8, nurture: 0.8 },
  C: { raw: 1, mql: 1, sql: 1, opportunity: 0.9, won: 0.8, lost: 1.1, nurture: 1 },
  D: { raw: 1.3, mql: 1.1, sql: 0.6, opportunity: 0.4, won: 0.2, lost: 1.3, nurture: 1.4 },
};

function drawStage(rng: Rng, ageDays: number, grade: Grade): BuiltInStage {
  const mix = STAGE_MIX.find(([maxAge]) => ageDays < maxAge)?.[1];
  if (mix === undefined) return 'raw';
  const pull = GRADE_PULL[grade];
  const stages = Object.keys(mix) as BuiltInStage[];
  return pickWeighted(rng, stages, (stage) => mix[stage] * pull[stage]);
}

function drawCustomFields(rng: Rng, city: string): Record<string, string> {
  const fields: Record<string, string> = { 城市: city };
  const keys = Object.keys(CUSTOM_FIELD_OPTIONS).sort();
  const count = randomInt(rng, 1, 3);
  for (let i = 0; i < count; i += 1) {
    const key = pick(rng, keys);
    fields[key] = pick(rng, CUSTOM_FIELD_OPTIONS[key] ?? ['']);
  }
  return fields;
}

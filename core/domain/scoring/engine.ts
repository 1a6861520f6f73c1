// The rule scoring engine: compiles a model once, then scores leads with an exact, itemised explanation.
import { DAY_MS } from '../clock';
import type { Grade } from '../funnel';
import type { BehaviourKind, Lead } from '../lead';
import { apportionLargestRemainder } from './apportion';
import type { FieldValue } from './fields';
import { compileFieldReader, normalizeText } from './fields';
import { gradeForScore } from './grade';
import type {
  Criterion,
  CriterionOperator,
  CriterionValue,
  EventCriterion,
  FieldCriterion,
  ScoringDimension,
  ScoringModel,
} from './model';
import { SCORING_DIMENSIONS } from './model';

/** Structured facts behind one part, for the UI to phrase in any language. */
export interface ScorePartDetail {
  /** The lead's value the criterion looked at. */
  readonly leadValue?: string | number;
  /** For `keywords`: the model's keywords found in the value, in model order. */
  readonly matchedKeywords?: readonly string[];
  /** For `event`: events of that kind on the lead. */
  readonly eventCount?: number;
  /** For `event`: events that counted after the criterion's `maxEvents`. */
  readonly countedEvents?: number;
  /** For `event`: Σ 0.5^(age/half-life) over the counted events (equals countedEvents without decay). */
  readonly decayedEvents?: number;
  /** Set when the dimension's raw total was cut to its cap ('cap') or was ≤ 0 and counted as 0 ('floor'). */
  readonly dimensionClamp?: 'cap' | 'floor';
}

/** One fired criterion and what it added to the score. */
export interface ScorePart {
  readonly criterionId: string;
  /** The criterion's user-given label, if any. */
  readonly label?: string;
  readonly dimension: ScoringDimension;
  readonly field: string;
  readonly operator: CriterionOperator;
  readonly value: CriterionValue;
  /** Integer points in the final 0–100 score; Σ parts.points === score. May be negative for penalties. */
  readonly points: number;
  /** Criterion points after decay and event cap, before dimension cap, weight and scaling. */
  readonly rawPoints: number;
  /** Unrounded contribution after dimension cap, weight and scaling. */
  readonly exactPoints: number;
  readonly detail?: ScorePartDetail;
}

export interface DimensionScore {
  /** Σ raw points of the fired criteria. */
  readonly raw: number;
  /** raw clamped to [0, cap]. */
  readonly counted: number;
  /** Integer points of this dimension in the final score (Σ of its parts). */
  readonly points: number;
}

export interface LeadScore {
  /** Integer 0..100. */
  readonly score: number;
  readonly grade: Grade;
  /** Fired criteria in model order; Σ points === score exactly. */
  readonly parts: readonly ScorePart[];
  readonly dimensions: Readonly<Record<ScoringDimension, DimensionScore>>;
  readonly modelVersion: number;
}

/** A model compiled for repeated use; `now` is epoch ms, used only for behaviour decay. */
export type CompiledScorer = (lead: Lead, now: number) => LeadScore;

interface Fired {
  readonly criterion: Criterion;
  readonly index: number;
  readonly dimensionIndex: number;
  readonly rawPoints: number;
  readonly detail: ScorePartDetail | undefined;
}

type FieldMatcher = (raw: string | number, norm: string) => ScorePartDetail | null;

interface CompiledFieldCriterion {
  readonly criterion: FieldCriterion;
  readonly index: number;
  readonly slot: number;
  readonly dimensionIndex: number;
  readonly match: FieldMatcher;
}

interface CompiledEventCriterion {
  readonly criterion: EventCriterion;
  readonly index: number;
  readonly kind: BehaviourKind;
  readonly dimensionIndex: number;
  /** ln 2 / half-life in ms; 0 means no decay. */
  readonly rate: number;
  readonly maxEvents: number | null;
}

function toNumber(raw: string | number): number | null {
  if (typeof raw === 'number') return raw;
  const t = raw.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function compileMatcher(criterion: FieldCriterion): FieldMatcher {
  const hit = (raw: string | number): ScorePartDetail => ({ leadValue: raw });
  switch (criterion.operator) {
    case 'equals': {
      const wanted = criterion.value;
      const wantedText = normalizeText(String(wanted));
      const wantedNumber = typeof wanted === 'number' ? wanted : toNumber(wanted);
      return (raw, norm) => {
        if (typeof raw === 'number') return wantedNumber !== null && raw === wantedNumber ? hit(raw) : null;
        return norm === wantedText ? hit(raw) : null;
      };
    }
    case 'in': {
      const set = new Set((criterion.value ?? []).map((v) => normalizeText(String(v))));
      return (raw, norm) => (set.has(norm) ? hit(raw) : null);
    }
    case 'contains': {
      const needle = normalizeText(String(criterion.value ?? ''));
      return (raw, norm) => (needle !== '' && norm.includes(needle) ? hit(raw) : null);
    }
    case 'range': {
      const min = criterion.value?.min ?? null;
      const max = criterion.value?.max ?? null;
      return (raw) => {
        const x = toNumber(raw);
        if (x === null) return null;
        if (min !== null && x < min) return null;
        if (max !== null && x >= max) return null;
        return hit(raw);
      };
    }
    case 'exists':
      return (raw) => hit(raw);
    case 'keywords': {
      const keywords = (criterion.value ?? [])
        .map((k) => ({ original: k, norm: normalizeText(String(k)) }))
        .filter((k) => k.norm !== '');
      return (raw, norm) => {
        let matched: string[] | null = null;
        for (const k of keywords) {
          if (norm.includes(k.norm)) (matched ??= []).push(k.original);
        }
        return matched === null ? null : { leadValue: raw, matchedKeywords: matched };
      };
    }
  }
}

/** True when a field criterion fires on this (non-empty) field value; used to map learned features to criteria. */
export function criterionMatchesValue(criterion: FieldCriterion, value: string | number): boolean {
  return compileMatcher(criterion)(value, normalizeText(String(value))) !== null;
}

/**
 * Compiles a model once for scoring many leads. The model should be valid (see validateScoringModel);
 * invalid weights or caps make their dimension count 0 rather than throw.
 * Invariants of every result: score is an integer in 0..100; Σ parts.points === score;
 * grade === gradeForScore(score, model.thresholds).
 */
export function compileScoringModel(model: ScoringModel): CompiledScorer {
  const dims = SCORING_DIMENSIONS;
  const totalWeight = dims.reduce((s, d) => s + Math.max(0, model.dimensions[d]?.weight ?? 0), 0);
  // 100 × weight share / cap: raw dimension points → final points.
  const scale = dims.map((d) => {
    const settings = model.dimensions[d];
    if (!settings || totalWeight <= 0 || !(settings.cap > 0) || !(settings.weight > 0)) return 0;
    return (100 * settings.weight) / (settings.cap * totalWeight);
  });
  const caps = dims.map((d) => {
    const cap = model.dimensions[d]?.cap ?? 0;
    return cap > 0 ? cap : 0;
  });

  const slotOf = new Map<string, number>();
  const readers: Array<(lead: Lead) => FieldValue> = [];
  const fieldCriteria: CompiledFieldCriterion[] = [];
  const eventCriteria: CompiledEventCriterion[] = [];
  model.criteria.forEach((criterion, index) => {
    const dimensionIndex = dims.indexOf(criterion.dimension);
    if (dimensionIndex < 0) return;
    if (criterion.operator === 'event') {
      const halfLife = criterion.halfLifeDays === undefined ? model.halfLifeDays : criterion.halfLifeDays;
      const rate = halfLife !== null && halfLife > 0 ? Math.LN2 / (halfLife * DAY_MS) : 0;
      const maxEvents =
        criterion.maxEvents !== undefined && criterion.maxEvents !== null ? criterion.maxEvents : null;
      eventCriteria.push({ criterion, index, kind: criterion.value, dimensionIndex, rate, maxEvents });
      return;
    }
    let slot = slotOf.get(criterion.field);
    if (slot === undefined) {
      slot = readers.length;
      slotOf.set(criterion.field, slot);
      readers.push(compileFieldReader(criterion.field));
    }
    fieldCriteria.push({ criterion, index, slot, dimensionIndex, match: compileMatcher(criterion) });
  });
  const slotCount = readers.length;
  const thresholds = model.thresholds;
  const version = model.version;

  return (lead: Lead, now: number): LeadScore => {
    const raws: FieldValue[] = new Array<FieldValue>(slotCount);
    const norms: Array<string | undefined> = new Array<string | undefined>(slotCount);
    for (let s = 0; s < slotCount; s++) raws[s] = (readers[s] as (l: Lead) => FieldValue)(lead);

    const fired: Fired[] = [];
    for (const fc of fieldCriteria) {
      const raw = raws[fc.slot];
      if (raw === null || raw === undefined) continue;
      let norm = norms[fc.slot];
      if (norm === undefined) {
        norm = normalizeText(String(raw));
        norms[fc.slot] = norm;
      }
      const detail = fc.match(raw, norm);
      if (detail === null) continue;
      fired.push({
        criterion: fc.criterion,
        index: fc.index,
        dimensionIndex: fc.dimensionIndex,
        rawPoints: fc.criterion.points,
        detail,
      });
    }

    const events = lead.events;
    for (const ec of eventCriteria) {
      let count = 0;
      let decayed = 0;
      let weights: number[] | null = null;
      for (const event of events) {
        if (event.kind !== ec.kind) continue;
        count += 1;
        const age = now - event.at;
        // Future-dated events (clock skew) count as fresh rather than gaining weight.
        const w = ec.rate === 0 || age <= 0 ? 1 : Math.exp(-ec.rate * age);
        if (ec.maxEvents === null) decayed += w;
        else (weights ??= []).push(w);
      }
      if (count === 0) continue;
      let counted = count;
      if (weights !== null) {
        // The most recent events carry the highest weights; keep those.
        weights.sort((x, y) => y - x);
        counted = Math.min(count, Math.max(0, ec.maxEvents ?? count));
        for (let i = 0; i < counted; i++) decayed += weights[i] ?? 0;
      }
      fired.push({
        criterion: ec.criterion,
        index: ec.index,
        dimensionIndex: ec.dimensionIndex,
        rawPoints: ec.criterion.points * decayed,
        detail: { eventCount: count, countedEvents: counted, decayedEvents: decayed },
      });
    }
    if (eventCriteria.length > 0 && fieldCriteria.length > 0) {
      fired.sort((x, y) => x.index - y.index);
    }

    const raw = [0, 0, 0];
    for (const f of fired) raw[f.dimensionIndex] = (raw[f.dimensionIndex] ?? 0) + f.rawPoints;
    const counted = raw.map((r, i) => Math.min(Math.max(r, 0), caps[i] ?? 0));
    // Capping scales every part of the dimension by the same factor, so parts stay proportional to their points.
    const factor = raw.map((r, i) => (r > 0 ? ((counted[i] ?? 0) / r) * (scale[i] ?? 0) : 0));
    // `|| 0` turns -0 (a penalty in a zeroed dimension) into 0, so explanations never show "-0".
    const exact = fired.map((f) => f.rawPoints * (factor[f.dimensionIndex] ?? 0) || 0);
    let total = 0;
    for (const e of exact) total += e;
    const score = Math.min(100, Math.max(0, Math.round(total)));
    const points = fired.length > 0 ? apportionLargestRemainder(exact, score) : [];

    const dimPoints = [0, 0, 0];
    const parts: ScorePart[] = fired.map((f, i) => {
      const c = f.criterion;
      const p = points[i] ?? 0;
      dimPoints[f.dimensionIndex] = (dimPoints[f.dimensionIndex] ?? 0) + p;
      const r = raw[f.dimensionIndex] ?? 0;
      const clamp: ScorePartDetail['dimensionClamp'] =
        r <= 0 ? 'floor' : r > (caps[f.dimensionIndex] ?? 0) ? 'cap' : undefined;
      const detail: ScorePartDetail | undefined =
        clamp === undefined ? f.detail : { ...f.detail, dimensionClamp: clamp };
      const part: ScorePart = {
        criterionId: c.id,
        dimension: c.dimension,
        field: c.field,
        operator: c.operator,
        value: c.value,
        points: p,
        rawPoints: f.rawPoints,
        exactPoints: exact[i] ?? 0,
        ...(c.label !== undefined ? { label: c.label } : {}),
        ...(detail !== undefined ? { detail } : {}),
      };
      return part;
    });
    const dimension = (i: number): DimensionScore => ({
      raw: raw[i] ?? 0,
      counted: counted[i] ?? 0,
      points: dimPoints[i] ?? 0,
    });
    return {
      score,
      grade: gradeForScore(score, thresholds),
      parts,
      dimensions: { fit: dimension(0), behaviour: dimension(1), need: dimension(2) },
      modelVersion: version,
    };
  };
}

const compiledCache = new WeakMap<ScoringModel, CompiledScorer>();

function compiledFor(model: ScoringModel): CompiledScorer {
  let scorer = compiledCache.get(model);
  if (scorer === undefined) {
    scorer = compileScoringModel(model);
    compiledCache.set(model, scorer);
  }
  return scorer;
}

/**
 * Scores one lead. `now` is epoch ms (behaviour decay only). Compiled models are cached per model object,
 * so treat models as immutable. Invariant: Σ parts.points === score, score integer in 0..100.
 */
export function scoreLead(lead: Lead, model: ScoringModel, now: number): LeadScore {
  return compiledFor(model)(lead, now);
}

/** Scores many leads with one compiled model; results are in input order. */
export function scoreLeads(leads: readonly Lead[], model: ScoringModel, now: number): LeadScore[] {
  const scorer = compiledFor(model);
  const out = new Array<LeadScore>(leads.length);
  for (let i = 0; i < leads.length; i++) out[i] = scorer(leads[i] as Lead, now);
  return out;
}

// The rule scoring engine: compiles a model once, then scores leads with an exact, itemised explanation.
import { DAY_MS } from '../clock';
import type { BehaviourKind, Lead } from '../lead';
import { apportionLargestRemainder } from './apportion';
import type { FieldValue } from './fields';
import { compileFieldReader, normalizeText } from './fields';
import { gradeForScore } from './grade';
import { dropOverlappedKeywordHits } from './keyword-overlap';
import type { Criterion, EventCriterion, FieldCriterion, ScoringModel } from './model';
import { SCORING_DIMENSIONS } from './model';
import { compileMatcher, normalizeKeywords, type FieldMatcher } from './criterion-match';
import type {
  CompiledScorer,
  DimensionScore,
  LeadScore,
  LeadScoreSummary,
  ScorePart,
  ScorePartDetail,
} from './score-types';

export type {
  CompiledScorer,
  DimensionScore,
  LeadScore,
  LeadScoreSummary,
  ScorePart,
  ScorePartDetail,
} from './score-types';
export { criterionMatchesValue } from './criterion-match';

interface Fired {
  readonly criterion: Criterion;
  readonly dimensionIndex: number;
  readonly rawPoints: number;
  readonly detail: ScorePartDetail;
}

interface CompiledFieldCriterion {
  readonly kind: 'field';
  readonly criterion: FieldCriterion;
  readonly slot: number;
  /** Position among the criteria reading the same slot, in that slot's memoised hit list. */
  readonly posInSlot: number;
  readonly dimensionIndex: number;
  readonly match: FieldMatcher;
  /** For keywords: the model's keywords and their comparable forms, to list which matched. */
  readonly keywords: ReadonlyArray<{ readonly original: string; readonly norm: string }> | null;
}

interface CompiledEventCriterion {
  readonly kind: 'event';
  readonly criterion: EventCriterion;
  /** Index into the per-call event tallies. */
  readonly eventIndex: number;
  readonly eventKind: BehaviourKind;
  readonly dimensionIndex: number;
  /** ln 2 / half-life in ms; 0 means no decay. */
  readonly rate: number;
  readonly maxEvents: number | null;
}

/**
 * Compiles a model once for scoring many leads. The model should be valid (see validateScoringModel);
 * invalid weights or caps make their dimension count 0 rather than throw.
 * Invariants of every result: score is an integer in 0..100; Σ parts.points === score;
 * grade === gradeForScore(score, model.thresholds); summarize gives the same score and grade.
 */
export function compileScoringModel(model: ScoringModel): CompiledScorer {
  const dims = SCORING_DIMENSIONS;
  const totalWeight = dims.reduce((s, d) => s + Math.max(0, model.dimensions[d]?.weight ?? 0), 0);
  // 100 × weight share / cap: raw dimension points → final points.
  const scale = Float64Array.from(dims, (d) => {
    const settings = model.dimensions[d];
    if (!settings || totalWeight <= 0 || !(settings.cap > 0) || !(settings.weight > 0)) return 0;
    return (100 * settings.weight) / (settings.cap * totalWeight);
  });
  const caps = Float64Array.from(dims, (d) => {
    const cap = model.dimensions[d]?.cap ?? 0;
    return cap > 0 ? cap : 0;
  });

  const slotOf = new Map<string, number>();
  const readers: Array<(lead: Lead) => FieldValue> = [];
  const slotCriteria: CompiledFieldCriterion[][] = [];
  const eventCriteria: CompiledEventCriterion[] = [];
  // A Map, not an object: an unexpected kind such as 'constructor' must not hit Object.prototype.
  const eventCriteriaByKind = new Map<string, CompiledEventCriterion[]>();
  // Model order, so parts come out in the order the user wrote the criteria.
  const compiled: Array<CompiledFieldCriterion | CompiledEventCriterion> = [];
  for (const criterion of model.criteria) {
    const dimensionIndex = dims.indexOf(criterion.dimension);
    if (dimensionIndex < 0) continue;
    if (criterion.operator === 'event') {
      const halfLife = criterion.halfLifeDays === undefined ? model.halfLifeDays : criterion.halfLifeDays;
      const rate = halfLife !== null && halfLife > 0 ? Math.LN2 / (halfLife * DAY_MS) : 0;
      const maxEvents =
        criterion.maxEvents !== undefined && criterion.maxEvents !== null
          ? Math.max(0, criterion.maxEvents)
          : null;
      const ec: CompiledEventCriterion = {
        kind: 'event',
        criterion,
        eventIndex: eventCriteria.length,
        eventKind: criterion.value,
        dimensionIndex,
        rate,
        maxEvents,
      };
      eventCriteria.push(ec);
      const sameKind = eventCriteriaByKind.get(criterion.value);
      if (sameKind === undefined) eventCriteriaByKind.set(criterion.value, [ec]);
      else sameKind.push(ec);
      compiled.push(ec);
      continue;
    }
    let slot = slotOf.get(criterion.field);
    if (slot === undefined) {
      slot = readers.length;
      slotOf.set(criterion.field, slot);
      readers.push(compileFieldReader(criterion.field));
      slotCriteria.push([]);
    }
    const onSlot = slotCriteria[slot] as CompiledFieldCriterion[];
    const cc: CompiledFieldCriterion = {
      kind: 'field',
      criterion,
      slot,
      posInSlot: onSlot.length,
      dimensionIndex,
      match: compileMatcher(criterion),
      keywords: criterion.operator === 'keywords' ? normalizeKeywords(criterion.value) : null,
    };
    onSlot.push(cc);
    compiled.push(cc);
  }
  const slotCount = readers.length;
  const thresholds = model.thresholds;
  const version = model.version;
  // Scratch space reused across calls: scoring is synchronous, so no two calls overlap.
  const raws: FieldValue[] = new Array<FieldValue>(slotCount).fill(null);
  const hits: Array<Uint8Array | null> = new Array<Uint8Array | null>(slotCount).fill(null);
  // Field values repeat across leads (titles, industries, regions), so each slot remembers which of its
  // criteria a value fires, up to a bound that keeps memory flat on free text.
  const memos = slotCriteria.map(() => new Map<string | number, Uint8Array>());
  // Per slot with two or more keyword criteria: their keywords, for dropping hits a longer keyword covers.
  const slotKeywords = slotCriteria.map((onSlot) =>
    onSlot.filter((c) => c.keywords !== null).length < 2
      ? null
      : onSlot.map((c) => (c.keywords === null ? null : c.keywords.map((k) => k.norm))),
  );
  const MEMO_LIMIT = 20_000;
  const hitsFor = (slot: number, value: string | number): Uint8Array => {
    const memo = memos[slot] as Map<string | number, Uint8Array>;
    const known = memo.get(value);
    if (known !== undefined) return known;
    const onSlot = slotCriteria[slot] as CompiledFieldCriterion[];
    const out = new Uint8Array(onSlot.length);
    const norm = typeof value === 'string' ? normalizeText(value) : normalizeText(String(value));
    for (let i = 0; i < onSlot.length; i++)
      out[i] = (onSlot[i] as CompiledFieldCriterion).match(value, norm) ? 1 : 0;
    const keywordLists = slotKeywords[slot];
    if (keywordLists) dropOverlappedKeywordHits(norm, keywordLists, out);
    if (memo.size < MEMO_LIMIT) memo.set(value, out);
    return out;
  };
  let weights = new Float64Array(64);
  const raw = new Float64Array(3);
  const eventCounts = new Int32Array(eventCriteria.length);
  const eventDecayed = new Float64Array(eventCriteria.length);

  const decayWeight = (ec: CompiledEventCriterion, at: number, now: number): number => {
    const age = now - at;
    // Future-dated events (clock skew) count as fresh rather than gaining weight.
    return ec.rate === 0 || age <= 0 ? 1 : Math.exp(-ec.rate * age);
  };

  /** Fills `raw` with each dimension's raw points; pushes fired criteria when `fired` is given. Returns the score. */
  const evaluate = (lead: Lead, now: number, fired: Fired[] | null): number => {
    for (let s = 0; s < slotCount; s++) {
      const value = (readers[s] as (l: Lead) => FieldValue)(lead);
      raws[s] = value;
      hits[s] = value === null ? null : hitsFor(s, value);
    }
    raw[0] = 0;
    raw[1] = 0;
    raw[2] = 0;
    const events = lead.events;
    // One pass over the events tallies every event criterion at once.
    eventCounts.fill(0);
    eventDecayed.fill(0);
    for (const event of events) {
      const forKind = eventCriteriaByKind.get(event.kind);
      if (forKind === undefined) continue;
      for (const ec of forKind) {
        eventCounts[ec.eventIndex] = (eventCounts[ec.eventIndex] ?? 0) + 1;
        eventDecayed[ec.eventIndex] = (eventDecayed[ec.eventIndex] ?? 0) + decayWeight(ec, event.at, now);
      }
    }
    for (const cc of compiled) {
      if (cc.kind === 'field') {
        const slotHits = hits[cc.slot];
        if (slotHits === null || slotHits === undefined || slotHits[cc.posInSlot] !== 1) continue;
        const value = raws[cc.slot] as string | number;
        raw[cc.dimensionIndex] = (raw[cc.dimensionIndex] ?? 0) + cc.criterion.points;
        if (fired !== null) {
          const detail: ScorePartDetail =
            cc.keywords === null
              ? { leadValue: value }
              : {
                  leadValue: value,
                  matchedKeywords: cc.keywords
                    .filter((k) => normalizeText(String(value)).includes(k.norm))
                    .map((k) => k.original),
                };
          fired.push({
            criterion: cc.criterion,
            dimensionIndex: cc.dimensionIndex,
            rawPoints: cc.criterion.points,
            detail,
          });
        }
        continue;
      }
      const count = eventCounts[cc.eventIndex] ?? 0;
      if (count === 0) continue;
      let decayed = eventDecayed[cc.eventIndex] ?? 0;
      let counted = count;
      if (cc.maxEvents !== null && count > cc.maxEvents) {
        if (weights.length < count) weights = new Float64Array(count * 2);
        let k = 0;
        for (const event of events)
          if (event.kind === cc.eventKind) weights[k++] = decayWeight(cc, event.at, now);
        // The most recent events carry the highest weights; keep those.
        const kept = weights.subarray(0, count).sort().reverse();
        counted = cc.maxEvents;
        decayed = 0;
        for (let i = 0; i < counted; i++) decayed += kept[i] ?? 0;
      }
      const rawPoints = cc.criterion.points * decayed;
      raw[cc.dimensionIndex] = (raw[cc.dimensionIndex] ?? 0) + rawPoints;
      if (fired !== null) {
        fired.push({
          criterion: cc.criterion,
          dimensionIndex: cc.dimensionIndex,
          rawPoints,
          detail: { eventCount: count, countedEvents: counted, decayedEvents: decayed },
        });
      }
    }
    let total = 0;
    for (let d = 0; d < 3; d++) total += Math.min(Math.max(raw[d] ?? 0, 0), caps[d] ?? 0) * (scale[d] ?? 0);
    return Math.min(100, Math.max(0, Math.round(total)));
  };

  const summarize = (lead: Lead, now: number): LeadScoreSummary => {
    const score = evaluate(lead, now, null);
    return { leadId: lead.id, score, grade: gradeForScore(score, thresholds) };
  };

  const explain = (lead: Lead, now: number): LeadScore => {
    const fired: Fired[] = [];
    const score = evaluate(lead, now, fired);
    const rawByDim = [raw[0] ?? 0, raw[1] ?? 0, raw[2] ?? 0];
    // Capping scales every part of a dimension by the same factor, so parts stay proportional to their points.
    const factor = rawByDim.map((r, d) => (r > 0 ? (Math.min(r, caps[d] ?? 0) / r) * (scale[d] ?? 0) : 0));
    // `|| 0` turns -0 (a penalty in a zeroed dimension) into 0, so explanations never show "-0".
    const exact = fired.map((f) => f.rawPoints * (factor[f.dimensionIndex] ?? 0) || 0);
    const points = apportionLargestRemainder(exact, score);
    const dimPoints = [0, 0, 0];
    const parts = fired.map((f, i): ScorePart => {
      const c = f.criterion;
      const p = points[i] ?? 0;
      const d = f.dimensionIndex;
      dimPoints[d] = (dimPoints[d] ?? 0) + p;
      const r = rawByDim[d] ?? 0;
      const clamp: ScorePartDetail['dimensionClamp'] =
        r <= 0 ? 'floor' : r > (caps[d] ?? 0) ? 'cap' : undefined;
      return {
        criterionId: c.id,
        ...(c.label !== undefined ? { label: c.label } : {}),
        dimension: c.dimension,
        field: c.field,
        operator: c.operator,
        value: c.value,
        points: p,
        rawPoints: f.rawPoints,
        exactPoints: exact[i] ?? 0,
        detail: clamp === undefined ? f.detail : { ...f.detail, dimensionClamp: clamp },
      };
    });
    const dimension = (d: number): DimensionScore => ({
      raw: rawByDim[d] ?? 0,
      counted: Math.min(Math.max(rawByDim[d] ?? 0, 0), caps[d] ?? 0),
      points: dimPoints[d] ?? 0,
    });
    return {
      score,
      grade: gradeForScore(score, thresholds),
      parts,
      dimensions: { fit: dimension(0), behaviour: dimension(1), need: dimension(2) },
      modelVersion: version,
    };
  };

  return Object.assign(explain, { summarize, modelVersion: version });
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
 * Scores one lead with its full explanation. `now` is epoch ms (behaviour decay only). Compiled models are cached
 * per model object, so treat models as immutable. Invariant: Σ parts.points === score, score integer in 0..100.
 */
export function scoreLead(lead: Lead, model: ScoringModel, now: number): LeadScore {
  return compiledFor(model)(lead, now);
}

/**
 * Scores many leads (e.g. rescore-all) without building explanations; results are in input order and carry
 * exactly the score and grade scoreLead gives. Ask scoreLead for the parts of the lead on screen.
 */
export function scoreLeads(leads: readonly Lead[], model: ScoringModel, now: number): LeadScoreSummary[] {
  const summarize = compiledFor(model).summarize;
  const out = new Array<LeadScoreSummary>(leads.length);
  for (let i = 0; i < leads.length; i++) out[i] = summarize(leads[i] as Lead, now);
  return out;
}

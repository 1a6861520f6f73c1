// The scoring model in force, compiled once and shared by every call: scores leads on create, update, import,
// and explains stored scores.
import type { Database } from 'better-sqlite3';
import type { Grade } from '../../domain/funnel';
import type { Lead } from '../../domain/lead';
import { defaultScoringModel } from '../../domain/scoring/default-model';
import { compileScoringModel, type CompiledScorer } from '../../domain/scoring/engine';
import { gradeForScore } from '../../domain/scoring/grade';
import { predictConversion, type LearnedModel } from '../../domain/scoring/learned';
import type { ScoringModel } from '../../domain/scoring/model';
import { blendScore } from '../../domain/scoring/suggest';
import { findLatestLearnedModel, findLatestScoringModel } from '../../store/scoring-models';
import { readSetting } from '../../store/settings';
import type { ScoreBlend, ScoreExplanation } from '../contract';

export const DEFAULT_BLEND: ScoreBlend = { mode: 'rules', weight: 0.5 };

export interface StoredScore {
  readonly score: number;
  readonly grade: Grade;
  readonly modelVersion: number;
  readonly scoredAt: number;
}

export interface ScoringState {
  model(): ScoringModel;
  learned(): LearnedModel | null;
  blend(): ScoreBlend;
  /** The score to store for a lead now: the rule score, or its blend with the learned probability. */
  scoreLead(lead: Lead, now: number): StoredScore;
  explain(lead: Lead, now: number): ScoreExplanation;
  /** Forget cached models after a save (the next call reloads them inside its own transaction). */
  invalidate(): void;
}

export function createScoringState(db: Database): ScoringState {
  let cached: {
    model: ScoringModel;
    scorer: CompiledScorer;
    learned: LearnedModel | null;
    blend: ScoreBlend;
  } | null = null;

  function load() {
    if (!cached) {
      const model = findLatestScoringModel(db) ?? defaultScoringModel();
      cached = {
        model,
        scorer: compileScoringModel(model),
        learned: findLatestLearnedModel(db) ?? null,
        blend: readSetting<ScoreBlend>(db, 'scoring.blend') ?? DEFAULT_BLEND,
      };
    }
    return cached;
  }

  function finalScore(
    ruleScore: number,
    lead: Lead,
    now: number,
  ): { score: number; probability: number | null } {
    const { learned, blend } = load();
    if (!learned || blend.mode === 'rules') return { score: ruleScore, probability: null };
    const probability = predictConversion(learned, lead, now).probability;
    const weight = blend.mode === 'learned' ? 1 : blend.weight;
    return { score: blendScore(ruleScore, probability, weight), probability };
  }

  return {
    model: () => load().model,
    learned: () => load().learned,
    blend: () => load().blend,
    scoreLead(lead, now) {
      const { model, scorer } = load();
      const rule = scorer.summarize(lead, now); // same score as the full explanation, without building its parts
      const { score } = finalScore(rule.score, lead, now);
      return {
        score,
        grade: gradeForScore(score, model.thresholds),
        modelVersion: model.version,
        scoredAt: now,
      };
    },
    explain(lead, now) {
      const { model, scorer, learned, blend } = load();
      const rule = scorer(lead, now);
      const { score } = finalScore(rule.score, lead, now);
      return {
        rule,
        prediction: learned ? predictConversion(learned, lead, now) : null,
        blend,
        score,
        grade: gradeForScore(score, model.thresholds),
        isStale: (lead.scoreModelVersion ?? 0) < model.version,
      };
    },
    invalidate() {
      cached = null;
    },
  };
}

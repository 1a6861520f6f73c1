// Reps' satisfaction with distribution: a monthly 1–5 pulse, summarised as average, count and trend by month.
import type { Estimate } from './stats';
import { bootstrapEstimate } from './stats';
import type { Rng } from '../clock';

export interface PulseAnswer {
  /** Local month `YYYY-MM`. */
  readonly month: string;
  /** 1–5. */
  readonly score: number;
}

export interface PulseMonth {
  readonly month: string;
  readonly count: number;
  readonly average: number;
}

export interface PulseSummary {
  /** Average of the latest month with answers, with its count and a bootstrap interval. */
  readonly latest: (Estimate & { readonly month: string }) | null;
  /** One entry per month with answers, oldest first. */
  readonly trend: readonly PulseMonth[];
  /** latest average − the month before's; null with fewer than two months. */
  readonly change: number | null;
}

function average(scores: readonly number[]): number {
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

/**
 * Pulse summary. Scores outside 1–5 are ignored. Invariant: trend counts sum to the valid answers; the interval
 * is a bootstrap over the latest month's answers in score order (deterministic for the rng seed).
 */
export function summarizePulse(answers: readonly PulseAnswer[], rng: Rng): PulseSummary {
  const byMonth = new Map<string, number[]>();
  for (const answer of answers) {
    if (!Number.isInteger(answer.score) || answer.score < 1 || answer.score > 5) continue;
    const list = byMonth.get(answer.month) ?? [];
    list.push(answer.score);
    byMonth.set(answer.month, list);
  }
  const months = [...byMonth.keys()].sort();
  const trend = months.map((month) => {
    const scores = byMonth.get(month) ?? [];
    return { month, count: scores.length, average: average(scores) };
  });
  const last = trend.at(-1);
  const before = trend.at(-2);
  if (last === undefined) return { latest: null, trend, change: null };
  const scores = [...(byMonth.get(last.month) ?? [])].sort((a, b) => a - b);
  return {
    latest: { month: last.month, ...bootstrapEstimate(scores, average, rng) },
    trend,
    change: before === undefined ? null : last.average - before.average,
  };
}

// The satisfaction pulse: a rep answers once a month (again replaces it); the team lead sees average, count, trend
// and comments, with a name only where the rep signed.
import type { Database } from 'better-sqlite3';
import { createRng } from '../../domain/clock';
import { summarizePulse } from '../../domain/kpi/pulse';
import { findPulseAnswer, listPulseComments, listPulseScores, upsertPulseAnswer } from '../../store/pulse';
import { listReps } from '../../store/reps';
import { ServiceError } from '../errors';
import type { CallContext } from '../call-context';
import { localDayOf, readDistributionSettings } from '../distribution/setup';
import { DASHBOARD_ERRORS } from './errors';
import type { PulseSummaryOutput } from './schemas';

/** The trend covers this many months up to the asked one. */
const TREND_MONTHS = 12;

/** The local month `YYYY-MM` of an instant in the workspace's offset. */
export function localMonthOf(db: Database, at: number): string {
  return localDayOf(at, readDistributionSettings(db).utcOffsetMinutes).date.slice(0, 7);
}

function monthsBefore(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Average, count and trend up to the month of `toDate` (a `YYYY-MM-DD` or `YYYY-MM`). */
export function readPulseSummary(db: Database, toDate: string): PulseSummaryOutput {
  const month = toDate.slice(0, 7);
  const scores = listPulseScores(db, monthsBefore(month, TREND_MONTHS - 1), month);
  // Fixed seed: the same answers always give the same interval.
  return summarizePulse(scores, createRng(7));
}

function repOf(ctx: CallContext): string {
  if (ctx.actor.role !== 'rep') throw new ServiceError(DASHBOARD_ERRORS.repOnly);
  return ctx.actor.repId;
}

export function answerPulse(
  ctx: CallContext,
  input: { score: number; comment?: string | undefined; isSigned: boolean },
): { month: string; score: number; comment: string | null; isSigned: boolean } {
  const repId = repOf(ctx);
  const month = localMonthOf(ctx.db, ctx.now);
  const comment = input.comment?.trim() || null;
  upsertPulseAnswer(ctx.db, {
    id: ctx.newId('pulse'),
    month,
    repId,
    score: input.score,
    comment,
    isSigned: input.isSigned,
    at: ctx.now,
  });
  return { month, score: input.score, comment, isSigned: input.isSigned };
}

export function readMyPulse(ctx: CallContext): {
  month: string;
  answer: { score: number; comment: string | null; isSigned: boolean } | null;
} {
  const repId = repOf(ctx);
  const month = localMonthOf(ctx.db, ctx.now);
  return { month, answer: findPulseAnswer(ctx.db, month, repId) ?? null };
}

export function readPulseForLead(
  ctx: CallContext,
  input: { month?: string | undefined },
): {
  month: string;
  summary: PulseSummaryOutput;
  comments: { score: number; comment: string; signedBy: string | null }[];
} {
  const month = input.month ?? localMonthOf(ctx.db, ctx.now);
  const names = new Map(
    listReps(ctx.db, { includeInactive: true }).map((rep) => [rep.id as string, rep.name]),
  );
  return {
    month,
    summary: readPulseSummary(ctx.db, month),
    comments: listPulseComments(ctx.db, month).map((c) => ({
      score: c.score,
      comment: c.comment,
      signedBy: c.repId === null ? null : (names.get(c.repId) ?? null),
    })),
  };
}

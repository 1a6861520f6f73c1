// A demo lead's follow-ups: what its owner said and heard at each step of the deal, up to the stage it reached.
import type { Rng } from '../clock';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../clock';
import type { FollowUpChannel } from '../follow-up';
import type { BuiltInStage } from '../funnel';
import { isOpenStage } from '../funnel';
import type { FollowUpId, IdGenerator, LeadId, RepId } from '../ids';
import type { FollowUpStep } from './follow-up-tables';
import { CHECK_IN_STEP, FOLLOW_UP_STEPS, LOST_SUMMARIES, NURTURE_STEP, WON_STEP } from './follow-up-tables';
import { chance, localDayStart, pick, randomInt, toOfficeTime } from './random';

/** One logged follow-up: what was said, how the customer reacted, what happens next and when. */
export interface DemoFollowUp {
  readonly id: FollowUpId;
  readonly leadId: LeadId;
  readonly repId: RepId;
  /** Epoch ms. */
  readonly at: number;
  readonly channel: FollowUpChannel;
  readonly summary: string;
  readonly reaction: string;
  readonly nextStep: string | null;
  /** Epoch ms of the planned next step; may be in the past (an overdue follow-up). */
  readonly nextAt: number | null;
}

export interface FollowUpContext {
  readonly rng: Rng;
  readonly now: number;
  readonly makeId: IdGenerator;
}

export interface FollowUpLead {
  readonly leadId: LeadId;
  readonly ownerId: RepId;
  readonly stage: BuiltInStage;
  /** Epoch ms the owner got the lead. */
  readonly assignedAt: number;
  readonly lostReason: string | undefined;
}

/**
 * Writes the lead's follow-ups by its owner, from its assignment up to its stage, into `out`; returns the last
 * activity time. Every follow-up is after `assignedAt` and at or before `now`.
 */
export function writeFollowUps(ctx: FollowUpContext, lead: FollowUpLead, out: DemoFollowUp[]): number {
  const { rng, now, makeId } = ctx;
  const { stage, leadId, ownerId, assignedAt, lostReason } = lead;
  const steps = stepsFor(rng, stage, now - assignedAt);
  if (steps.length === 0) return assignedAt;
  const gaps = steps.map((_, i) =>
    i === 0 ? drawResponseDelay(rng) : randomInt(rng, 1, 8) * DAY_MS + randomInt(rng, 0, 8) * HOUR_MS,
  );
  const span = (now - assignedAt) * 0.95;
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  const scale = total > span ? span / total : 1;
  const times: number[] = [];
  let at = assignedAt;
  for (const [i, gap] of gaps.entries()) {
    const raw = at + Math.max(MINUTE_MS, Math.floor(gap * scale));
    const human = i === 0 && gap < 10 * MINUTE_MS ? raw : toOfficeTime(rng, raw);
    at = Math.max(at + MINUTE_MS, human <= now ? human : raw);
    if (at > now) break;
    times.push(at);
  }
  const isOpen = isOpenStage(stage);
  const lastTime = times[times.length - 1];
  // Most of a live pipeline is being worked: a recent check-in; a few go stale for the stale list.
  if (isOpen && lastTime !== undefined && lastTime < now - 6 * DAY_MS && chance(rng, 0.88)) {
    const raw = now - randomInt(rng, 2 * 60, 4 * 24 * 60) * MINUTE_MS;
    const human = toOfficeTime(rng, raw);
    times.push(human <= now ? human : raw);
    steps.splice(times.length - 1, 0, CHECK_IN_STEP);
  }
  for (const [i, time] of times.entries()) {
    const step = steps[i] ?? WON_STEP;
    const isLast = i === times.length - 1;
    const isLostClose = isLast && stage === 'lost';
    const nextTime = times[i + 1];
    let nextStep: string | null = pick(rng, step.nextSteps);
    let nextAt: number | null = nextTime ?? null;
    if (isLast) {
      if (isLostClose) nextStep = null;
      else if (stage === 'nurture') nextAt = localDayStart(time) + 90 * DAY_MS + 10 * HOUR_MS;
      // An open lead's next step is mostly still ahead (a team at work); a check-in four days back may be late.
      else if (isOpen) nextAt = localDayStart(time) + randomInt(rng, 3, 8) * DAY_MS + 10 * HOUR_MS;
      else if (stage === 'won') nextAt = localDayStart(time) + randomInt(rng, 2, 7) * DAY_MS + 10 * HOUR_MS;
    }
    out.push({
      id: makeId('follow-up') as FollowUpId,
      leadId,
      repId: ownerId,
      at: time,
      channel: pick(rng, isLostClose ? (['call', 'other'] as const) : step.channels),
      summary: isLostClose ? pick(rng, LOST_SUMMARIES) : pick(rng, step.summaries),
      reaction: isLostClose ? (lostReason ?? '不需要') : pick(rng, step.reactions),
      nextStep,
      nextAt,
    });
  }
  return times[times.length - 1] ?? assignedAt;
}

function stepsFor(rng: Rng, stage: BuiltInStage, sinceAssigned: number): FollowUpStep[] {
  const standard = (n: number): FollowUpStep[] => FOLLOW_UP_STEPS.slice(0, n);
  switch (stage) {
    case 'raw':
      // A few fresh leads nobody has called yet, and a few overdue ones, give SLA clocks work.
      if (sinceAssigned < 3 * DAY_MS && chance(rng, 0.5)) return [];
      return sinceAssigned < 8 * DAY_MS && chance(rng, 0.2) ? [] : standard(1);
    case 'mql':
      return standard(chance(rng, 0.7) ? 1 : 2);
    case 'sql':
      return standard(2);
    case 'opportunity':
      return standard(randomInt(rng, 3, 4));
    case 'won':
      return [...standard(4), WON_STEP];
    case 'lost':
      return [...standard(randomInt(rng, 1, 3)), LOST_MARKER];
    case 'nurture':
      return [...standard(randomInt(rng, 1, 2)), NURTURE_STEP];
  }
}

/** Placeholder step for a lost lead's closing note; its text comes from LOST_SUMMARIES. */
const LOST_MARKER: FollowUpStep = { channels: ['call'], summaries: [''], reactions: [''], nextSteps: [''] };

/** How long reps take to first reach a lead: some in minutes, some in days (that is what SLAs fix). */
function drawResponseDelay(rng: Rng): number {
  const roll = rng();
  if (roll < 0.35) return randomInt(rng, 1, 5) * MINUTE_MS;
  if (roll < 0.6) return randomInt(rng, 5, 60) * MINUTE_MS;
  if (roll < 0.85) return randomInt(rng, 1, 24) * HOUR_MS;
  return randomInt(rng, 24, 60) * HOUR_MS;
}

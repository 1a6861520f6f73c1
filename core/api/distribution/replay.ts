// What-if replay as a background job: past leads of a date range through a rule set (and optionally a second
// one), reps as they were (leave, start date and out-of-office days away), the team's open leads at the range's
// start as its starting load (with the days they arrived, for away loads; each let go when it closed), nothing
// written; progress pushed, cancellable.
import type { Database } from 'better-sqlite3';
import { replayDistributionAsync } from '../../domain/distribution/replay';
import { compareReplays, type ReplayResult } from '../../domain/distribution/replay-figures';
import type { DistributionRule } from '../../domain/distribution/types';
import { asRepId, type RepId } from '../../domain/ids';
import type { Rep } from '../../domain/rep';
import { customerOwnersBefore, listLeadsForReplay, openLoadsAt } from '../../store/distribution-state';
import { DAY_MS } from '../../domain/clock';
import { AWAY_HORIZON_DAYS } from '../../domain/distribution/away-load';
import { countOpenAtByArrivalDay, listOpenAtClosingBefore } from '../../store/open-by-day';
import { withOutOfOfficeDays } from '../reps/out-of-office';
import { listRecyclesBetween } from '../../store/recycle-history';
import { listReps } from '../../store/reps';
import { readFunnelSettings, readSlaPolicy } from '../sla/settings';
import type { ReplayReport, ReplaySide } from './calls';
import type { JobRunner } from '../jobs/job-runner';
import type { JobStatus } from '../jobs/schemas';
import { readRepFit } from './rep-fit';
import { localDayOf, readDistributionSettings, readRulesInForce } from './setup';

/**
 * Reps as they were: a rep is unavailable before joining (the engine's own rule: 'not-started') and on their
 * out-of-office days (whole days, as the ledger counts them: reps/out-of-office.ts), today's out-of-office switch is
 * ignored, and a rep inactive now but who actually received leads in the range counts as active.
 */
function repsAsTheyWere(reps: readonly Rep[], actual: Readonly<Record<string, RepId | null>>): Rep[] {
  const received = new Set(Object.values(actual).filter((v): v is RepId => v !== null));
  return reps.map((rep) => ({
    ...rep,
    isOutOfOffice: false,
    isActive: rep.isActive || received.has(rep.id),
    leave: [...rep.leave, ...(rep.outOfOfficeDays ?? [])],
  }));
}

function toSide(result: ReplayResult, actual: Readonly<Record<string, RepId | null>> | null): ReplaySide {
  let vsActual: ReplaySide['vsActual'] = null;
  if (result.vsActual !== null && actual !== null) {
    const actualPerRep: Record<string, number> = {};
    for (const rep of Object.values(actual))
      if (rep !== null) actualPerRep[rep] = (actualPerRep[rep] ?? 0) + 1;
    vsActual = { ...result.vsActual, actualPerRep };
  }
  return {
    processed: result.processed,
    total: result.total,
    cancelled: result.cancelled,
    perRep: result.perRep,
    pooled: result.pooled,
    manual: result.manual,
    recycled: result.recycled,
    redistributed: result.redistributed,
    workloadStdDev: result.workloadStdDev,
    newRepShare: result.newRepShare,
    expectedConversions: result.expectedConversions,
    abGini: result.fairness.abGini,
    vsActual,
  };
}

interface ReplayJobInput {
  readonly from: string;
  readonly to: string;
  readonly rules?: readonly DistributionRule[] | undefined;
  readonly compareRules?: readonly DistributionRule[] | undefined;
  readonly seed?: number | undefined;
}

/** Starts the replay job; the job's result is a ReplayReport. Reads only. */
export function startReplayJob(
  db: Database,
  jobs: JobRunner,
  actor: string,
  input: ReplayJobInput,
): JobStatus {
  const settings = readDistributionSettings(db);
  const offset = settings.utcOffsetMinutes;
  const from = localDayOf(Date.parse(`${input.from}T12:00:00Z`), offset).start;
  const to = localDayOf(Date.parse(`${input.to}T12:00:00Z`), offset).start + 86_400_000;
  let jobId = '';
  const status = jobs.start('replay', actor, () => {
    // Out-of-office spans still open count to the end of the range's last day.
    const allReps = withOutOfOfficeDays(db, listReps(db, { includeInactive: true }), offset, to - 1);
    const rulesA = input.rules ?? readRulesInForce(db, allReps).rules;
    const { leads, actual, customerKeys } = listLeadsForReplay(db, from, to);
    const ownersBefore = customerOwnersBefore(db, from);
    const repFit = readRepFit(db);
    const recycles = listRecyclesBetween(db, from, to);
    const recycleCooldownMs = readFunnelSettings(db).claimCooldownDays * DAY_MS;
    const { recycleTarget } = readSlaPolicy(db);
    const reps = repsAsTheyWere(allReps, actual);
    const initialState = {
      pointers: {},
      credits: {},
      openLoads: openLoadsAt(db, from),
      assignedToday: {},
      day: null,
      // The same open leads by the day they arrived: a rep away then starts the replay with an away load.
      openByDay: countOpenAtByArrivalDay(db, from, from - AWAY_HORIZON_DAYS * DAY_MS, offset),
    };
    // Those of them that closed during the range stop weighing when they did.
    const openAtStartClosing = listOpenAtClosingBefore(db, from, to, offset).map((c) => ({
      ...c,
      repId: asRepId(c.repId),
    }));
    const passes = input.compareRules === undefined ? 1 : 2;
    const total = leads.length * passes;
    let done = 0;
    const isCancelled = () => jobs.get(jobId)?.state !== 'running';
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    const run = (rules: readonly DistributionRule[], base: number) =>
      replayDistributionAsync(
        {
          leads,
          reps,
          rules,
          initialState,
          openAtStartClosing,
          seed: input.seed ?? settings.seed,
          actualAssignments: actual,
          recycles,
          recycleTarget,
          customerKeys,
          repFit,
          ownersBefore,
          recycleCooldownMs,
          workingHours: { teamDefault: settings.teamWorkingHours },
          options: { utcOffsetMinutes: offset, checkEvery: 500 },
          onProgress: (processed) => {
            done = base + processed;
          },
          isCancelled,
        },
        pause,
      );
    let outcome: { report: ReplayReport } | { error: unknown } | null = null;
    void (async () => {
      const a = await run(rulesA, 0);
      const b =
        input.compareRules === undefined || a.cancelled ? null : await run(input.compareRules, leads.length);
      return {
        from: input.from,
        to: input.to,
        leadCount: leads.length,
        a: toSide(a, actual),
        b: b === null ? null : toSide(b, actual),
        comparison: b === null ? null : compareReplays(a, b),
      } satisfies ReplayReport;
    })().then(
      (report) => {
        outcome = { report };
      },
      (error: unknown) => {
        outcome = { error };
      },
    );
    return () => {
      const settled = outcome as { report: ReplayReport } | { error: unknown } | null;
      if (settled === null) return { done, total, message: `${done}/${total}` };
      if ('error' in settled)
        throw settled.error instanceof Error ? settled.error : new Error(String(settled.error));
      return { finished: true, result: settled.report };
    };
  });
  jobId = status.id;
  return status;
}

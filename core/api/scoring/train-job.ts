// Training the learned model in the background: load every lead, fit, store the model in one transaction.
// Resumable: nothing is written before the last step, so a restarted job trains again from its stored input.
import type { Database } from 'better-sqlite3';
import { trainConversionModel } from '../../domain/scoring/learned';
import { appendAudit } from '../../store/audit-log';
import { listAllLeads } from '../../store/leads';
import { countOutcomes, insertLearnedModel } from '../../store/scoring-models';
import { inTransaction } from '../../store/sql';
import { ServiceError } from '../errors';
import type { JobRunner, JobStep } from '../jobs/job-runner';
import type { JobStatus } from '../jobs/schemas';
import { SCORING_ERRORS } from './errors';
import type { ScoringState } from './scoring-state';

/** Fewest won and fewest lost leads training accepts. */
export const MIN_OUTCOMES = 30;

export interface TrainingInput {
  readonly seed: number;
  readonly excludeFields: readonly string[];
}

/** Refuses (with the counts) when there are too few won or lost leads to learn from. */
export function assertEnoughOutcomes(db: Database): void {
  const { won, lost } = countOutcomes(db);
  if (won >= MIN_OUTCOMES && lost >= MIN_OUTCOMES) return;
  throw new ServiceError(SCORING_ERRORS.notEnoughOutcomes, {
    minimum: MIN_OUTCOMES,
    won,
    lost,
    moreWonNeeded: Math.max(0, MIN_OUTCOMES - won),
    moreLostNeeded: Math.max(0, MIN_OUTCOMES - lost),
  });
}

export function startTrainingJob(
  deps: {
    readonly db: Database;
    readonly jobs: JobRunner;
    readonly scoring: ScoringState;
    readonly clock: () => number;
    readonly newId: (prefix: string) => string;
    readonly actor: string;
  },
  input: TrainingInput,
  resuming?: JobStatus,
): JobStatus {
  const { db, scoring, actor } = deps;
  const makeStep = (): JobStep<'train'> => {
    let leads: ReturnType<typeof listAllLeads> | null = null;
    return () => {
      if (!leads) {
        leads = listAllLeads(db);
        return { done: 1, total: 3, message: 'loaded' };
      }
      const now = deps.clock();
      const trained = trainConversionModel(leads, now, {
        seed: input.seed,
        excludeFields: [...input.excludeFields],
        minWon: MIN_OUTCOMES,
        minLost: MIN_OUTCOMES,
      });
      if (!trained.ok) {
        const refusal = trained.error;
        throw new ServiceError(SCORING_ERRORS.notEnoughOutcomes, {
          minimum: MIN_OUTCOMES,
          won: refusal.won,
          lost: refusal.lost,
          moreWonNeeded: refusal.moreWonNeeded,
          moreLostNeeded: refusal.moreLostNeeded,
        });
      }
      inTransaction(db, () => {
        insertLearnedModel(db, deps.newId('learned'), trained.value, actor, now);
        appendAudit(db, {
          at: now,
          actor,
          action: 'scoring.train',
          entity: 'learned_model',
          entityId: null,
          detail: {
            auc: trained.value.metrics.auc,
            examples: trained.value.metrics.trainCount,
            excludeFields: input.excludeFields,
          },
        });
      });
      scoring.invalidate();
      return {
        finished: true,
        result: { auc: trained.value.metrics.auc, strength: trained.value.metrics.strength },
      };
    };
  };
  return deps.jobs.start('train', actor, makeStep, {
    params: { seed: input.seed, excludeFields: input.excludeFields },
    ...(resuming ? { resuming } : {}),
  });
}

// Training the learned model in the background: load every lead, fit without the flagged leak columns (and, for
// comparison, with them), store the model in one transaction.
// Resumable: nothing is written before the last step, so a restarted job trains again from its stored input.
import type { Database } from 'better-sqlite3';
import type { LearnedModel } from '../../domain/scoring/learned';
import { trainComparingLeaks } from '../../domain/scoring/leak-comparison';
import type { CustomColumnChoices } from './custom-columns';
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
  /** Every field kept out, flagged leaks included. */
  readonly excludeFields: readonly string[];
  /**
   * The excluded fields flagged as leaks by the latest past-leads import: training reports the held-out AUC
   * with them put back too, for comparison (same split). Absent on jobs started before it was kept.
   */
  readonly flaggedFields?: readonly string[];
  /** How custom columns are typed (the team lead's kinds and free-text opt-ins). */
  readonly customColumns?: CustomColumnChoices;
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
      const flagged = new Set(input.flaggedFields ?? []);
      const comparison = trainComparingLeaks(
        leads,
        now,
        {
          seed: input.seed,
          excludeFields: input.excludeFields.filter((field) => !flagged.has(field)),
          minWon: MIN_OUTCOMES,
          minLost: MIN_OUTCOMES,
          ...(input.customColumns
            ? {
                customColumns: {
                  columnKinds: input.customColumns.columnKinds,
                  includeText: input.customColumns.includeText,
                },
              }
            : {}),
        },
        [...flagged],
      );
      const trained = comparison.model;
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
      const model: LearnedModel = {
        ...trained.value,
        leakComparison: {
          aucWithFlagged: comparison.aucWithFlagged,
          flaggedFields: comparison.flaggedFields,
        },
      };
      inTransaction(db, () => {
        insertLearnedModel(db, deps.newId('learned'), model, actor, now);
        appendAudit(db, {
          at: now,
          actor,
          action: 'scoring.train',
          entity: 'learned_model',
          entityId: null,
          detail: {
            auc: trained.value.metrics.auc,
            aucWithFlagged: comparison.aucWithFlagged,
            examples: trained.value.metrics.trainCount,
            excludeFields: input.excludeFields,
          },
        });
      });
      scoring.invalidate();
      return {
        finished: true,
        result: {
          auc: trained.value.metrics.auc,
          strength: trained.value.metrics.strength,
          aucWithFlagged: comparison.aucWithFlagged,
        },
      };
    };
  };
  return deps.jobs.start('train', actor, makeStep, {
    params: {
      seed: input.seed,
      excludeFields: input.excludeFields,
      flaggedFields: input.flaggedFields ?? [],
      ...(input.customColumns ? { customColumns: input.customColumns } : {}),
    },
    ...(resuming ? { resuming } : {}),
  });
}

// Handlers for scoring: the model in force and its versions, previews, saving (with a background rescore),
// training the learned model, its suggested weights, and the rule/learned blend.
import { previewModelChange } from '../../domain/scoring/preview';
import { suggestRuleWeights } from '../../domain/scoring/suggest';
import { trainConversionModel } from '../../domain/scoring/learned';
import { appendAudit } from '../../store/audit-log';
import { listAllLeads } from '../../store/leads';
import { insertLearnedModel, insertScoringModel, listScoringModelVersions } from '../../store/scoring-models';
import { writeSetting } from '../../store/settings';
import { inTransaction } from '../../store/sql';
import { actorLabel, requireTeamLead, type CallContext } from '../call-context';
import type { CallOutput, ParsedInput } from '../contract';
import { ServiceError } from '../errors';
import { readLatestHistoryBatch } from '../import/history';
import { startRescoreJob } from './rescore-job';

const MIN_OUTCOMES = 30;

function rescore(ctx: CallContext) {
  return startRescoreJob({
    db: ctx.db,
    jobs: ctx.jobs,
    scoring: ctx.scoring,
    clock: ctx.clock,
    actor: actorLabel(ctx.actor),
    emit: ctx.emit,
  });
}

export const scoringHandlers = {
  'scoring.getModel'(ctx: CallContext): CallOutput<'scoring.getModel'> {
    const model = ctx.scoring.model();
    const stale = ctx.db
      .prepare(
        'SELECT count(*) AS n FROM leads WHERE deleted_at IS NULL AND (score_model_version IS NULL OR score_model_version < ?)',
      )
      .get(model.version) as { n: number };
    return { model, versions: listScoringModelVersions(ctx.db), staleLeads: stale.n };
  },

  'scoring.previewModel'(
    ctx: CallContext,
    input: ParsedInput<'scoring.previewModel'>,
  ): CallOutput<'scoring.previewModel'> {
    return previewModelChange(listAllLeads(ctx.db), ctx.scoring.model(), input.model, ctx.now, {
      sampleSize: 20,
    });
  },

  'scoring.saveModel'(
    ctx: CallContext,
    input: ParsedInput<'scoring.saveModel'>,
  ): CallOutput<'scoring.saveModel'> {
    requireTeamLead(ctx);
    const version = ctx.scoring.model().version + 1;
    insertScoringModel(ctx.db, { ...input.model, version }, actorLabel(ctx.actor), ctx.now);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'scoring.saveModel',
      entity: 'scoring_model',
      entityId: String(version),
      detail: { name: input.model.name, criteria: input.model.criteria.length },
    });
    ctx.scoring.invalidate();
    ctx.emit('scoring.changed', { version });
    return { version, job: rescore(ctx) };
  },

  'scoring.train'(ctx: CallContext, input: ParsedInput<'scoring.train'>): CallOutput<'scoring.train'> {
    requireTeamLead(ctx);
    const counts = ctx.db
      .prepare(
        "SELECT sum(stage = 'won') AS won, sum(stage = 'lost') AS lost FROM leads WHERE deleted_at IS NULL",
      )
      .get() as { won: number | null; lost: number | null };
    const won = counts.won ?? 0;
    const lost = counts.lost ?? 0;
    if (won < MIN_OUTCOMES || lost < MIN_OUTCOMES) {
      throw new ServiceError(
        'conflict',
        `Training needs at least ${MIN_OUTCOMES} won and ${MIN_OUTCOMES} lost leads; there are ${won} won and ${lost} lost ` +
          `(${Math.max(0, MIN_OUTCOMES - won)} more won and ${Math.max(0, MIN_OUTCOMES - lost)} more lost needed).`,
      );
    }
    const { db, scoring, jobs, newId, clock } = ctx;
    const excludeFields = input.excludeFields ?? readLatestHistoryBatch(db)?.excludeFields ?? [];
    const actor = actorLabel(ctx.actor);
    return jobs.start('train', actor, () => {
      let leads: ReturnType<typeof listAllLeads> | null = null;
      return () => {
        if (!leads) {
          leads = listAllLeads(db);
          return { done: 1, total: 3, message: 'loaded' };
        }
        const now = clock();
        const trained = trainConversionModel(leads, now, {
          seed: input.seed,
          excludeFields,
        });
        if (!trained.ok) throw new ServiceError('conflict', JSON.stringify(trained.error));
        inTransaction(db, () => {
          insertLearnedModel(db, newId('learned'), trained.value, actor, now);
          appendAudit(db, {
            at: now,
            actor,
            action: 'scoring.train',
            entity: 'learned_model',
            entityId: null,
            detail: {
              auc: trained.value.metrics.auc,
              examples: trained.value.metrics.trainCount,
              excludeFields,
            },
          });
        });
        scoring.invalidate();
        return {
          finished: true,
          result: { auc: trained.value.metrics.auc, strength: trained.value.metrics.strength },
        };
      };
    });
  },

  'scoring.getLearned'(ctx: CallContext): CallOutput<'scoring.getLearned'> {
    const model = ctx.scoring.learned();
    if (!model) return null;
    const row = ctx.db
      .prepare('SELECT actor FROM learned_models ORDER BY created_at DESC, id DESC LIMIT 1')
      .get() as { actor: string } | undefined;
    return { model, trainedBy: row?.actor ?? '' };
  },

  'scoring.suggestWeights'(ctx: CallContext): CallOutput<'scoring.suggestWeights'> {
    const learned = ctx.scoring.learned();
    if (!learned) throw new ServiceError('conflict', 'Train the learned model first.');
    return suggestRuleWeights(learned, ctx.scoring.model());
  },

  'scoring.getBlend'(ctx: CallContext): CallOutput<'scoring.getBlend'> {
    return ctx.scoring.blend();
  },

  'scoring.setBlend'(
    ctx: CallContext,
    input: ParsedInput<'scoring.setBlend'>,
  ): CallOutput<'scoring.setBlend'> {
    requireTeamLead(ctx);
    if (input.mode !== 'rules' && !ctx.scoring.learned()) {
      throw new ServiceError('conflict', 'Train the learned model before using it in scores.', 'mode');
    }
    writeSetting(ctx.db, 'scoring.blend', input, ctx.now);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'scoring.setBlend',
      entity: 'setting',
      entityId: 'scoring.blend',
      detail: input,
    });
    ctx.scoring.invalidate();
    return { blend: input, job: rescore(ctx) };
  },

  'jobs.list'(ctx: CallContext): CallOutput<'jobs.list'> {
    return ctx.jobs.list();
  },

  'jobs.cancel'(ctx: CallContext, input: ParsedInput<'jobs.cancel'>): CallOutput<'jobs.cancel'> {
    const job = ctx.jobs.cancel(input.id);
    if (!job) throw new ServiceError('not_found', `No job ${input.id}.`, 'id');
    return job;
  },
};

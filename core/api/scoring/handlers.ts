// Handlers for scoring: the model in force and its versions, previews, saving (with a background rescore),
// training the learned model, its suggested weights, and the rule/learned blend.
import { previewModelChange } from '../../domain/scoring/preview';
import { suggestRuleWeights } from '../../domain/scoring/suggest';
import { appendAudit } from '../../store/audit-log';
import { listAllLeads } from '../../store/leads';
import {
  countStaleScores,
  findLatestLearnedModelActor,
  insertScoringModel,
  listScoringModelVersions,
} from '../../store/scoring-models';
import { writeSetting } from '../../store/settings';
import { actorLabel, type CallContext, type HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { readLatestHistoryBatch } from '../import/history';
import type { scoringCalls } from './calls';
import { SCORING_ERRORS } from './errors';
import { startRescoreJob } from './rescore-job';
import { assertEnoughOutcomes, startTrainingJob } from './train-job';
import { CUSTOM_COLUMNS_SETTING, readCustomColumnChoices, reportCustomColumns } from './custom-columns';

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

export const scoringHandlers: HandlersOf<typeof scoringCalls> = {
  'scoring.getModel'(ctx) {
    const model = ctx.scoring.model();
    return {
      model,
      versions: listScoringModelVersions(ctx.db),
      staleLeads: countStaleScores(ctx.db, model.version),
    };
  },

  'scoring.previewModel'(ctx, input) {
    return previewModelChange(listAllLeads(ctx.db), ctx.scoring.model(), input.model, ctx.now, {
      sampleSize: 20,
    });
  },

  'scoring.saveModel'(ctx, input) {
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

  'scoring.train'(ctx, input) {
    assertEnoughOutcomes(ctx.db);
    const latest = readLatestHistoryBatch(ctx.db);
    const excludeFields = input.excludeFields ?? latest?.excludeFields ?? [];
    // The excluded fields the latest past-leads import flagged: training also reports the AUC with them back.
    const flaggedSet = new Set((latest?.leaks ?? []).map((leak) => leak.field));
    const flaggedFields = excludeFields.filter((field) => flaggedSet.has(field));
    return startTrainingJob(
      {
        db: ctx.db,
        jobs: ctx.jobs,
        scoring: ctx.scoring,
        clock: ctx.clock,
        newId: ctx.newId,
        actor: actorLabel(ctx.actor),
      },
      { seed: input.seed, excludeFields, flaggedFields, customColumns: readCustomColumnChoices(ctx.db) },
    );
  },

  'scoring.customColumns'(ctx) {
    return reportCustomColumns(listAllLeads(ctx.db), readCustomColumnChoices(ctx.db));
  },

  'scoring.setColumnKinds'(ctx, input) {
    const choices = { columnKinds: input.columnKinds, includeText: input.includeText };
    writeSetting(ctx.db, CUSTOM_COLUMNS_SETTING, choices, ctx.now);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'scoring.setColumnKinds',
      entity: 'setting',
      entityId: CUSTOM_COLUMNS_SETTING,
      detail: choices,
    });
    return reportCustomColumns(listAllLeads(ctx.db), choices);
  },

  'scoring.getLearned'(ctx) {
    const model = ctx.scoring.learned();
    if (!model) return null;
    return { model, trainedBy: findLatestLearnedModelActor(ctx.db) };
  },

  'scoring.suggestWeights'(ctx) {
    const learned = ctx.scoring.learned();
    if (!learned) throw new ServiceError(SCORING_ERRORS.notTrained);
    return suggestRuleWeights(learned, ctx.scoring.model());
  },

  'scoring.getBlend'(ctx) {
    return ctx.scoring.blend();
  },

  'scoring.setBlend'(ctx, input) {
    if (input.mode !== 'rules' && !ctx.scoring.learned()) {
      throw new ServiceError(SCORING_ERRORS.notTrained, undefined, 'mode');
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
};

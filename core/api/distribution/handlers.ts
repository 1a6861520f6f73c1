// Handlers of the distribution calls: rules, settings, test a lead, distribute, reassign, history, fairness and
// replay. Team-lead-only calls are refused for reps by the dispatcher, from the declarations.
import { DAY_MS } from '../../domain/clock';
import { validateRules } from '../../domain/distribution/validate-rules';
import type { DistributionRule } from '../../domain/distribution/types';
import { listAppeals } from '../../store/appeals';
import { listAssignmentsForLead } from '../../store/assignments';
import { appendAudit } from '../../store/audit-log';
import { insertRuleSet, listRuleSetVersions } from '../../store/distribution-rules';
import { listPoolLeadIds } from '../../store/distribution-state';
import { findLeadById } from '../../store/leads';
import { listReps } from '../../store/reps';
import { actorLabel, type HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { fromRepOf, toAssignmentView } from './assignment-view';
import type { distributionCalls } from './calls';
import { distributeNewLeads } from './distribute-new-leads';
import { DISTRIBUTION_ERRORS } from './errors';
import { dayStart, readPeriodFairness } from './fairness';
import { toRepFitView } from './fit-view';
import { reassignLeads } from './manual';
import { readRepFit } from './rep-fit';
import { startReplayJob } from './replay';
import { MAX_RULES_JSON } from './schemas';
import { localDayOf, readDistributionSettings, readRulesInForce, writeDistributionSettings } from './setup';
import { testLead } from './test-lead';

const POOL_BATCH_LIMIT = 10_000;

export const distributionHandlers: HandlersOf<typeof distributionCalls> = {
  'distribution.getRules'(ctx) {
    const current = readRulesInForce(ctx.db, listReps(ctx.db, { includeInactive: false }));
    return { ...current, versions: listRuleSetVersions(ctx.db) };
  },

  'distribution.saveRules'(ctx, input) {
    const version = insertRuleSet(ctx.db, input.rules, actorLabel(ctx.actor), ctx.now);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'distribution.saveRules',
      entity: 'distribution_rules',
      entityId: String(version),
      detail: {
        rules: input.rules.map((r) => ({ id: r.id, name: r.name, enabled: r.enabled, method: r.method })),
      },
    });
    ctx.emit('distribution.rulesChanged', { version });
    return { version };
  },

  'distribution.validateRules'(_ctx, input) {
    if (!Array.isArray(input.rules))
      return [{ path: '', code: 'not-a-list', message: 'Rules must be a list.' }];
    if (JSON.stringify(input.rules).length > MAX_RULES_JSON)
      return [{ path: '', code: 'too-large', message: 'The rule list is too large.' }];
    return validateRules(input.rules as DistributionRule[]);
  },

  'distribution.getSettings'(ctx) {
    return readDistributionSettings(ctx.db);
  },

  'distribution.saveSettings'(ctx, input) {
    const before = readDistributionSettings(ctx.db);
    const after = {
      utcOffsetMinutes: input.utcOffsetMinutes ?? before.utcOffsetMinutes,
      seed: input.seed ?? before.seed,
      teamWorkingHours:
        input.teamWorkingHours === undefined ? before.teamWorkingHours : input.teamWorkingHours,
    };
    writeDistributionSettings(ctx.db, after, ctx.now);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'distribution.saveSettings',
      entity: 'settings',
      entityId: 'distribution.settings',
      detail: { from: before, to: after },
    });
    return after;
  },

  'distribution.testLead'(ctx, input) {
    return testLead(ctx, input);
  },

  'distribution.distribute'(ctx, input) {
    const ids = [
      ...(input.leadIds ?? []),
      ...(input.pool === true ? listPoolLeadIds(ctx.db, POOL_BATCH_LIMIT) : []),
    ];
    return distributeNewLeads(ctx, ids, { auditAction: 'distribution.distributeNow' });
  },

  'distribution.reassign'(ctx, input) {
    return { count: reassignLeads(ctx, input.leadIds, input.toRepId, input.reason) };
  },

  'distribution.history'(ctx, input) {
    const lead = findLeadById(ctx.db, input.leadId);
    if (!lead) throw new ServiceError(DISTRIBUTION_ERRORS.leadNotFound, { id: input.leadId }, 'leadId');
    const records = listAssignmentsForLead(ctx.db, lead.id);
    const actor = ctx.actor;
    if (actor.role === 'rep' && lead.ownerId !== null && lead.ownerId !== actor.repId) {
      const involved = records.some((r) => r.repId === actor.repId || fromRepOf(r) === actor.repId);
      if (!involved) throw new ServiceError(DISTRIBUTION_ERRORS.notYours, { id: lead.id }, 'leadId');
    }
    const appeals = listAppeals(ctx.db, { leadId: lead.id, limit: 100 }).filter(
      (a) => actor.role === 'lead' || a.repId === actor.repId,
    );
    return { assignments: records.map(toAssignmentView), appeals };
  },

  'distribution.fairness'(ctx, input) {
    const { utcOffsetMinutes } = readDistributionSettings(ctx.db);
    const to = input.to ?? localDayOf(ctx.now, utcOffsetMinutes).date;
    const from =
      input.from ?? localDayOf(dayStart(to, utcOffsetMinutes) - 29 * DAY_MS, utcOffsetMinutes).date;
    return readPeriodFairness(ctx.db, from, to, utcOffsetMinutes, ctx.now);
  },

  'distribution.replay'(ctx, input) {
    return startReplayJob(ctx.db, ctx.jobs, actorLabel(ctx.actor), input);
  },

  'distribution.repFit'(ctx) {
    return toRepFitView(readRepFit(ctx.db));
  },
};

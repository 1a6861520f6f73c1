// Handlers of one feature: Distribution rules, assignments, appeals and replay (issue 5).
import { distributeLead } from '../../domain/distribution/engine';
import { explanationSummary } from '../../domain/distribution/explanation-summary';
import { computeFairness } from '../../domain/distribution/fairness';
import { validateRules } from '../../domain/distribution/validate-rules';
import type { DistributionLead, DistributionRule, Explanation } from '../../domain/distribution/types';
import { asLeadId } from '../../domain/ids';
import type { Lead } from '../../domain/lead';
import { companyKey } from '../../domain/normalize/company';
import {
  countOpenAppeals,
  findAppealById,
  findOpenAppeal,
  insertAppeal,
  listAppeals,
  resolveAppealRow,
  type Appeal,
} from '../../store/appeals';
import { listAssignmentsForLead, type AssignmentRecord } from '../../store/assignments';
import { appendAudit } from '../../store/audit-log';
import { insertRuleSet, listRuleSetVersions } from '../../store/distribution-rules';
import {
  findAssignmentById,
  findExistingOwners,
  findLatestAssignment,
  listAssignedGrades,
  listPoolLeadIds,
} from '../../store/distribution-state';
import { findLeadById } from '../../store/leads';
import { listReps } from '../../store/reps';
import { actorLabel, requireTeamLead, type CallContext } from '../call-context';
import type { AssignmentView, TestLeadFields } from './calls';
import type { CallOutput, ParsedInput } from '../contract';
import { distributeNewLeads } from './distribute-new-leads';
import { reassignLeads } from './manual';
import { startReplayJob } from './replay';
import {
  localDayOf,
  readDistributionSettings,
  readEngineState,
  readRulesInForce,
  writeDistributionSettings,
} from './setup';
import { ServiceError } from '../errors';
import { leadKeysOf } from '../leads/lead-keys';

const POOL_BATCH_LIMIT = 10_000;

function isEngineExplanation(value: unknown): value is Explanation {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { version?: unknown }).version === 1 &&
    'exclusionCounts' in value &&
    'candidates' in value
  );
}

function fromRepOf(record: AssignmentRecord): string | null {
  const explanation = record.explanation;
  if (typeof explanation !== 'object' || explanation === null) return null;
  const from = (explanation as { fromRepId?: unknown }).fromRepId;
  return typeof from === 'string' ? from : null;
}

function toView(record: AssignmentRecord): AssignmentView {
  return {
    ...record,
    summary: isEngineExplanation(record.explanation) ? explanationSummary(record.explanation) : null,
    fromRepId: fromRepOf(record),
  };
}

/** The lead as the test box describes it; unscored leads are scored with the model in force. */
function draftLead(ctx: CallContext, fields: TestLeadFields): Lead {
  const at = fields.createdAt ?? ctx.now;
  const draft: Lead = {
    id: asLeadId('lead_test'),
    name: fields.name ?? '测试线索',
    phone: fields.phone,
    email: fields.email,
    wechat: null,
    company: fields.company,
    title: fields.title,
    industry: fields.industry,
    region: fields.region,
    companySize: fields.companySize ?? null,
    product: fields.product,
    source: fields.source,
    campaign: fields.campaign,
    costFen: fields.costFen ?? 0,
    needs: fields.needs,
    bant: {},
    customFields: fields.customFields ?? {},
    events: [],
    stage: fields.stage ?? 'raw',
    ownerId: null,
    score: null,
    grade: null,
    createdAt: at,
    updatedAt: at,
    isHistory: false,
  };
  if (fields.grade != null || fields.score != null) {
    return { ...draft, grade: fields.grade ?? null, score: fields.score ?? null };
  }
  const scored = ctx.scoring.scoreLead(draft, ctx.now);
  return { ...draft, score: scored.score, grade: scored.grade };
}

function canSeeLead(ctx: CallContext, lead: Lead): boolean {
  return ctx.actor.role === 'lead' || lead.ownerId === null || lead.ownerId === ctx.actor.repId;
}

function requireRep(ctx: CallContext): string {
  if (ctx.actor.role !== 'rep') throw new ServiceError('forbidden', 'Only a rep can raise an appeal.');
  return ctx.actor.repId;
}

function emitAppealChange(ctx: CallContext, appeal: Appeal): void {
  ctx.emit('appeals.changed', { appealId: appeal.id, state: appeal.state, open: countOpenAppeals(ctx.db) });
}

export const distributionHandlers = {
  'distribution.getRules'(ctx: CallContext): CallOutput<'distribution.getRules'> {
    const current = readRulesInForce(ctx.db, listReps(ctx.db, { includeInactive: false }));
    return { ...current, versions: listRuleSetVersions(ctx.db) };
  },

  'distribution.saveRules'(
    ctx: CallContext,
    input: ParsedInput<'distribution.saveRules'>,
  ): CallOutput<'distribution.saveRules'> {
    requireTeamLead(ctx);
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

  'distribution.validateRules'(
    _ctx: CallContext,
    input: ParsedInput<'distribution.validateRules'>,
  ): CallOutput<'distribution.validateRules'> {
    if (!Array.isArray(input.rules))
      return [{ path: '', code: 'not-a-list', message: 'Rules must be a list.' }];
    if (JSON.stringify(input.rules).length > 200_000)
      return [{ path: '', code: 'too-large', message: 'The rule list is too large.' }];
    return validateRules(input.rules as DistributionRule[]);
  },

  'distribution.getSettings'(ctx: CallContext): CallOutput<'distribution.getSettings'> {
    return readDistributionSettings(ctx.db);
  },

  'distribution.saveSettings'(
    ctx: CallContext,
    input: ParsedInput<'distribution.saveSettings'>,
  ): CallOutput<'distribution.saveSettings'> {
    requireTeamLead(ctx);
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

  'distribution.testLead'(
    ctx: CallContext,
    input: ParsedInput<'distribution.testLead'>,
  ): CallOutput<'distribution.testLead'> {
    let lead: Lead;
    let keys;
    if (input.leadId !== undefined) {
      const stored = findLeadById(ctx.db, input.leadId);
      if (!stored || !canSeeLead(ctx, stored))
        throw new ServiceError('not_found', `No lead with id ${input.leadId}.`, 'leadId');
      lead = { ...stored, ownerId: null };
      keys = leadKeysOf(stored);
    } else {
      if (input.lead === undefined) throw new ServiceError('invalid_input', 'Give leadId or lead.', 'lead');
      lead = draftLead(ctx, input.lead);
      keys = leadKeysOf(lead);
    }
    const reps = listReps(ctx.db, { includeInactive: true });
    const rules = input.rules ?? readRulesInForce(ctx.db, reps).rules;
    const settings = readDistributionSettings(ctx.db);
    const { state } = readEngineState(ctx.db, ctx.now, settings.utcOffsetMinutes);
    const owners = findExistingOwners(ctx.db, lead.id, keys);
    const distributionLead: DistributionLead = lead;
    const { assignment } = distributeLead({
      lead: distributionLead,
      reps,
      rules,
      state,
      now: ctx.now,
      seed: settings.seed,
      affinity: {
        byLead: owners.byContact === null ? {} : { [lead.id]: owners.byContact },
        byCompany:
          owners.byCompany === null || keys.companyKey === null
            ? {}
            : { [keys.companyKey]: owners.byCompany },
        companyKey,
      },
      workingHours: { teamDefault: settings.teamWorkingHours },
      options: { utcOffsetMinutes: settings.utcOffsetMinutes, explain: 'full' },
    });
    const rule = rules.find((r) => r.id === assignment.ruleId) ?? null;
    return {
      ruleId: assignment.ruleId,
      ruleName: rule?.name ?? null,
      outcome: assignment.outcome,
      repId: assignment.repId,
      grade: lead.grade,
      score: lead.score,
      explanation: assignment.explanation,
      summary: explanationSummary(assignment.explanation),
    };
  },

  'distribution.distribute'(
    ctx: CallContext,
    input: ParsedInput<'distribution.distribute'>,
  ): CallOutput<'distribution.distribute'> {
    requireTeamLead(ctx);
    const ids = [
      ...(input.leadIds ?? []),
      ...(input.pool === true ? listPoolLeadIds(ctx.db, POOL_BATCH_LIMIT) : []),
    ];
    return distributeNewLeads(ctx, ids, { auditAction: 'distribution.distributeNow' });
  },

  'distribution.reassign'(
    ctx: CallContext,
    input: ParsedInput<'distribution.reassign'>,
  ): CallOutput<'distribution.reassign'> {
    requireTeamLead(ctx);
    return { count: reassignLeads(ctx, input.leadIds, input.toRepId, input.reason) };
  },

  'distribution.history'(
    ctx: CallContext,
    input: ParsedInput<'distribution.history'>,
  ): CallOutput<'distribution.history'> {
    const lead = findLeadById(ctx.db, input.leadId);
    if (!lead) throw new ServiceError('not_found', `No lead with id ${input.leadId}.`, 'leadId');
    const records = listAssignmentsForLead(ctx.db, lead.id);
    if (ctx.actor.role === 'rep' && !canSeeLead(ctx, lead)) {
      const repId = ctx.actor.repId;
      const involved = records.some((r) => r.repId === repId || fromRepOf(r) === repId);
      if (!involved) throw new ServiceError('forbidden', 'This lead belongs to another rep.');
    }
    const appeals = listAppeals(ctx.db, { leadId: lead.id, limit: 100 }).filter(
      (a) => ctx.actor.role === 'lead' || a.repId === ctx.actor.repId,
    );
    return { assignments: records.map(toView), appeals };
  },

  'distribution.fairness'(
    ctx: CallContext,
    input: ParsedInput<'distribution.fairness'>,
  ): CallOutput<'distribution.fairness'> {
    const { utcOffsetMinutes } = readDistributionSettings(ctx.db);
    const dayStart = (iso: string) => localDayOf(Date.parse(`${iso}T12:00:00Z`), utcOffsetMinutes).start;
    const to = input.to === undefined ? ctx.now + 1 : dayStart(input.to) + 86_400_000;
    const from = input.from === undefined ? to - 30 * 86_400_000 : dayStart(input.from);
    const reps = listReps(ctx.db, { includeInactive: false });
    return computeFairness({ reps, assignments: listAssignedGrades(ctx.db, from, to), now: ctx.now });
  },

  'distribution.replay'(
    ctx: CallContext,
    input: ParsedInput<'distribution.replay'>,
  ): CallOutput<'distribution.replay'> {
    requireTeamLead(ctx);
    return startReplayJob(ctx.db, ctx.jobs, actorLabel(ctx.actor), input);
  },

  'appeals.raise'(ctx: CallContext, input: ParsedInput<'appeals.raise'>): CallOutput<'appeals.raise'> {
    const repId = requireRep(ctx);
    const lead = findLeadById(ctx.db, input.leadId);
    if (!lead) throw new ServiceError('not_found', `No lead with id ${input.leadId}.`, 'leadId');
    const assignment =
      input.assignmentId === undefined
        ? findLatestAssignment(ctx.db, lead.id)
        : findAssignmentById(ctx.db, input.assignmentId);
    if (!assignment || assignment.leadId !== lead.id)
      throw new ServiceError('not_found', 'No such assignment for this lead.', 'assignmentId');
    if (assignment.repId !== repId && fromRepOf(assignment) !== repId)
      throw new ServiceError('forbidden', 'You can only appeal an assignment to you or away from you.');
    if (findOpenAppeal(ctx.db, assignment.id, repId))
      throw new ServiceError('conflict', 'You already have an open appeal on this assignment.');
    const appeal: Appeal = {
      id: ctx.newId('appeal'),
      leadId: lead.id,
      assignmentId: assignment.id,
      repId,
      message: input.message,
      state: 'open',
      reply: null,
      resolvedToRepId: null,
      resolvedBy: null,
      createdAt: ctx.now,
      resolvedAt: null,
    };
    insertAppeal(ctx.db, appeal);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'appeal.raise',
      entity: 'lead',
      entityId: lead.id,
      detail: { appealId: appeal.id, assignmentId: assignment.id, message: input.message },
    });
    emitAppealChange(ctx, appeal);
    return appeal;
  },

  'appeals.resolve'(ctx: CallContext, input: ParsedInput<'appeals.resolve'>): CallOutput<'appeals.resolve'> {
    requireTeamLead(ctx);
    const appeal = findAppealById(ctx.db, input.id);
    if (!appeal) throw new ServiceError('not_found', `No appeal with id ${input.id}.`, 'id');
    if (appeal.state !== 'open') throw new ServiceError('conflict', 'This appeal was already resolved.');
    const reply = input.reply === undefined || input.reply === '' ? null : input.reply;
    const accepted = input.decision === 'accept';
    const toRepId = accepted ? (input.toRepId ?? null) : null;
    if (accepted) {
      reassignLeads(ctx, [appeal.leadId], toRepId, reply ?? appeal.message, {
        kind: 'appeal',
        appealId: appeal.id,
      });
    }
    const resolution = {
      state: accepted ? ('accepted' as const) : ('rejected' as const),
      reply,
      resolvedToRepId: toRepId,
      resolvedBy: actorLabel(ctx.actor),
      resolvedAt: ctx.now,
    };
    resolveAppealRow(ctx.db, appeal.id, resolution);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: accepted ? 'appeal.accept' : 'appeal.reject',
      entity: 'lead',
      entityId: appeal.leadId,
      detail: { appealId: appeal.id, reply, toRepId },
    });
    const resolved: Appeal = { ...appeal, ...resolution };
    emitAppealChange(ctx, resolved);
    return resolved;
  },

  'appeals.list'(ctx: CallContext, input: ParsedInput<'appeals.list'>): CallOutput<'appeals.list'> {
    const appeals = listAppeals(ctx.db, {
      state: input.state,
      leadId: input.leadId,
      repId: ctx.actor.role === 'rep' ? ctx.actor.repId : undefined,
      limit: input.limit,
    });
    return appeals.map((appeal) => ({
      ...appeal,
      leadName: findLeadById(ctx.db, appeal.leadId)?.name ?? '',
    }));
  },

  'appeals.count'(ctx: CallContext): CallOutput<'appeals.count'> {
    return { open: countOpenAppeals(ctx.db, ctx.actor.role === 'rep' ? ctx.actor.repId : undefined) };
  },
};

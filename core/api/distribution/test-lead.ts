// "Test a lead": which rule and rep the engine would pick for a stored or typed-in lead, with the full
// explanation, without assigning anything.
import type { z } from 'zod';
import { distributeLead } from '../../domain/distribution/engine';
import { explanationSummary } from '../../domain/distribution/explanation-summary';
import { asLeadId } from '../../domain/ids';
import type { Lead } from '../../domain/lead';
import { companyKey } from '../../domain/normalize/company';
import { findExistingOwners } from '../../store/distribution-state';
import { findLeadById } from '../../store/leads';
import { listReps } from '../../store/reps';
import type { CallContext } from '../call-context';
import { INPUT_ERRORS, ServiceError } from '../errors';
import { leadKeysOf } from '../leads/lead-keys';
import type { distributionCalls, TestLeadFields, TestLeadResult } from './calls';
import { DISTRIBUTION_ERRORS } from './errors';
import { readDistributionSettings, readEngineState, readRulesInForce } from './setup';
import { withOutOfOfficeDays } from '../reps/out-of-office';
import { readRecycleContext } from './recycle-context';
import { readRepFit } from './rep-fit';
import type { DistributionLead } from '../../domain/distribution/types';

type TestLeadInput = z.output<(typeof distributionCalls)['distribution.testLead']['input']>;

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

/** A stored lead the actor may see (a rep: own or pool; another rep's reads as missing), as if unowned. */
function storedLeadToTest(ctx: CallContext, leadId: string): Lead {
  const stored = findLeadById(ctx.db, leadId);
  const isHidden =
    stored !== undefined &&
    ctx.actor.role === 'rep' &&
    stored.ownerId !== null &&
    stored.ownerId !== ctx.actor.repId;
  if (!stored || isHidden) throw new ServiceError(DISTRIBUTION_ERRORS.leadNotFound, { id: leadId }, 'leadId');
  return { ...stored, ownerId: null };
}

export function testLead(ctx: CallContext, input: TestLeadInput): TestLeadResult {
  // The schema asks for exactly one of leadId and lead.
  let lead: DistributionLead;
  if (input.leadId !== undefined) lead = storedLeadToTest(ctx, input.leadId);
  else if (input.lead !== undefined) lead = draftLead(ctx, input.lead);
  else
    throw new ServiceError(
      INPUT_ERRORS.invalid,
      { field: 'lead', detail: 'give either leadId or lead' },
      'lead',
    );
  const recycle = readRecycleContext(ctx.db, [lead.id], ctx.now);
  lead = { ...lead, previousOwners: recycle.previousOwners.get(lead.id) ?? [] };
  const keys = leadKeysOf(lead);
  const settings = readDistributionSettings(ctx.db);
  // Out-of-office days weigh on the away loads as in live distribution (setup.ts readTeamAndRules).
  const reps = withOutOfOfficeDays(
    ctx.db,
    listReps(ctx.db, { includeInactive: true }),
    settings.utcOffsetMinutes,
    ctx.now,
  );
  const rules = input.rules ?? readRulesInForce(ctx.db, reps).rules;
  const { state } = readEngineState(ctx.db, ctx.now, settings.utcOffsetMinutes, reps);
  const owners = findExistingOwners(ctx.db, lead.id, keys);
  const { assignment } = distributeLead({
    lead,
    reps,
    rules,
    state,
    now: ctx.now,
    seed: settings.seed,
    repFit: readRepFit(ctx.db, ctx.now),
    recycleCooldownMs: recycle.cooldownMs,
    affinity: {
      byLead: owners.byContact === null ? {} : { [lead.id]: owners.byContact },
      byCompany:
        owners.byCompany === null || keys.companyKey === null ? {} : { [keys.companyKey]: owners.byCompany },
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
}

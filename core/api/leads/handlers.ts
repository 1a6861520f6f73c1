// Handlers for leads: list (paged, filtered, scoped to the actor), get, create, update, facets.
import type { Lead } from '../../domain/lead';
import { asLeadId, asRepId } from '../../domain/ids';
import { appendAudit } from '../../store/audit-log';
import { listFollowUpsForLead } from '../../store/follow-ups';
import { appendStageChange } from '../../store/stage-history';
import {
  distinctLeadValues,
  findLeadById,
  findLeadMeta,
  insertLead,
  listLeads,
  updateLead,
} from '../../store/leads';
import { actorLabel, type CallContext } from '../call-context';
import type { CallOutput, ParsedInput } from '../contract';
import { distributeNewLeads } from '../distribution/distribute-new-leads';
import { ServiceError } from '../errors';
import { requireShownStage } from '../funnel/funnel-stages';
import { leadKeysOf } from './lead-keys';
import { listAssignmentsWithMerged } from '../duplicates/duplicates';
import { readFunnelSettings } from '../sla/settings';

/** A rep sees their own leads and the public pool; the team lead sees everything. */
function assertCanSee(ctx: CallContext, lead: Lead): void {
  if (ctx.actor.role === 'rep' && lead.ownerId !== null && lead.ownerId !== ctx.actor.repId) {
    throw new ServiceError('forbidden', 'This lead belongs to another rep.');
  }
}

function requireLead(ctx: CallContext, id: string): Lead {
  const lead = findLeadById(ctx.db, id);
  if (!lead) throw new ServiceError('not_found', `No lead with id ${id}.`, 'id');
  assertCanSee(ctx, lead);
  return lead;
}

export const leadHandlers = {
  'leads.list'(ctx: CallContext, input: ParsedInput<'leads.list'>): CallOutput<'leads.list'> {
    return listLeads(
      ctx.db,
      { ...input, visibleToRep: ctx.actor.role === 'rep' ? ctx.actor.repId : undefined },
      {
        sort: input.sort,
        direction: input.direction,
        offset: input.offset,
        limit: input.limit,
        stageOrder: readFunnelSettings(ctx.db).stages.map((stage) => stage.key),
      },
    );
  },

  'leads.get'(ctx: CallContext, input: ParsedInput<'leads.get'>): CallOutput<'leads.get'> {
    const lead = requireLead(ctx, input.id);
    return {
      lead,
      // A merged-away lead's assignments stay on it (append-only); its kept lead shows them too.
      assignments: listAssignmentsWithMerged(ctx.db, lead.id),
      followUps: listFollowUpsForLead(ctx.db, lead.id),
      scoreModelVersion: findLeadMeta(ctx.db, lead.id)?.scoreModelVersion ?? null,
      explanation: ctx.scoring.explain(lead, ctx.now),
    };
  },

  'leads.create'(ctx: CallContext, input: ParsedInput<'leads.create'>): CallOutput<'leads.create'> {
    requireShownStage(readFunnelSettings(ctx.db), input.stage);
    const draft: Lead = {
      ...input,
      id: asLeadId(ctx.newId('lead')),
      ownerId: null,
      score: null,
      grade: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      isHistory: false,
    };
    const scored = ctx.scoring.scoreLead(draft, ctx.now);
    const lead: Lead = {
      ...draft,
      score: scored.score,
      grade: scored.grade,
      scoreModelVersion: scored.modelVersion,
    };
    insertLead(ctx.db, lead, leadKeysOf(lead), {
      importBatchId: null,
      scoreModelVersion: scored.modelVersion,
      scoredAt: scored.scoredAt,
    });
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'lead.create',
      entity: 'lead',
      entityId: lead.id,
      detail: { name: lead.name },
    });
    ctx.emit('leads.changed', { leadIds: [lead.id], reason: 'created' });
    const distributed = distributeNewLeads(ctx, [lead.id]).results[0];
    return distributed?.repId ? { ...lead, ownerId: asRepId(distributed.repId) } : lead;
  },

  'leads.update'(ctx: CallContext, input: ParsedInput<'leads.update'>): CallOutput<'leads.update'> {
    const before = requireLead(ctx, input.id);
    if (ctx.actor.role === 'rep' && before.ownerId !== ctx.actor.repId) {
      throw new ServiceError('forbidden', 'Claim this lead before editing it.');
    }
    if (input.patch.stage !== undefined && input.patch.stage !== before.stage)
      requireShownStage(readFunnelSettings(ctx.db), input.patch.stage);
    const changed = Object.fromEntries(
      Object.entries(input.patch).filter(([, value]) => value !== undefined),
    ) as Partial<Lead>;
    const edited: Lead = { ...before, ...changed, updatedAt: ctx.now };
    const scored = ctx.scoring.scoreLead(edited, ctx.now);
    const after: Lead = {
      ...edited,
      score: scored.score,
      grade: scored.grade,
      scoreModelVersion: scored.modelVersion,
    };
    updateLead(ctx.db, after, leadKeysOf(after), {
      scoreModelVersion: scored.modelVersion,
      scoredAt: scored.scoredAt,
    });
    if (before.stage !== after.stage) {
      appendStageChange(ctx.db, {
        id: ctx.newId('stg'),
        leadId: before.id,
        from: before.stage,
        to: after.stage,
        actor: actorLabel(ctx.actor),
        note: null,
        at: ctx.now,
      });
    }
    const fields = Object.keys(changed).filter(
      (key) => JSON.stringify(before[key as keyof Lead]) !== JSON.stringify(after[key as keyof Lead]),
    );
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'lead.update',
      entity: 'lead',
      entityId: before.id,
      detail: {
        changes: Object.fromEntries(
          fields.map((key) => [key, { from: before[key as keyof Lead], to: after[key as keyof Lead] }]),
        ),
      },
    });
    ctx.emit('leads.changed', { leadIds: [before.id], reason: 'updated' });
    return after;
  },

  'leads.facets'(ctx: CallContext): CallOutput<'leads.facets'> {
    return {
      sources: distinctLeadValues(ctx.db, 'source'),
      industries: distinctLeadValues(ctx.db, 'industry'),
      regions: distinctLeadValues(ctx.db, 'region'),
    };
  },
};

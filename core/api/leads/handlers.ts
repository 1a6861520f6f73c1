// Handlers of the lead calls: list (paged, filtered, scoped to the actor), get, create, update, facets, possible
// duplicates and the export.
import { appealStateOf } from '../appeals/appealable';
import type { Lead } from '../../domain/lead';
import { asLeadId, asRepId } from '../../domain/ids';
import { appendAudit } from '../../store/audit-log';
import { listFollowUpsForLead } from '../../store/follow-ups';
import { appendStageChange } from '../../store/stage-history';
import { distinctLeadValues, findLeadById, findLeadMeta, insertLead, updateLead } from '../../store/leads';
import { listLeads } from '../../store/lead-page';
import { inTransaction } from '../../store/sql';
import { actorLabel, type CallContext, type HandlersOf } from '../call-context';
import { drillWhere } from '../dashboard/drill';
import { distributeNewLeads } from '../distribution/distribute-new-leads';
import { listAssignmentsWithMerged } from '../duplicates/merged-assignments';
import { ServiceError } from '../errors';
import { requireShownStage } from '../funnel/funnel-stages';
import { hideMaskedFromSearch } from '../pool/masked-search';
import { readFunnelSettings } from '../sla/settings';
import type { leadsCalls } from './calls';
import { closingFor, type Closing } from './close-gate';
import { leadsEntryHandlers } from './entry-handlers';
import { assignByEntryRules, checkEntry, describeEntry } from './entry-check';
import { LEADS_ERRORS } from './errors';
import { exportLeads } from './export';
import { findPossibleDuplicates } from './find-duplicates';
import { leadKeysOf } from './lead-keys';

/** A rep sees their own leads and the public pool; the team lead sees everything. */
function requireLead(ctx: CallContext, id: string): Lead {
  const lead = findLeadById(ctx.db, id);
  if (!lead) throw new ServiceError(LEADS_ERRORS.notFound, { id }, 'id');
  if (ctx.actor.role === 'rep' && lead.ownerId !== null && lead.ownerId !== ctx.actor.repId)
    throw new ServiceError(LEADS_ERRORS.notYours, { id }, 'id');
  return lead;
}

export const leadsHandlers: HandlersOf<typeof leadsCalls> = {
  'leads.list'(ctx, input) {
    return listLeads(
      ctx.db,
      {
        ...input,
        visibleToRep: ctx.actor.role === 'rep' ? ctx.actor.repId : undefined,
        where: hideMaskedFromSearch(
          ctx,
          input.text,
          input.drill === undefined ? undefined : drillWhere(ctx, input.drill),
        ),
        // A Dashboard count decides for itself whether past leads count (closures do): the list follows it.
        ...(input.drill === undefined ? {} : { includeHistory: undefined }),
      },
      {
        sort: input.sort,
        direction: input.direction,
        offset: input.offset,
        limit: input.limit,
        stageOrder: readFunnelSettings(ctx.db).stages.map((stage) => stage.key),
      },
    );
  },

  'leads.get'(ctx, input) {
    const lead = requireLead(ctx, input.id);
    return {
      lead,
      // A merged-away lead's assignments stay on it (append-only); its kept lead shows them too.
      assignments: listAssignmentsWithMerged(ctx.db, lead.id),
      followUps: listFollowUpsForLead(ctx.db, lead.id),
      scoreModelVersion: findLeadMeta(ctx.db, lead.id)?.scoreModelVersion ?? null,
      explanation: ctx.scoring.explain(lead, ctx.now),
      appeal: ctx.actor.role === 'rep' ? appealStateOf(ctx.db, lead.id, ctx.actor.repId) : 'none',
    };
  },

  'leads.create'(ctx, input) {
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
    // 撞单: read the matches before the new lead exists, so it never matches itself.
    const entry = checkEntry(ctx, draft);
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
    // The protection rules first (an existing customer's owner, a protected holder, the rep who entered it);
    // the distribution rules only when they leave it open.
    const ownerId =
      assignByEntryRules(ctx, lead.id, entry.decision) ??
      distributeNewLeads(ctx, [lead.id]).results[0]?.repId ??
      null;
    return {
      ...lead,
      ownerId: ownerId === null ? null : asRepId(ownerId),
      entry: describeEntry(ctx, entry),
    };
  },

  'leads.update'(ctx, input) {
    const before = requireLead(ctx, input.id);
    if (ctx.actor.role === 'rep' && before.ownerId !== ctx.actor.repId)
      throw new ServiceError(LEADS_ERRORS.claimFirst, { id: before.id }, 'id');
    const settings = readFunnelSettings(ctx.db);
    const stage = input.patch.stage ?? before.stage;
    const isStageMove = stage !== before.stage;
    if (isStageMove) requireShownStage(settings, stage);
    // The same gates as funnel.move: a move, or a correction of a closed lead's amount or reason, goes through
    // them; a correction keeps the original close time.
    const hasClosingFacts = input.wonAmountYuan !== undefined || input.lostReason !== undefined;
    const closing: Partial<Closing> =
      isStageMove || hasClosingFacts
        ? closingFor(
            stage,
            { wonAmountYuan: input.wonAmountYuan, lostReason: input.lostReason },
            settings.lostReasons,
            isStageMove ? ctx.now : (before.closedAt ?? ctx.now),
          )
        : {};
    const changed = {
      ...Object.fromEntries(Object.entries(input.patch).filter(([, value]) => value !== undefined)),
      ...closing,
    } as Partial<Lead>;
    const edited: Lead = { ...before, ...changed, updatedAt: ctx.now };
    if (edited.name === '' && (edited.company ?? '') === '')
      throw new ServiceError(LEADS_ERRORS.nameOrCompany, undefined, 'name');
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
    if (isStageMove) {
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
    const fields = (Object.keys(changed) as (keyof Lead)[]).filter(
      (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
    );
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'lead.update',
      entity: 'lead',
      entityId: before.id,
      detail: {
        changes: Object.fromEntries(fields.map((key) => [key, { from: before[key], to: after[key] }])),
      },
    });
    ctx.emit('leads.changed', { leadIds: [before.id], reason: 'updated' });
    // An edit moves no owner; it tells which live leads the edited contact now matches.
    return { ...after, entryMatches: describeEntry(ctx, checkEntry(ctx, after, after.id)).matches };
  },

  'leads.facets'(ctx) {
    return {
      sources: distinctLeadValues(ctx.db, 'source'),
      industries: distinctLeadValues(ctx.db, 'industry'),
      regions: distinctLeadValues(ctx.db, 'region'),
    };
  },

  'leads.findDuplicates'(ctx, input) {
    return findPossibleDuplicates(ctx, input);
  },

  ...leadsEntryHandlers,

  async 'leads.export'(ctx, input) {
    const file = await exportLeads(ctx, input);
    inTransaction(ctx.db, () =>
      appendAudit(ctx.db, {
        at: ctx.now,
        actor: actorLabel(ctx.actor),
        action: 'leads.export',
        entity: 'lead',
        entityId: null,
        detail: { format: input.format, rows: file.rows, filter: input.filter },
      }),
    );
    return file;
  },
};

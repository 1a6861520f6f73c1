// Handlers of the funnel: the board and its columns (a rep sees only their own leads), moves, stage settings.
import { visibleStages, type FunnelStage } from '../../domain/funnel';
import { appendAudit } from '../../store/audit-log';
import { countLeadsByStageAndOwner } from '../../store/stage-owner-counts';
import {
  countLeadsByStage,
  countLeadsWhere,
  listAllLeadCards,
  listLeadCards,
  type LeadFilterInput,
} from '../../store/work-leads';
import { actorLabel, type CallContext, type HandlersOf } from '../call-context';
import { mapRepNames, toWorkCards } from '../sla/cards';
import { readFunnelSettings, readSlaPolicy, writeFunnelSettings } from '../sla/settings';
import type { WorkCard } from '../work/schemas';
import type { BoardFilter, funnelCalls } from './calls';
import { countLiveLeadsByStage, moveLeadsOffRetiredStages } from './funnel-stages';
import { moveLead } from './move-lead';

/** The board's filter in store terms, history left out; a rep's board shows only their own leads. */
function boardFilterOf(ctx: CallContext, filter: BoardFilter): LeadFilterInput {
  const owner = ctx.actor.role === 'rep' ? ctx.actor.repId : filter.owner;
  return { text: filter.text, grades: filter.grades, source: filter.source, owner, excludeHistory: true };
}

/** Overdue-only views need every card's clock: they are computed in memory, then paged. */
function overdueCards(ctx: CallContext, filter: LeadFilterInput): WorkCard[] {
  const rows = listAllLeadCards(ctx.db, filter);
  return toWorkCards(ctx.db, rows, readSlaPolicy(ctx.db), ctx.now)
    .filter((card) => card.sla?.isOverdue === true)
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.id < b.id ? -1 : 1));
}

function cardsPage(
  ctx: CallContext,
  stage: FunnelStage,
  filter: BoardFilter,
  page: { offset: number; limit: number },
): { total: number; cards: WorkCard[] } {
  const base = { ...boardFilterOf(ctx, filter), stages: [stage] };
  if (filter.overdueOnly) {
    const all = overdueCards(ctx, base);
    return { total: all.length, cards: all.slice(page.offset, page.offset + page.limit) };
  }
  const rows = listLeadCards(ctx.db, base, page);
  return {
    total: countLeadsWhere(ctx.db, base),
    cards: toWorkCards(ctx.db, rows, readSlaPolicy(ctx.db), ctx.now),
  };
}

export const funnelHandlers: HandlersOf<typeof funnelCalls> = {
  'funnel.saveSettings'(ctx, input) {
    const { reassign, ...funnel } = input;
    const moved = moveLeadsOffRetiredStages(ctx, readFunnelSettings(ctx.db), funnel, reassign);
    writeFunnelSettings(ctx.db, funnel, ctx.now);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'funnel.settings',
      entity: 'settings',
      entityId: 'work.funnel',
      detail: input,
    });
    ctx.emit('workspace.changed', { reason: 'funnel-settings' });
    return { funnel, moved };
  },

  'funnel.stageCounts'(ctx) {
    return { counts: Object.fromEntries(countLiveLeadsByStage(ctx.db)) };
  },

  'funnel.board'(ctx, input) {
    const filter = boardFilterOf(ctx, input.filter);
    const stages = visibleStages(readFunnelSettings(ctx.db).stages);
    if (input.filter.overdueOnly) {
      const all = overdueCards(ctx, filter);
      return {
        now: ctx.now,
        columns: stages.map((stage) => {
          const inStage = all.filter((card) => card.stage === stage);
          return { stage, total: inStage.length, cards: inStage.slice(0, input.window) };
        }),
      };
    }
    const counts = countLeadsByStage(ctx.db, filter);
    const policy = readSlaPolicy(ctx.db);
    const names = mapRepNames(ctx.db);
    const owners = countLeadsByStageAndOwner(ctx.db);
    const ownersOf = (stage: FunnelStage): Record<string, number> => {
      const all = owners.get(stage) ?? {};
      if (ctx.actor.role !== 'rep') return all;
      const own = all[ctx.actor.repId];
      return own === undefined ? {} : { [ctx.actor.repId]: own };
    };
    return {
      now: ctx.now,
      columns: stages.map((stage) => {
        const total = counts.get(stage) ?? 0;
        const rows =
          total === 0 || input.window === 0
            ? []
            : listLeadCards(ctx.db, { ...filter, stages: [stage] }, { offset: 0, limit: input.window });
        const cards = toWorkCards(ctx.db, rows, policy, ctx.now, names);
        return { stage, total, cards, byOwner: ownersOf(stage) };
      }),
    };
  },

  'funnel.cards'(ctx, input) {
    return cardsPage(ctx, input.stage, input.filter, { offset: input.offset, limit: input.limit });
  },

  'funnel.move'(ctx, input) {
    return moveLead(ctx, input);
  },
};

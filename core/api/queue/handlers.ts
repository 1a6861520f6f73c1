// Handlers of the queue: the on-clock leads of a rep (or the whole team, for the team lead), most urgent first.
import { listAllLeadCards } from '../../store/work-leads';
import type { HandlersOf } from '../call-context';
import { compareQueueCards, toWorkCards } from '../sla/cards';
import { readSlaPolicy } from '../sla/settings';
import type { queueCalls } from './calls';

export const queueHandlers: HandlersOf<typeof queueCalls> = {
  'queue.list'(ctx, input) {
    let owner: string | undefined;
    if (ctx.actor.role === 'rep') owner = ctx.actor.repId;
    else if (input.repId !== undefined && input.repId !== 'all') owner = input.repId;
    const rows = listAllLeadCards(ctx.db, { owner, onClockOnly: true });
    const items = toWorkCards(ctx.db, rows, readSlaPolicy(ctx.db), ctx.now).sort(compareQueueCards);
    const overdue = items.filter((card) => card.sla?.isOverdue === true).length;
    return { total: items.length, overdue, items: items.slice(0, input.limit), now: ctx.now };
  },
};

// Overdue clocks now, by the one clock model the board, queue and scheduler use: first contact, and follow-up
// (the follow-up gap or a scheduled activity past its time), for the leads a Dashboard filter covers.
import { listAllLeadCards } from '../../store/work-leads';
import { listReps } from '../../store/reps';
import type { CallContext } from '../call-context';
import { clocksOfRows } from '../sla/cards';
import { readSlaPolicy } from '../sla/settings';

/** Which owned, open leads count: all, or an owner, the owners of one tier, a source. */
export interface OverdueFilter {
  readonly repId?: string | undefined;
  readonly tier?: string | undefined;
  readonly source?: string | undefined;
}

export function countOverdue(
  ctx: CallContext,
  filter: OverdueFilter = {},
): { firstContact: number; followUp: number } {
  const tierReps =
    filter.tier === undefined
      ? null
      : new Set(
          listReps(ctx.db, { includeInactive: true })
            .filter((rep) => rep.tier === filter.tier)
            .map((rep) => rep.id as string),
        );
  const rows = listAllLeadCards(ctx.db, {
    onClockOnly: true,
    owner: filter.repId,
    source: filter.source,
  }).filter((row) => tierReps === null || (row.ownerId !== null && tierReps.has(row.ownerId)));
  let firstContact = 0;
  let followUp = 0;
  for (const clock of clocksOfRows(ctx.db, rows, readSlaPolicy(ctx.db), ctx.now).clocks) {
    if (clock === null || !clock.isOverdue) continue;
    if (clock.kind === 'first_contact') firstContact += 1;
    else followUp += 1;
  }
  return { firstContact, followUp };
}

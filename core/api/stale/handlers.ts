// Handlers of the stale list: owned open leads idle for N days, and recycling them in bulk.
import { isOpenStage } from '../../domain/funnel';
import { STALE_RECYCLE_TEXTS } from '../../domain/sla/recycle-texts';
import { staleLeads } from '../../domain/sla/due-actions';
import { findLeadById } from '../../store/leads';
import { listAllLeadCards, toSlaInput } from '../../store/work-leads';
import type { HandlersOf } from '../call-context';
import { mapRepNames } from '../sla/cards';
import { recycleLead } from '../sla/recycle';
import { readFunnelSettings, readSlaPolicy } from '../sla/settings';
import type { staleCalls } from './calls';

export const staleHandlers: HandlersOf<typeof staleCalls> = {
  'stale.list'(ctx, input) {
    const days = input.days ?? readFunnelSettings(ctx.db).staleDays;
    const rows = listAllLeadCards(ctx.db, { onClockOnly: true });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const names = mapRepNames(ctx.db);
    const stale = staleLeads(
      ctx.now,
      rows.map((row) => toSlaInput(row, [])),
      days,
    );
    return {
      days,
      rows: stale.flatMap((s) => {
        const row = byId.get(s.leadId);
        if (row === undefined) return [];
        return [
          {
            leadId: s.leadId,
            name: row.name,
            company: row.company,
            grade: row.grade,
            stage: row.stage,
            ownerId: s.repId,
            ownerName: names.get(s.repId) ?? null,
            lastProgressAt: s.lastProgressAt,
            idleDays: s.idleDays,
          },
        ];
      }),
    };
  },

  'stale.recycle'(ctx, input) {
    const policy = readSlaPolicy(ctx.db);
    let recycled = 0;
    for (const leadId of new Set(input.leadIds)) {
      const lead = findLeadById(ctx.db, leadId);
      if (!lead || lead.ownerId === null || lead.isHistory || !isOpenStage(lead.stage)) continue;
      const outcome = recycleLead(ctx, {
        leadId,
        fromRepId: lead.ownerId,
        reason: 'stale',
        text: STALE_RECYCLE_TEXTS.en,
        target: policy.recycleTarget,
        detail: { text: STALE_RECYCLE_TEXTS },
      });
      if (outcome.isRecycled) recycled += 1;
    }
    return { recycled };
  },
};

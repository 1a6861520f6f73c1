// Handlers of 撞单 on entry: the live check and the team's protection rules.
import { appendAudit } from '../../store/audit-log';
import { actorLabel, type HandlersOf } from '../call-context';
import type { leadsCalls } from './calls';
import { checkEntry, describeEntry, readEntryRules, writeEntryRules } from './entry-check';

type EntryCalls = Pick<typeof leadsCalls, 'leads.checkEntry' | 'leads.entryRules' | 'leads.saveEntryRules'>;

export const leadsEntryHandlers: HandlersOf<EntryCalls> = {
  'leads.checkEntry'(ctx, input) {
    return describeEntry(ctx, checkEntry(ctx, input, input.excludeId));
  },

  'leads.entryRules'(ctx) {
    return readEntryRules(ctx.db);
  },

  'leads.saveEntryRules'(ctx, input) {
    writeEntryRules(ctx.db, input, ctx.now);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'leads.entryRules',
      entity: 'settings',
      entityId: 'leads.entryProtection',
      detail: input,
    });
    return input;
  },
};

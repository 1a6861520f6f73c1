// Handlers for workspace preferences (the UI language) and the audit log.
import { listAudit } from '../../store/audit-log';
import { readSetting, writeSetting } from '../../store/settings';
import { requireTeamLead, type CallContext } from '../call-context';
import type { CallOutput, ParsedInput, Preferences } from '../contract';

export const preferenceHandlers = {
  'preferences.get'(ctx: CallContext): CallOutput<'preferences.get'> {
    return { language: readSetting<Preferences['language']>(ctx.db, 'language') ?? null };
  },

  'preferences.set'(ctx: CallContext, input: ParsedInput<'preferences.set'>): CallOutput<'preferences.set'> {
    writeSetting(ctx.db, 'language', input.language, ctx.now);
    return { language: input.language };
  },

  'audit.list'(ctx: CallContext, input: ParsedInput<'audit.list'>): CallOutput<'audit.list'> {
    requireTeamLead(ctx);
    return listAudit(ctx.db, input);
  },
};

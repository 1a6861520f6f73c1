// Handlers of the preference calls: each signed-in person's UI language, stored as a setting of their own, so one
// rep switching to English leaves the team lead's and every other rep's screen as it was.
import { readSetting, writeSetting } from '../../store/settings';
import { actorLabel, type HandlersOf } from '../call-context';
import type { Actor } from '../contract';
import type { Preferences, preferencesCalls } from './calls';

/** The setting that holds `actor`'s language: `language:team-lead`, `language:rep:<id>`. */
function languageKey(actor: Actor): string {
  return `language:${actorLabel(actor)}`;
}

/**
 * The language `actor` reads the app in, for what the hub words for them (an import's error file): their own choice,
 * else Chinese, the UI's first language.
 */
export function languageOf(ctx: { db: Parameters<typeof readSetting>[0]; actor: Actor }): 'zh-CN' | 'en' {
  return readSetting<Preferences['language']>(ctx.db, languageKey(ctx.actor)) ?? 'zh-CN';
}

export const preferencesHandlers: HandlersOf<typeof preferencesCalls> = {
  'preferences.get'(ctx) {
    return { language: readSetting<Preferences['language']>(ctx.db, languageKey(ctx.actor)) ?? null };
  },

  'preferences.set'(ctx, input) {
    writeSetting(ctx.db, languageKey(ctx.actor), input.language, ctx.now);
    return { language: input.language };
  },
};

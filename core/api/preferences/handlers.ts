// Handlers of the preference calls: the UI language, stored as a workspace setting.
import { readSetting, writeSetting } from '../../store/settings';
import type { HandlersOf } from '../call-context';
import type { Preferences, preferencesCalls } from './calls';

export const preferencesHandlers: HandlersOf<typeof preferencesCalls> = {
  'preferences.get'(ctx) {
    return { language: readSetting<Preferences['language']>(ctx.db, 'language') ?? null };
  },

  'preferences.set'(ctx, input) {
    writeSetting(ctx.db, 'language', input.language, ctx.now);
    return { language: input.language };
  },
};

// Preference calls: the workspace's UI language.
import { z } from 'zod';
import { defineCall, empty } from '../contract-kit';

const preferencesSchema = z.object({ language: z.enum(['zh-CN', 'en']).nullable() }).strict();
export type Preferences = z.output<typeof preferencesSchema>;

export const preferencesCalls = {
  'preferences.get': defineCall({
    input: empty,
    output: preferencesSchema,
    access: 'signed-in',
    repScope: 'shared',
  }),
  /** The language is the workspace's, one for everyone on it; any signed-in person may switch it. */
  'preferences.set': defineCall({
    input: z.object({ language: z.enum(['zh-CN', 'en']) }).strict(),
    output: preferencesSchema,
    access: 'signed-in',
    repScope: 'shared',
  }),
};

// Preference calls: the signed-in person's own UI language.
import { z } from 'zod';
import { defineCall, empty } from '../contract-kit';

const preferencesSchema = z.object({ language: z.enum(['zh-CN', 'en']).nullable() }).strict();
export type Preferences = z.output<typeof preferencesSchema>;

export const preferencesCalls = {
  'preferences.get': defineCall({
    input: empty,
    output: preferencesSchema,
    access: 'signed-in',
    repScope: 'self',
  }),
  /** Each person's own: a rep's switch changes no one else's screen. */
  'preferences.set': defineCall({
    input: z.object({ language: z.enum(['zh-CN', 'en']) }).strict(),
    output: preferencesSchema,
    access: 'signed-in',
    repScope: 'self',
  }),
};

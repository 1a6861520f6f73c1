// Calls of the follow-up log: recording what was said to a lead and the next step promised.
import { z } from 'zod';
import { FOLLOW_UP_CHANNELS } from '../../domain/follow-up';
import { defineCall, id, MAX_NOTES, MAX_TEXT, optionalText } from '../contract-kit';
import { WORKABLE_LEAD_ERRORS } from '../work/errors';
import { FOLLOW_UPS_ERRORS } from './errors';
import { followUpSchema } from './schemas';

export const followUpsCalls = {
  'followUps.log': defineCall({
    input: z
      .object({
        leadId: id,
        channel: z.enum(FOLLOW_UP_CHANNELS),
        said: z.string().trim().min(1, 'say what was said').max(MAX_NOTES),
        reaction: optionalText(MAX_NOTES),
        nextStep: optionalText(MAX_TEXT),
        nextAt: z.number().int().min(0).max(8_640_000_000_000).nullish(),
      })
      .strict(),
    output: followUpSchema,
    access: 'signed-in',
    repScope: 'own-leads',
    errors: [...WORKABLE_LEAD_ERRORS, FOLLOW_UPS_ERRORS.nextAtPast],
  }),
};

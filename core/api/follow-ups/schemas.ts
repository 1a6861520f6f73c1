// A logged follow-up as every call answers it (the log and a lead's detail).
import { z } from 'zod';
import { FOLLOW_UP_CHANNELS } from '../../domain/follow-up';

export const followUpSchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    repId: z.string().nullable(),
    channel: z.enum(FOLLOW_UP_CHANNELS),
    said: z.string(),
    reaction: z.string().nullable(),
    nextStep: z.string().nullable(),
    nextAt: z.number().int().nullable(),
    at: z.number().int(),
  })
  .strict();

// A notification as listed and pushed: for the team lead ('lead') or one rep, with its message parameters.
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../../domain/notification-kinds';

export const notificationSchema = z
  .object({
    id: z.string(),
    recipient: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    leadId: z.string().nullable(),
    /** Parameters of the localized message (lead name, rep name, minutes…). */
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    createdAt: z.number().int(),
    readAt: z.number().int().nullable(),
  })
  .strict();

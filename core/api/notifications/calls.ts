// Calls and events of notifications: the caller's own inbox, marking read, and the pushed new ones.
import { z } from 'zod';
import { defineCall, id } from '../contract-kit';
import { notificationSchema } from './schemas';

export const notificationsCalls = {
  'notifications.list': defineCall({
    input: z
      .object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) })
      .strict(),
    output: z.object({ unread: z.number().int(), rows: z.array(notificationSchema) }).strict(),
    access: 'signed-in',
    // The caller's own notifications only: a rep can neither list nor mark another recipient's.
    repScope: 'self',
  }),
  'notifications.markRead': defineCall({
    input: z
      .object({ ids: z.array(id).max(500).optional(), all: z.boolean().optional() })
      .strict()
      .refine((input) => input.all === true || (input.ids?.length ?? 0) > 0, {
        message: 'give ids or all: true',
      }),
    output: z.object({ unread: z.number().int() }).strict(),
    access: 'signed-in',
    repScope: 'self',
  }),
};

export const notificationsEvents = {
  /** A notification was stored for `recipient` ('lead' = the team lead, else a rep id). */
  'notifications.new': notificationSchema,
  /** The user clicked a desktop notification: the window should open this lead (sent by Electron's main). */
  'notifications.opened': z.object({ leadId: z.string() }).strict(),
} as const satisfies Record<string, z.ZodType>;

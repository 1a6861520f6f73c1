// Handlers of notifications: each caller lists and marks read only their own (the team lead's are 'lead').
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
} from '../../store/notifications';
import type { HandlersOf } from '../call-context';
import type { notificationsCalls } from './calls';
import { recipientOf } from './send';

export const notificationsHandlers: HandlersOf<typeof notificationsCalls> = {
  'notifications.list'(ctx, input) {
    const recipient = recipientOf(ctx);
    return {
      unread: countUnreadNotifications(ctx.db, recipient),
      rows: listNotifications(ctx.db, recipient, { unreadOnly: input.unreadOnly, limit: input.limit }),
    };
  },

  'notifications.markRead'(ctx, input) {
    const recipient = recipientOf(ctx);
    markNotificationsRead(ctx.db, recipient, input.all === true ? 'all' : (input.ids ?? []), ctx.now);
    return { unread: countUnreadNotifications(ctx.db, recipient) };
  },
};

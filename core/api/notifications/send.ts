// Stores a notification for its recipient and pushes it as an event once the transaction commits.
import type { NotificationKind } from '../../domain/notification-kinds';
import type { NotificationRecord } from '../../store/notifications';
import { insertNotification } from '../../store/notifications';
import type { CallContext } from '../call-context';

/** The team lead's recipient id; reps are addressed by their rep id. */
export const TEAM_LEAD_RECIPIENT = 'lead';

type NotifyHost = Pick<CallContext, 'db' | 'now' | 'newId' | 'emit'>;

/**
 * Stores and pushes one notification. With a dedupe key, a notification already stored under that key is not
 * stored or pushed again (answers null).
 */
export function sendNotification(
  host: NotifyHost,
  notice: {
    recipient: string;
    kind: NotificationKind;
    leadId: string | null;
    detail?: NotificationRecord['detail'];
    dedupeKey?: string;
  },
): NotificationRecord | null {
  const record: NotificationRecord = {
    id: host.newId('ntf'),
    recipient: notice.recipient,
    kind: notice.kind,
    leadId: notice.leadId,
    detail: notice.detail ?? {},
    createdAt: host.now,
    readAt: null,
  };
  if (!insertNotification(host.db, record, notice.dedupeKey ?? null)) return null;
  host.emit('notifications.new', record);
  return record;
}

/** The recipient id of whoever is calling. */
export function recipientOf(ctx: Pick<CallContext, 'actor'>): string {
  return ctx.actor.role === 'lead' ? TEAM_LEAD_RECIPIENT : ctx.actor.repId;
}

// Repository for in-app notifications: one row per recipient (the team lead or a rep), with read state.
import type { Database } from 'better-sqlite3';
import type { NotificationKind } from '../domain/notification-kinds';
import { execute, qb, selectAll, selectFirst } from './sql';

/** 'lead' is the team lead; anything else is a rep id. */
type NotificationRecipient = string;

export interface NotificationRecord {
  readonly id: string;
  readonly recipient: NotificationRecipient;
  readonly kind: NotificationKind;
  readonly leadId: string | null;
  /** Parameters of the localized message (lead name, rep name, minutes…). */
  readonly detail: Readonly<Record<string, string | number | null>>;
  readonly createdAt: number;
  readonly readAt: number | null;
}

/** Inserts a notification; with a dedupe key a second insert is ignored (false). */
export function insertNotification(
  db: Database,
  record: NotificationRecord,
  dedupeKey: string | null = null,
): boolean {
  return (
    execute(
      db,
      qb
        .insertInto('notifications')
        .values({
          id: record.id,
          recipient: record.recipient,
          kind: record.kind,
          lead_id: record.leadId,
          detail_json: JSON.stringify(record.detail),
          dedupe_key: dedupeKey,
          created_at: record.createdAt,
          read_at: record.readAt,
        })
        .onConflict((oc) => oc.doNothing()),
    ) === 1
  );
}

export function listNotifications(
  db: Database,
  recipient: NotificationRecipient,
  options: { unreadOnly: boolean; limit: number },
): NotificationRecord[] {
  let query = qb
    .selectFrom('notifications')
    .selectAll()
    .where('recipient', '=', recipient)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  return selectAll(db, query).map((row) => ({
    id: row.id,
    recipient: row.recipient,
    kind: row.kind as NotificationKind,
    leadId: row.lead_id,
    detail: JSON.parse(row.detail_json) as NotificationRecord['detail'],
    createdAt: row.created_at,
    readAt: row.read_at,
  }));
}

export function countUnreadNotifications(db: Database, recipient: NotificationRecipient): number {
  return (
    selectFirst(
      db,
      qb
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('recipient', '=', recipient)
        .where('read_at', 'is', null),
    )?.n ?? 0
  );
}

/** Marks the recipient's notifications read (these ids, or all); answers how many changed. */
export function markNotificationsRead(
  db: Database,
  recipient: NotificationRecipient,
  ids: readonly string[] | 'all',
  at: number,
): number {
  let query = qb
    .updateTable('notifications')
    .set({ read_at: at })
    .where('recipient', '=', recipient)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    query = query.where('id', 'in', [...ids]);
  }
  return execute(db, query);
}

// What an in-app notification can be about; the store keeps the kind, the API and the UI word each one.

export const NOTIFICATION_KINDS = [
  'assigned',
  'sla_remind',
  'sla_follow_up',
  'sla_escalate',
  'sla_recycled',
  'next_step_due',
  'nurture_woke',
  'appeal_answered',
  'pool_recycle_warning',
  'pool_released',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

// Plain-text titles of notifications for places without the UI's i18n (native desktop notifications).
import type { NotificationKind } from '../../domain/notification-kinds';
import type { NotificationRecord } from '../../store/notifications';

const TITLES: Readonly<Record<'zh-CN' | 'en', Readonly<Record<NotificationKind, string>>>> = {
  'zh-CN': {
    assigned: '新分配的线索',
    sla_remind: '首次联系超时',
    sla_follow_up: '该跟进了',
    sla_escalate: '线索已升级，待回收',
    sla_recycled: '线索已回收',
    next_step_due: '下一步到期',
    nurture_woke: '培育池线索已唤醒',
    appeal_answered: '申诉已处理',
    pool_recycle_warning: '线索即将被回收',
    pool_released: '销售把线索放回了公海',
  },
  en: {
    assigned: 'New lead assigned',
    sla_remind: 'First contact overdue',
    sla_follow_up: 'Time to follow up',
    sla_escalate: 'Escalated: to be recycled',
    sla_recycled: 'Lead recycled',
    next_step_due: 'Next step due',
    nurture_woke: 'Back from nurture',
    appeal_answered: 'Appeal answered',
    pool_recycle_warning: 'Lead about to be recycled',
    pool_released: 'A rep returned a lead to the pool',
  },
};

/** Title and body for a desktop notification; `language` is the OS locale ('zh…' → Chinese). */
export function describeNotification(
  notice: Pick<NotificationRecord, 'kind' | 'detail'>,
  language: string,
): { title: string; body: string } {
  const titles = language.toLowerCase().startsWith('zh') ? TITLES['zh-CN'] : TITLES.en;
  const leadName = notice.detail.leadName;
  return { title: titles[notice.kind] ?? notice.kind, body: typeof leadName === 'string' ? leadName : '' };
}

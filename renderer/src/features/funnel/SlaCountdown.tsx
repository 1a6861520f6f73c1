// A lead's SLA clock as a small badge: time left, or how long overdue in red; "to be recycled" once escalated.
import { Badge, Group } from '@mantine/core';
import type { CardSla } from '../../../../core/api/work/schemas';
import { useWorkTranslation } from './work-i18n';

/** "2d 3h", "3h 05m", "12m": the two biggest units are enough to decide what to do next. */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${String(mins).padStart(2, '0')}m`;
  return `${mins}m`;
}

export function SlaCountdown({ sla, now }: { sla: CardSla | null; now: number }) {
  const { t } = useWorkTranslation();
  if (sla === null || sla.dueAt === null) return null;
  const isOverdue = now >= sla.dueAt;
  return (
    <Group gap={4} wrap="nowrap">
      <Badge
        size="xs"
        radius="sm"
        variant={isOverdue ? 'filled' : 'light'}
        color={isOverdue ? 'red' : 'gray'}
        data-overdue={isOverdue ? 'true' : 'false'}
        tt="none"
      >
        {isOverdue
          ? t('work.sla.overdue', { time: formatSpan(now - sla.dueAt) })
          : t('work.sla.dueIn', { time: formatSpan(sla.dueAt - now) })}
      </Badge>
      {(sla.isToBeRecycled || (sla.escalateAt !== null && now >= sla.escalateAt)) && (
        <Badge size="xs" radius="sm" color="orange" variant="light" tt="none">
          {t('work.sla.toBeRecycled')}
        </Badge>
      )}
    </Group>
  );
}

// A lead's SLA clock as a small badge: time left, or how long overdue in red; "to be recycled" once escalated.
import { Badge, Group } from '@mantine/core';
import type { CardSla } from '../../../../core/api/work/schemas';
import { useLanguage } from '../../ui/use-language';
import { formatSpan } from './work-format';
import { useWorkTranslation } from './work-i18n';

export function SlaCountdown({ sla, now }: { sla: CardSla | null; now: number }) {
  const { t } = useWorkTranslation();
  const language = useLanguage();
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
          ? t('work.sla.overdue', { time: formatSpan(now - sla.dueAt, language) })
          : t('work.sla.dueIn', { time: formatSpan(sla.dueAt - now, language) })}
      </Badge>
      {(sla.isToBeRecycled || (sla.escalateAt !== null && now >= sla.escalateAt)) && (
        <Badge size="xs" radius="sm" color="orange" variant="light" tt="none">
          {t('work.sla.toBeRecycled')}
        </Badge>
      )}
    </Group>
  );
}

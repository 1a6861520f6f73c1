// A lead's grade as a coloured badge: A green, B blue, C yellow, D gray.
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Grade } from '../../../core/domain/funnel';

const GRADE_COLORS: Record<Grade, string> = { A: 'green', B: 'blue', C: 'yellow', D: 'gray' };

export function GradeBadge({ grade }: { grade: Grade | null }) {
  const { t } = useTranslation();
  if (!grade) {
    return (
      <Text span size="sm" c="dimmed" title={t('leads.unscored')} aria-label={t('leads.unscored')}>
        {t('common.none')}
      </Text>
    );
  }
  return (
    <Badge color={GRADE_COLORS[grade]} variant="light" size="sm" radius="sm" w={28} px={0}>
      {grade}
    </Badge>
  );
}

// The reps' pulse for the team lead: this month's average, answers and trend, and what reps wrote — with a name
// only where the rep signed (dashboard.pulse never says who gave an unsigned answer).
import { Badge, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useClient } from '../../api/client-context';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useDashboardTranslation } from './bundle';
import { formatFigure } from './dashboard-format';

const MONTHS = 6;

export function PulseComments() {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const client = useClient();
  const months = Array.from({ length: MONTHS }, (_, i) => dayjs().subtract(i, 'month').format('YYYY-MM'));
  const [month, setMonth] = useState<string>(months[0] ?? '');
  const pulse = useQuery({
    queryKey: ['leads', 'dashboard', 'pulse', month],
    queryFn: () => client.call('dashboard.pulse', { month }),
  });
  const data = pulse.data;
  const latest = data?.summary.latest ?? null;
  const thisMonth = data?.summary.trend.find((m) => m.month === month);
  return (
    <Paper withBorder radius="md" p="md" data-testid="dashboard-pulse">
      <Group justify="space-between" mb="xs">
        <div>
          <Text fw={600}>{t('dashboard.pulseComments.title')}</Text>
          <Text size="xs" c="dimmed">
            {t('dashboard.pulseComments.hint')}
          </Text>
        </div>
        <Select
          aria-label={t('dashboard.pulseComments.month')}
          w={120}
          size="xs"
          value={month}
          data={months}
          allowDeselect={false}
          onChange={(value) => value !== null && setMonth(value)}
          className="fl-print-hide"
        />
      </Group>
      {data === undefined ? (
        <Text c="dimmed">…</Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" data-testid="dashboard-pulse-summary">
            {thisMonth === undefined
              ? t('dashboard.pulseComments.noAnswers', { month })
              : t('dashboard.pulseComments.summary', {
                  month,
                  average: formatFigure(thisMonth.average, language),
                  count: thisMonth.count,
                })}
            {latest !== null &&
            thisMonth !== undefined &&
            latest.month === month &&
            data.summary.change !== null
              ? ` ${t('dashboard.kpi.satisfaction.change', { value: formatFigure(data.summary.change, language) })}`
              : ''}
          </Text>
          {data.comments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.pulseComments.noComments')}
            </Text>
          ) : (
            data.comments.map((c, i) => (
              <Group key={i} gap="xs" wrap="nowrap" align="flex-start" data-testid="dashboard-pulse-comment">
                <Badge variant="light" color={c.score >= 4 ? 'teal' : c.score <= 2 ? 'red' : 'gray'}>
                  {formatNumber(c.score, language)}
                </Badge>
                <Text size="sm" style={{ flex: 1 }}>
                  {c.comment}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.signedBy ?? t('dashboard.pulseComments.anonymous')}
                </Text>
              </Group>
            ))
          )}
        </Stack>
      )}
    </Paper>
  );
}

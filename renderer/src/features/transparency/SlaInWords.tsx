// The follow-up clocks per grade, in working time, as the reminders and recycling enforce them (work.settings).
import { Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { SLA_GRADE_KEYS } from '../../../../core/domain/sla/sla-policy';
import { useLanguage } from '../../ui/use-language';
import { useWorkSettings } from '../funnel/work-queries';
import { useTransparencyTranslation } from './bundle';

/** Minutes of (working) time as people say them: 5 min, 4 h, 1 h 30 min; null: the step never comes. */
export function formatClock(t: TFunction, minutes: number | null): string {
  if (minutes === null) return t('transparency.sla.never');
  if (minutes < 60) return t('transparency.sla.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0
    ? t('transparency.sla.hours', { count: hours })
    : t('transparency.sla.hoursMinutes', { hours, minutes: rest });
}

export function SlaInWords() {
  const { t } = useTransparencyTranslation();
  const language = useLanguage();
  const settings = useWorkSettings();
  const policy = settings.data?.sla;
  return (
    <Paper withBorder radius="md" p="md" data-testid="transparency-sla">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('transparency.sla.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('transparency.sla.hint', {
            whereTo: t(
              policy?.recycleTarget === 'redistribute'
                ? 'transparency.sla.toAnotherRep'
                : 'transparency.sla.toPool',
            ),
          })}
          {/* Chinese sentences follow one another with no space after "。". */}
          {language === 'zh-CN' ? '' : ' '}
          {policy !== undefined &&
            (policy.calendar === null ? t('transparency.sla.allDay') : t('transparency.sla.businessTime'))}
        </Text>
        {policy === undefined ? (
          <Loader size="sm" />
        ) : (
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('transparency.sla.grade')}</Table.Th>
                <Table.Th>{t('transparency.sla.firstContact')}</Table.Th>
                <Table.Th>{t('transparency.sla.followUp')}</Table.Th>
                <Table.Th>{t('transparency.sla.escalate')}</Table.Th>
                <Table.Th>{t('transparency.sla.recycle')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {SLA_GRADE_KEYS.map((grade) => {
                const rule = policy.grades[grade];
                return (
                  <Table.Tr key={grade} data-grade={grade}>
                    <Table.Td>{grade === 'ungraded' ? t('transparency.sla.ungraded') : grade}</Table.Td>
                    <Table.Td>{formatClock(t, rule.firstContactMinutes)}</Table.Td>
                    <Table.Td>{formatClock(t, rule.followUpMinutes)}</Table.Td>
                    <Table.Td>{formatClock(t, rule.escalateAfterMinutes)}</Table.Td>
                    <Table.Td>{formatClock(t, rule.recycleAfterMinutes)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

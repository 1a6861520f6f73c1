// How fairly leads were shared in the last 30 days, as the Rules page and the Dashboard count it
// (distribution.fairness), in plain words with samples and intervals, and per rep — open to reps too.
import { Alert, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createRng, DAY_MS } from '../../../../core/domain/clock';
import { balanceFromFairness } from '../../../../core/domain/kpi/balance';
import { useClient } from '../../api/client-context';
import { useReps, useTeamUtcOffset } from '../../api/queries';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useDashboardTranslation } from '../dashboard/bundle';
import { formatFigure } from '../dashboard/dashboard-format';
import { periodOf } from '../../ui/team-period';
import { describeBalance } from '../dashboard/KpiCards';
import { useTransparencyTranslation } from './bundle';

const DAYS = 30;

export function FairnessFigures() {
  const { t } = useTransparencyTranslation();
  const { t: dashboardT } = useDashboardTranslation();
  const language = useLanguage();
  const client = useClient();
  const reps = useReps(true);
  const offset = useTeamUtcOffset();
  const period = useMemo(() => periodOf(DAYS, offset), [offset]);
  const fairness = useQuery({
    queryKey: ['distribution', 'fairness', period],
    queryFn: () => client.call('distribution.fairness', period),
  });
  const data = fairness.data;
  // Seeded by the period as the Dashboard seeds it (first local day × 31 + days): the same question, the same
  // interval on both pages.
  const balance = useMemo(() => {
    if (data === undefined) return null;
    const firstDay = Math.floor(Date.parse(`${period.from}T00:00:00Z`) / DAY_MS);
    return balanceFromFairness(data, createRng(firstDay * 31 + DAYS));
  }, [data, period]);
  const names = new Map((reps.data ?? []).map((rep) => [rep.id as string, rep.name]));
  return (
    <Paper withBorder radius="md" p="md" data-testid="transparency-fairness">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('transparency.fairness.title', { days: DAYS })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('transparency.fairness.hint', period)}
        </Text>
        {fairness.error !== null ? (
          <Alert color="red">{t('transparency.loadFailed', { message: fairness.error.message })}</Alert>
        ) : data === undefined || balance === null ? (
          <Loader size="sm" />
        ) : (
          <>
            <Stack gap={2} data-testid="transparency-fairness-readings">
              {describeBalance(dashboardT, balance, language).map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
            </Stack>
            {data.leadCount === 0 ? (
              <Text size="sm">{t('transparency.fairness.none')}</Text>
            ) : (
              <Table verticalSpacing={4} data-testid="transparency-fairness-reps">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('transparency.fairness.rep')}</Table.Th>
                    <Table.Th ta="right">{t('transparency.fairness.received')}</Table.Th>
                    <Table.Th ta="right">{t('transparency.fairness.ab')}</Table.Th>
                    <Table.Th ta="right">{t('transparency.fairness.days')}</Table.Th>
                    <Table.Th ta="right">{t('transparency.fairness.ratio')}</Table.Th>
                    <Table.Th ta="right">{t('transparency.fairness.apart')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {Object.entries(data.perRep)
                    .sort(([a], [b]) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b, 'zh-CN'))
                    .map(([repId, row]) => {
                      const apart = data.apart[repId];
                      return (
                        <Table.Tr key={repId} data-rep-id={repId}>
                          <Table.Td>{names.get(repId) ?? repId}</Table.Td>
                          <Table.Td ta="right">{formatNumber(row.total, language)}</Table.Td>
                          <Table.Td ta="right">
                            {formatNumber(row.byGrade.A + row.byGrade.B, language)}
                          </Table.Td>
                          <Table.Td ta="right">
                            {row.availableDays === undefined
                              ? '—'
                              : formatNumber(row.availableDays, language)}
                          </Table.Td>
                          <Table.Td ta="right">{formatFigure(row.ratio ?? null, language)}</Table.Td>
                          <Table.Td ta="right">
                            {apart === undefined
                              ? '—'
                              : `${apart.claims} / ${apart.manual} / ${apart.recycles}`}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

// The team lead's Dashboard: the funnel now, follow-up deadlines, fairness per rep and new leads per day.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import type { DashboardSummary } from '../../../../core/api/dashboard/calls';
import type { FairnessFigures } from '../../../../core/domain/distribution/fairness';
import { GRADES } from '../../../../core/domain/funnel';
import { useClient } from '../../api/client-context';
import { useWorkspaceStatus } from '../../api/queries';
import type { Language } from '../../i18n';
import { formatFen, formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useFunnelStages } from '../funnel/stage-labels';
import { useDashboardTranslation } from './bundle';

const PRESETS = [7, 30, 90] as const;

/** The period as local ISO dates, today included. */
function periodOf(days: number, now: number = Date.now()): { from: string; to: string } {
  const today = dayjs(now);
  return { from: today.subtract(days - 1, 'day').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') };
}

/** Under 'leads' so every `leads.changed` event refreshes the figures. */
const dashboardKeys = {
  summary: (period: { from: string; to: string }) => ['leads', 'dashboard', 'summary', period] as const,
  fairness: (period: { from: string; to: string }) => ['leads', 'dashboard', 'fairness', period] as const,
};

function formatShare(value: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: string;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {hint !== undefined && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** The headline fairness figures, each as one sentence a team lead can read out. */
function describeFairness(t: TFunction, figures: FairnessFigures, language: Language): string[] {
  if (figures.repCount === 0) return [t('dashboard.fairness.noReps')];
  if (figures.leadCount === 0) return [t('dashboard.fairness.noLeads')];
  const two = (value: number) => formatNumber(Math.round(value * 100) / 100, language);
  const lines: string[] = [];
  const abTotal = Object.values(figures.perRep).reduce((sum, rep) => sum + rep.byGrade.A + rep.byGrade.B, 0);
  if (abTotal === 0) lines.push(t('dashboard.fairness.noAb'));
  else {
    const key = figures.abGini < 0.2 ? 'giniEven' : figures.abGini < 0.4 ? 'giniSome' : 'giniUneven';
    lines.push(t(`dashboard.fairness.${key}`, { gini: figures.abGini.toFixed(2) }));
  }
  const mean = figures.leadCount / figures.repCount;
  // Spread within a quarter of the mean reads as even to a team lead.
  const isEven = figures.workloadStdDev <= mean * 0.25;
  lines.push(
    t(isEven ? 'dashboard.fairness.workloadEven' : 'dashboard.fairness.workloadUneven', {
      mean: two(mean),
      sd: two(figures.workloadStdDev),
    }),
  );
  lines.push(
    t('dashboard.fairness.workloadByGrade', {
      A: two(figures.workloadStdDevByGrade.A),
      B: two(figures.workloadStdDevByGrade.B),
      C: two(figures.workloadStdDevByGrade.C),
      D: two(figures.workloadStdDevByGrade.D),
    }),
  );
  lines.push(
    t('dashboard.fairness.shares', {
      max: formatShare(figures.maxShare, language),
      min: formatShare(figures.minShare, language),
    }),
  );
  lines.push(
    figures.newRepIds.length === 0
      ? t('dashboard.fairness.noNewReps')
      : t('dashboard.fairness.newReps', {
          count: figures.newRepIds.length,
          share: formatShare(figures.newRepShare, language),
          abShare: formatShare(figures.newRepAbShare, language),
        }),
  );
  return lines;
}

function FunnelSection({ summary }: { summary: DashboardSummary }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const stages = useFunnelStages();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('dashboard.funnel.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" data-testid="dashboard-funnel">
        {stages.shown.map((stage) => (
          <Figure
            key={stage.key}
            testId={`funnel-stage-${stage.key}`}
            label={stage.label}
            value={formatNumber(summary.stageCounts[stage.key] ?? 0, language)}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure
          testId="dashboard-new-leads"
          label={t('dashboard.funnel.newLeads')}
          value={formatNumber(summary.newLeads, language)}
        />
        <Figure
          testId="dashboard-won"
          label={t('dashboard.funnel.won')}
          value={formatNumber(summary.won, language)}
        />
        <Figure
          testId="dashboard-won-amount"
          label={t('dashboard.funnel.wonAmount')}
          value={formatFen(summary.wonAmountFen, language)}
        />
        <Figure
          testId="dashboard-conversion"
          label={t('dashboard.funnel.conversion')}
          value={summary.conversionRate === null ? '—' : formatShare(summary.conversionRate, language)}
          hint={
            summary.conversionRate === null
              ? t('dashboard.funnel.noneClosed')
              : t('dashboard.funnel.conversionDetail', { won: summary.won, lost: summary.lost })
          }
        />
      </SimpleGrid>
    </Stack>
  );
}

function SlaSection({ summary }: { summary: DashboardSummary }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('dashboard.sla.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Figure
          testId="dashboard-overdue-first-contact"
          label={t('dashboard.sla.overdueFirstContact')}
          value={formatNumber(summary.overdueFirstContact, language)}
          hint={t('dashboard.sla.now')}
        />
        <Figure
          testId="dashboard-overdue-follow-up"
          label={t('dashboard.sla.overdueFollowUp')}
          value={formatNumber(summary.overdueFollowUp, language)}
          hint={t('dashboard.sla.now')}
        />
        <Figure
          testId="dashboard-recycled"
          label={t('dashboard.sla.recycled')}
          value={formatNumber(summary.recycled, language)}
        />
      </SimpleGrid>
    </Stack>
  );
}

function FairnessSection({
  summary,
  fairness,
}: {
  summary: DashboardSummary;
  fairness: FairnessFigures | undefined;
}) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('dashboard.fairness.title')}
      </Title>
      {fairness === undefined ? (
        <Loader size="sm" />
      ) : (
        <Stack gap={2} data-testid="fairness-readings">
          {describeFairness(t, fairness, language).map((line) => (
            <Text key={line} size="sm">
              {line}
            </Text>
          ))}
        </Stack>
      )}
      {summary.reps.length === 0 ? (
        <Text c="dimmed">{t('dashboard.fairness.noReps')}</Text>
      ) : (
        <Paper withBorder radius="md">
          <Table striped verticalSpacing={6} data-testid="dashboard-reps">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.fairness.rep')}</Table.Th>
                {GRADES.map((grade) => (
                  <Table.Th key={grade} ta="right">
                    {t('dashboard.fairness.received', { grade })}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('dashboard.fairness.total')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.fairness.openLoad')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.fairness.won')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.reps.map((rep) => {
                const received = fairness?.perRep[rep.repId];
                return (
                  <Table.Tr key={rep.repId} data-rep-id={rep.repId}>
                    <Table.Td>{rep.name}</Table.Td>
                    {GRADES.map((grade) => (
                      <Table.Td key={grade} ta="right" data-grade={grade}>
                        {received === undefined ? '—' : formatNumber(received.byGrade[grade], language)}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" data-column="received">
                      {received === undefined ? '—' : formatNumber(received.total, language)}
                    </Table.Td>
                    <Table.Td ta="right" data-column="open">
                      {formatNumber(rep.openLoad, language)}
                    </Table.Td>
                    <Table.Td ta="right" data-column="won">
                      {formatNumber(rep.won, language)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

function NewLeadsChart({ summary }: { summary: DashboardSummary }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const series = t('dashboard.chart.series');
  const data = summary.newLeadsByDay.map((day) => ({ date: day.date.slice(5), [series]: day.count }));
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('dashboard.chart.title')}
      </Title>
      <Paper withBorder radius="md" p="md" data-testid="dashboard-chart">
        <BarChart
          h={220}
          data={data}
          dataKey="date"
          series={[{ name: series, color: 'indigo.6' }]}
          tickLine="y"
          gridAxis="y"
          barProps={{ radius: [3, 3, 0, 0] }}
          valueFormatter={(value) => formatNumber(value, language)}
        />
      </Paper>
    </Stack>
  );
}

function TeamLeadDashboard() {
  const { t } = useDashboardTranslation();
  const client = useClient();
  const [days, setDays] = useState<number>(30);
  const input = useMemo(() => periodOf(days), [days]);
  const summary = useQuery({
    queryKey: dashboardKeys.summary(input),
    queryFn: () => client.call('dashboard.summary', input),
    placeholderData: (previous) => previous,
  });
  const fairness = useQuery({
    queryKey: dashboardKeys.fairness(input),
    queryFn: () => client.call('distribution.fairness', input),
    placeholderData: (previous) => previous,
  });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('dashboard.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('dashboard.subtitle')}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <SegmentedControl
            aria-label={t('dashboard.period')}
            value={String(days)}
            onChange={(value) => setDays(Number(value))}
            data={PRESETS.map((n) => ({ value: String(n), label: t('dashboard.days', { count: n }) }))}
          />
          <Text size="xs" c="dimmed">
            {t('dashboard.range', input)}
          </Text>
        </Stack>
      </Group>
      {summary.isError ? (
        <Alert color="red">{t('dashboard.loadFailed', { message: summary.error.message })}</Alert>
      ) : summary.data === undefined ? (
        <Loader />
      ) : (
        <>
          <FunnelSection summary={summary.data} />
          <SlaSection summary={summary.data} />
          <FairnessSection summary={summary.data} fairness={fairness.data} />
          <NewLeadsChart summary={summary.data} />
        </>
      )}
    </Stack>
  );
}

export function DashboardPage() {
  const { t } = useDashboardTranslation();
  const status = useWorkspaceStatus();
  if (status.data === undefined) return <Loader />;
  if (status.data.actor.role !== 'lead') {
    return (
      <Stack gap="md">
        <Title order={2}>{t('dashboard.title')}</Title>
        <Alert color="blue" data-testid="dashboard-lead-only">
          {t('dashboard.leadOnly')}
        </Alert>
      </Stack>
    );
  }
  return <TeamLeadDashboard />;
}

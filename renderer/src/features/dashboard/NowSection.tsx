// "现在 / Now": leads per stage this moment, overdue clocks, and capacity against the caps — whatever the period.
import { Grid, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { CallOutput } from '../../../../core/api/contract';
import { isOpenStage } from '../../../../core/domain/funnel';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useFunnelStages } from '../funnel/stage-labels';
import { useDashboardTranslation } from './bundle';
import { formatFigure } from './dashboard-format';
import { CountLink } from './DrillContext';
import { Figure } from './Figure';

type DashboardNow = CallOutput<'dashboard.now'>;

function Capacity({ now }: { now: DashboardNow }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const { capacity } = now;
  return (
    <Paper withBorder radius="md" p="md" data-testid="dashboard-capacity">
      <Text fw={600} mb="xs">
        {t('dashboard.now.capacity')}
      </Text>
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.now.tier')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.now.reps')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.now.openLoad')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.now.cap')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {capacity.tiers.map((tier) => (
            <Table.Tr key={tier.tier} data-tier={tier.tier}>
              <Table.Td>{t(`dashboard.filters.${tier.tier}`)}</Table.Td>
              <Table.Td ta="right">{formatNumber(tier.reps, language)}</Table.Td>
              <Table.Td ta="right">
                <CountLink
                  count={tier.openLoad}
                  label={t('dashboard.now.openLoadOfTier', { tier: t(`dashboard.filters.${tier.tier}`) })}
                  request={{ metric: 'open_load', tier: tier.tier }}
                  testId={`now-open-load-${tier.tier}`}
                />
              </Table.Td>
              <Table.Td ta="right">
                {formatNumber(tier.cap, language)}
                {tier.uncappedReps > 0 && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {t('dashboard.now.uncapped', { count: tier.uncappedReps })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={3} mt="sm">
        <div>
          <Text size="xs" c="dimmed">
            {t('dashboard.now.inflow')}
          </Text>
          <Text fw={600}>{formatFigure(capacity.inflowPerDay, language)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('dashboard.now.freeRoom')}
          </Text>
          <Text fw={600}>{formatNumber(capacity.freeRoom, language)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('dashboard.now.daysToFill')}
          </Text>
          <Text fw={600} data-testid="dashboard-days-to-fill">
            {capacity.daysToFill !== null
              ? capacity.daysToFill < 0.5
                ? t('dashboard.now.daysToFillUnderOne')
                : t('dashboard.now.daysToFillValue', { count: Math.round(capacity.daysToFill) })
              : capacity.inflowPerDay === 0
                ? t('dashboard.now.noInflow')
                : t('dashboard.now.unbounded')}
          </Text>
        </div>
      </SimpleGrid>
    </Paper>
  );
}

export function NowSection({ now }: { now: DashboardNow }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const stages = useFunnelStages();
  return (
    <Stack gap="sm" component="section" aria-labelledby="dashboard-now-title">
      <div>
        <Title order={3} size="h3" id="dashboard-now-title">
          {t('dashboard.now.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('dashboard.now.hint')}
        </Text>
      </div>
      <Text fw={600} size="sm">
        {t('dashboard.now.stages')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" data-testid="dashboard-funnel">
        {stages.shown.map((stage) => {
          const count = now.stageCounts[stage.key] ?? 0;
          return (
            <Figure
              key={stage.key}
              testId={`funnel-stage-${stage.key}`}
              label={stage.label}
              value={
                <CountLink
                  count={count}
                  label={stage.label}
                  request={{ metric: 'stage_now', stage: stage.key }}
                >
                  {formatNumber(count, language)}
                </CountLink>
              }
              hint={isOpenStage(stage.key) ? undefined : t('dashboard.now.allTime')}
            />
          );
        })}
      </SimpleGrid>
      {/* The two overdue counts stacked beside the wider capacity table (side by side with it, each stretched to
          the table's height, mostly empty). */}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Stack gap="sm">
            <Figure
              testId="dashboard-overdue-first-contact"
              label={t('dashboard.now.overdueFirstContact')}
              value={
                <CountLink
                  count={now.overdueFirstContact}
                  label={t('dashboard.now.overdueFirstContact')}
                  request={{ metric: 'overdue_first_contact' }}
                />
              }
              hint={t('dashboard.now.overdueHint')}
            />
            <Figure
              testId="dashboard-overdue-follow-up"
              label={t('dashboard.now.overdueFollowUp')}
              value={
                <CountLink
                  count={now.overdueFollowUp}
                  label={t('dashboard.now.overdueFollowUp')}
                  request={{ metric: 'overdue_follow_up' }}
                />
              }
              hint={t('dashboard.now.overdueHint')}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <Capacity now={now} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

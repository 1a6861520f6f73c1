// The KPI row of "本期 / This period": response time, conversion, loss, balance and satisfaction, each with its
// target, the period before, a sparkline, its definition on hover, and counts that open the leads behind them.
import { Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { CallOutput } from '../../../../core/api/contract';
import type { Language } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useDashboardTranslation } from './bundle';
import { formatFigure, formatShare, hitsOf } from './dashboard-format';
import { CountLink, CountsLine } from './DrillContext';
import { BalanceByGrade } from './BalanceByGrade';
import { Figure } from './Figure';
import { GRADE_KEYS, GradeTable, Trend, Verdict } from './KpiParts';
import { ResponseCard } from './ResponseCard';

export type KpiRow = CallOutput<'dashboard.kpis'>;

function ConversionCard({ row }: { row: KpiRow }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const { current, previous, byGrade } = row.conversion;
  const share = (value: number | null) => formatShare(value, language);
  return (
    <Figure
      testId="kpi-conversion"
      label={t('dashboard.kpi.conversion.title')}
      definition={t('dashboard.kpi.conversion.definition')}
      value={share(current.wonOfArrived.value)}
      hint={
        <Stack gap={0}>
          {/* Each line's counts are the two sides of its share, so a reader's own division gives the figure. */}
          <CountsLine
            testId="kpi-conversion-arrivals"
            i18nKey="dashboard.kpi.conversion.wonOfArrived"
            counts={{
              won: {
                count: hitsOf(current.wonOfArrived),
                label: t('dashboard.kpi.conversion.won'),
                request: { metric: 'won' },
                testId: 'kpi-won',
              },
              arrived: {
                count: current.arrived,
                label: t('dashboard.kpi.conversion.arrived'),
                request: { metric: 'arrived' },
                testId: 'kpi-arrived',
              },
            }}
          />
          <CountsLine
            testId="kpi-conversion-closures"
            i18nKey="dashboard.kpi.conversion.wonOfClosed"
            values={{ share: share(current.wonOfClosed.value) }}
            counts={{
              won: {
                count: hitsOf(current.wonOfClosed),
                label: t('dashboard.kpi.conversion.wonClosed'),
                request: { metric: 'won_closed' },
                testId: 'kpi-won-closed',
              },
              closed: {
                count: current.closed,
                label: t('dashboard.kpi.conversion.closed'),
                request: { metric: 'closed' },
                testId: 'kpi-closed',
              },
            }}
          />
          <Text size="xs">
            {t('dashboard.kpi.target', { value: share(row.targets.conversion) })}{' '}
            <Verdict
              isMet={
                current.wonOfArrived.value === null
                  ? null
                  : current.wonOfArrived.value >= row.targets.conversion
              }
            />
          </Text>
          <Text size="xs" data-testid="kpi-conversion-previous">
            {t('dashboard.kpi.previous', { value: share(previous.wonOfArrived.value) })}
          </Text>
          <GradeTable
            headers={[
              t('dashboard.kpi.conversion.arrived'),
              t('dashboard.kpi.conversion.wonOfArrivedShare'),
              t('dashboard.kpi.conversion.wonOfClosedShare'),
            ]}
            testId="kpi-conversion-grades"
          >
            {GRADE_KEYS.filter((g) => byGrade[g].arrived + byGrade[g].closed > 0).map((grade) => {
              const label = t(`dashboard.balance.groups.${grade}`);
              return (
                <Table.Tr key={grade} data-grade={grade}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td ta="right">
                    <CountLink
                      count={byGrade[grade].arrived}
                      label={`${label} · ${t('dashboard.kpi.conversion.arrived')}`}
                      request={{ metric: 'arrived', grade }}
                    />
                  </Table.Td>
                  {/* The counts each share divides, on hover: the card has no room for them. */}
                  {[byGrade[grade].wonOfArrived, byGrade[grade].wonOfClosed].map((estimate, i) => (
                    <Table.Td
                      key={i}
                      ta="right"
                      title={t('dashboard.kpi.conversion.shareCounts', {
                        won: formatNumber(hitsOf(estimate), language),
                        n: formatNumber(estimate.n, language),
                      })}
                    >
                      {share(estimate.value)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </GradeTable>
        </Stack>
      }
    >
      <Trend data={row.conversion.series} testId="kpi-conversion-trend" />
    </Figure>
  );
}

function LossCard({ row }: { row: KpiRow }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const { current, previous } = row.loss;
  const parts = [
    ['lost', current.lost, 'kpi-lost'],
    ['recycled', current.recycled, 'kpi-recycled'],
    ['neverContacted', current.neverContacted, 'kpi-never-contacted'],
  ] as const;
  const metricOf = { lost: 'lost', recycled: 'recycled', neverContacted: 'never_contacted' } as const;
  return (
    <Figure
      testId="kpi-loss"
      label={t('dashboard.kpi.loss.title')}
      definition={t('dashboard.kpi.loss.definition')}
      value={
        <CountLink
          count={hitsOf(current.any)}
          label={t('dashboard.kpi.loss.title')}
          request={{ metric: 'any_loss' }}
        >
          {formatShare(current.any.value, language)}
        </CountLink>
      }
      hint={
        <Stack gap={0}>
          {parts.map(([key, estimate, testId]) => (
            <Group key={key} gap={4}>
              <Text size="xs">{t(`dashboard.kpi.loss.${key}`)}</Text>
              <Text size="xs" fw={600}>
                <CountLink
                  count={hitsOf(estimate)}
                  label={t(`dashboard.kpi.loss.${key}`)}
                  request={{ metric: metricOf[key] }}
                  testId={testId}
                />
              </Text>
              <Text size="xs" c="dimmed">
                {t('dashboard.kpi.inParentheses', { value: formatShare(estimate.value, language) })}
              </Text>
            </Group>
          ))}
          <Text size="xs">
            {t('dashboard.kpi.target', { value: `≤ ${formatShare(row.targets.lossRate, language)}` })}{' '}
            <Verdict isMet={current.any.value === null ? null : current.any.value <= row.targets.lossRate} />
          </Text>
          <Text size="xs" data-testid="kpi-loss-previous">
            {t('dashboard.kpi.previous', { value: formatShare(previous.any.value, language) })}
          </Text>
        </Stack>
      }
    >
      <Trend data={row.loss.series} testId="kpi-loss-trend" />
    </Figure>
  );
}

/** The balance in plain sentences, symbols and intervals in numbers a team lead can read out. */
export function describeBalance(
  t: TFunction,
  balance: Pick<KpiRow['balance'], 'groups' | 'newReps'>,
  language: Language,
): string[] {
  const two = (value: number | null) => formatFigure(value, language);
  const lines: string[] = [];
  for (const group of ['ab', 'all'] as const) {
    const g = balance.groups.find((entry) => entry.group === group);
    if (g === undefined) continue;
    const values = {
      n: formatNumber(g.leads, language),
      gini: two(g.gini.value),
      low: two(g.gini.low),
      high: two(g.gini.high),
    };
    // A sentence per group and verdict: "全部线索" takes no space where "A/B 线索" does, and "All" starts a sentence.
    lines.push(
      t(`dashboard.balance.readings.${group}.${g.verdict === 'too_few' ? 'tooFew' : g.verdict}`, values),
    );
    if (group === 'all' && g.verdict !== 'too_few') {
      lines.push(
        t('dashboard.balance.workload', {
          sd: two(g.stdDev.value),
          low: two(g.stdDev.low),
          high: two(g.stdDev.high),
        }),
      );
    }
  }
  const { newReps } = balance;
  const share = {
    share: formatShare(newReps.share.value, language),
    n: formatNumber(newReps.share.n, language),
    floor: formatShare(newReps.floor, language),
    low: formatShare(newReps.share.low, language),
    high: formatShare(newReps.share.high, language),
  };
  const key = {
    no_new_reps: 'newRepsNone',
    too_few: 'newRepsTooFew',
    at_or_above_floor: 'newRepsOk',
    below_floor_by_chance: 'newRepsBelowByChance',
    below_floor: 'newRepsBelow',
  }[newReps.verdict];
  lines.push(t(`dashboard.balance.${key}`, share));
  return lines;
}

/** The period before's Gini of A/B leads and of all leads, with their counts: "before: …". */
function previousBalance(t: TFunction, previous: KpiRow['balance']['previous'], language: Language): string {
  const of = (group: 'ab' | 'all') => previous.find((entry) => entry.group === group);
  const ab = of('ab');
  const all = of('all');
  return t('dashboard.kpi.balance.previous', {
    ab: formatFigure(ab?.gini ?? null, language),
    abN: formatNumber(ab?.leads ?? 0, language),
    all: formatFigure(all?.gini ?? null, language),
    allN: formatNumber(all?.leads ?? 0, language),
  });
}

/** All leads' Gini window by window through the period, with what a point is. */
function BalanceTrend({ row }: { row: KpiRow }) {
  const { t } = useDashboardTranslation();
  const { trend } = row.balance;
  if (!trend.some((point) => point.gini !== null)) return null;
  const isDaily = trend.every((point) => point.from === point.to);
  return (
    <div>
      <Trend data={trend.map((point) => point.gini)} testId="kpi-balance-trend" />
      <Text size="xs" c="dimmed">
        {t(isDaily ? 'dashboard.kpi.balance.trendDaily' : 'dashboard.kpi.balance.trendWeekly', {
          min: row.targets.balance.minSample,
        })}
      </Text>
    </div>
  );
}

function BalanceCard({ row }: { row: KpiRow }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  return (
    <Figure
      testId="kpi-balance"
      label={t('dashboard.kpi.balance.title')}
      definition={t('dashboard.kpi.balance.definition', { min: row.targets.balance.minSample })}
      value=""
      hint={
        <Stack gap={2}>
          <Stack gap={2} data-testid="fairness-readings">
            {describeBalance(t, row.balance, language).map((line) => (
              <Text key={line} size="xs">
                {line}
              </Text>
            ))}
          </Stack>
          <Text size="xs" data-testid="kpi-balance-target">
            {t('dashboard.kpi.balance.target', {
              value: formatFigure(row.targets.balance.giniAlarm, language),
            })}
          </Text>
          <Text size="xs" data-testid="kpi-balance-previous">
            {previousBalance(t, row.balance.previous, language)}
          </Text>
          <BalanceByGrade balance={row.balance} />
          <BalanceTrend row={row} />
        </Stack>
      }
    />
  );
}

function SatisfactionCard({ row }: { row: KpiRow }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const { latest, trend, change } = row.satisfaction;
  return (
    <Figure
      testId="kpi-satisfaction"
      label={t('dashboard.kpi.satisfaction.title')}
      definition={t('dashboard.kpi.satisfaction.definition', {
        target: formatFigure(row.targets.satisfaction, language),
      })}
      value={
        latest === null
          ? '—'
          : t('dashboard.kpi.satisfaction.value', { value: formatFigure(latest.value, language) })
      }
      hint={
        latest === null ? (
          t('dashboard.kpi.satisfaction.noAnswers')
        ) : (
          <Stack gap={0}>
            <Text size="xs" data-testid="kpi-satisfaction-count">
              {t('dashboard.kpi.satisfaction.count', { count: latest.n, month: latest.month })}
            </Text>
            {change !== null && (
              <Text size="xs">
                {t('dashboard.kpi.satisfaction.change', {
                  value: `${change >= 0 ? '+' : ''}${formatFigure(change, language)}`,
                })}
              </Text>
            )}
            <Text size="xs">
              {t('dashboard.kpi.target', { value: `> ${formatFigure(row.targets.satisfaction, language)}` })}{' '}
              <Verdict isMet={latest.value === null ? null : latest.value > row.targets.satisfaction} />
            </Text>
          </Stack>
        )
      }
    >
      <Trend data={trend.map((m) => m.average)} testId="kpi-satisfaction-trend" />
    </Figure>
  );
}

export function KpiCards({ row }: { row: KpiRow }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm" data-testid="kpi-row">
      <ResponseCard row={row} />
      <ConversionCard row={row} />
      <LossCard row={row} />
      <BalanceCard row={row} />
      <SatisfactionCard row={row} />
    </SimpleGrid>
  );
}

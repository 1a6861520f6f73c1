// The response-time card: the period's median first contact with its mean and p90, the share reached within target
// with the hand-overs it divides, and each grade's median against that grade's own target (the trade's first KPI is
// the A leads' five minutes; a D lead's day is a different promise, so one median is never judged by another's target).
import { Stack, Table, Text } from '@mantine/core';
import { formatNumber, labelColon } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useDashboardTranslation } from './bundle';
import { formatMinutes, formatShare, hitsOf } from './dashboard-format';
import { CountLink, useDrillQuery } from './DrillContext';
import { Figure } from './Figure';
import { HandOversText, responseLogLink } from './HandOversLink';
import type { KpiRow } from './KpiCards';
import { GRADE_KEYS, GradeTable, Trend, Verdict } from './KpiParts';

export function ResponseCard({ row }: { row: KpiRow }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const query = useDrillQuery();
  const { current, previous, byGrade } = row.response;
  const minutes = (value: number | null) => formatMinutes(value, language, t);
  const a = byGrade.A;
  const grades = GRADE_KEYS.filter((grade) => byGrade[grade].assigned > 0);
  return (
    <Figure
      testId="kpi-response"
      label={t('dashboard.kpi.response.title')}
      definition={t('dashboard.kpi.response.definition', { a: row.targets.responseMinutes.A })}
      value={minutes(current.medianMinutes)}
      hint={
        <Stack gap={0}>
          {current.contacted > 0 && (
            <Text size="xs" data-testid="kpi-response-spread">
              {t('dashboard.kpi.response.spread', {
                median: minutes(current.medianMinutes),
                mean: minutes(current.meanMinutes),
                p90: minutes(current.p90Minutes),
              })}
            </Text>
          )}
          <Text size="xs" data-testid="kpi-response-within">
            {/* With the two counts it divides, so a reader's own division gives the share; each opens its rows. */}
            <HandOversText
              i18nKey="dashboard.kpi.response.within"
              values={{ value: formatShare(current.withinTarget.value, language) }}
              counts={{
                hits: {
                  count: hitsOf(current.withinTarget),
                  link: responseLogLink(query, 'within'),
                  testId: 'kpi-response-hits',
                },
                n: {
                  count: current.withinTarget.n,
                  link: responseLogLink(query, 'decided'),
                  testId: 'kpi-response-n',
                },
              }}
            />
          </Text>
          {a.medianMinutes !== null && (
            <Text size="xs" data-testid="kpi-response-a">
              {t('dashboard.kpi.response.gradeA', {
                median: minutes(a.medianMinutes),
                target: minutes(row.targets.responseMinutes.A),
              })}{' '}
              <Verdict isMet={a.medianMinutes <= row.targets.responseMinutes.A} />
            </Text>
          )}
          <Text size="xs" data-testid="kpi-response-previous">
            {t('dashboard.kpi.previous', { value: minutes(previous.medianMinutes) })}
          </Text>
          <Text size="xs">
            {t('dashboard.kpi.response.notContacted')}
            {labelColon(language)}
            <CountLink
              count={row.response.notContactedLeads}
              label={t('dashboard.kpi.response.notContacted')}
              request={{ metric: 'not_contacted' }}
              testId="kpi-not-contacted"
            />
          </Text>
          {grades.length > 0 && (
            <GradeTable
              headers={[
                t('dashboard.kpi.response.target'),
                t('dashboard.kpi.response.medianShort'),
                t('dashboard.kpi.response.withinShort'),
              ]}
              testId="kpi-response-grades"
              // "24 小时" on one line: the card is narrow at 1280 px and a wrapped duration reads as two figures.
              isNoWrap
            >
              {grades.map((grade) => {
                const figures = byGrade[grade];
                return (
                  <Table.Tr key={grade} data-grade={grade}>
                    <Table.Td>{t(`dashboard.balance.groups.${grade}`)}</Table.Td>
                    <Table.Td ta="right">{minutes(row.targets.responseMinutes[grade])}</Table.Td>
                    <Table.Td ta="right">{minutes(figures.medianMinutes)}</Table.Td>
                    {/* The counts the share divides, on hover: the card has no room for them. */}
                    <Table.Td
                      ta="right"
                      title={t('dashboard.kpi.response.withinCounts', {
                        hits: formatNumber(hitsOf(figures.withinTarget), language),
                        n: formatNumber(figures.withinTarget.n, language),
                      })}
                    >
                      {formatShare(figures.withinTarget.value, language)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </GradeTable>
          )}
        </Stack>
      }
    >
      <Trend data={row.response.series} testId="kpi-response-trend" />
    </Figure>
  );
}

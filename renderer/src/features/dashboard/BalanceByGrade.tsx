// The balance card's table of each grade: how many leads, their Gini and what it says — "too few" below the sample
// a verdict needs — with each figure's interval, the per-rep σ and the period before's Gini on hover.
import { Table, Text } from '@mantine/core';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useDashboardTranslation } from './bundle';
import { formatFigure } from './dashboard-format';
import type { KpiRow } from './KpiCards';
import { GRADE_KEYS, GradeTable } from './KpiParts';

export function BalanceByGrade({ balance }: { balance: KpiRow['balance'] }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const two = (value: number | null) => formatFigure(value, language);
  const rows = GRADE_KEYS.flatMap((grade) => {
    const group = balance.groups.find((entry) => entry.group === grade);
    const before = balance.previous.find((entry) => entry.group === grade);
    return group === undefined || group.leads === 0 ? [] : [{ grade, group, before }];
  });
  if (rows.length === 0) return null;
  return (
    <GradeTable
      headers={[
        t('dashboard.balance.byGrade.leads'),
        t('dashboard.balance.byGrade.gini'),
        t('dashboard.balance.byGrade.reading'),
      ]}
      testId="kpi-balance-grades"
    >
      {rows.map(({ grade, group, before }) => (
        <Table.Tr
          key={grade}
          data-grade={grade}
          title={t('dashboard.balance.byGrade.detail', {
            gini: two(group.gini.value),
            low: two(group.gini.low),
            high: two(group.gini.high),
            sd: two(group.stdDev.value),
            sdLow: two(group.stdDev.low),
            sdHigh: two(group.stdDev.high),
            before: two(before?.gini ?? null),
            beforeN: formatNumber(before?.leads ?? 0, language),
          })}
        >
          <Table.Td>{t(`dashboard.balance.groups.${grade}`)}</Table.Td>
          <Table.Td ta="right">{formatNumber(group.leads, language)}</Table.Td>
          <Table.Td ta="right">{two(group.gini.value)}</Table.Td>
          <Table.Td ta="right">
            <Text span size="xs" c={group.verdict === 'uneven' ? 'red.7' : undefined}>
              {t(`dashboard.balance.byGrade.verdict.${group.verdict}`)}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </GradeTable>
  );
}

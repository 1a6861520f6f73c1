// Score calibration on demand: per grade and score band, the share of the period's closed leads that was won,
// beside what the learned model predicted for them.
import { Button, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient } from '../../api/client-context';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useDashboardTranslation } from './bundle';
import { formatShare } from './dashboard-format';
import type { KpiQuery } from './dashboard-queries';
import { DefinitionTooltip } from './DefinitionTooltip';

export function CalibrationTable({ query }: { query: KpiQuery }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const client = useClient();
  const [isShown, setShown] = useState(false);
  const calibration = useQuery({
    queryKey: ['leads', 'dashboard', 'calibration', query],
    queryFn: () => client.call('dashboard.calibration', query),
    enabled: isShown,
  });
  const h = (key: string) => t(`dashboard.calibration.${key}`);
  return (
    <Paper withBorder radius="md" p="md" data-testid="dashboard-calibration">
      <DefinitionTooltip definition={h('definition')}>
        <Text fw={600} tabIndex={0} mb="xs">
          {h('title')} ⓘ
        </Text>
      </DefinitionTooltip>
      {!isShown ? (
        <Button className="fl-print-hide" variant="default" size="xs" onClick={() => setShown(true)}>
          {h('show')}
        </Button>
      ) : calibration.data === undefined ? (
        <Text c="dimmed">…</Text>
      ) : (
        <>
          {!calibration.data.hasModel && (
            <Text size="sm" c="dimmed" mb="xs">
              {h('noModel')}
            </Text>
          )}
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{h('grade')}</Table.Th>
                <Table.Th>{h('band')}</Table.Th>
                <Table.Th ta="right">{h('closed')}</Table.Th>
                <Table.Th ta="right">{h('won')}</Table.Th>
                <Table.Th ta="right">{h('predicted')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calibration.data.cells.map((cell) => (
                <Table.Tr key={`${cell.grade}-${cell.bandFrom}`}>
                  <Table.Td>{t(`dashboard.balance.groups.${cell.grade}`)}</Table.Td>
                  <Table.Td>
                    {cell.bandFrom === null ? h('unscored') : `${cell.bandFrom}–${cell.bandFrom + 20}`}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(cell.converted.n, language)}</Table.Td>
                  <Table.Td ta="right">{formatShare(cell.converted.value, language)}</Table.Td>
                  <Table.Td ta="right">{formatShare(cell.predicted, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  );
}

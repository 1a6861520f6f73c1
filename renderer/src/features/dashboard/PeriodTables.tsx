// The period's tables: funnel flow, per source with ROI, per rep (RepsTable.tsx); each exportable, counts clickable.
import { Stack, Table } from '@mantine/core';
import { formatFen, formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useFunnelStages } from '../funnel/stage-labels';
import { useDashboardTranslation } from './bundle';
import { formatDays, formatShare } from './dashboard-format';
import { CountLink } from './DrillContext';
import type { KpiRow } from './KpiCards';
import { RepsTable } from './RepsTable';
import { TableCard } from './TableCard';

/** Column headers: the first (a name) left, the figures right. */
function HeaderRow({ headers }: { headers: readonly string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {headers.map((header, i) => (
          <Table.Th key={header} ta={i === 0 ? undefined : 'right'}>
            {header}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

function FlowTable({ row }: { row: KpiRow }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const stages = useFunnelStages();
  const headers = [
    t('dashboard.flow.stage'),
    t('dashboard.flow.reached'),
    t('dashboard.flow.toNext'),
    t('dashboard.flow.averageDays'),
  ];
  const cells = row.funnel.map((step) => [
    stages.label(step.stage),
    step.reached,
    formatShare(step.toNext, language),
    formatDays(step.averageDays, language),
  ]);
  return (
    <TableCard
      title={t('dashboard.flow.title')}
      definition={t('dashboard.flow.definition')}
      table={{ name: 'funnel-flow', headers, rows: cells }}
      testId="dashboard-flow"
    >
      <Table striped verticalSpacing={4} data-testid="dashboard-flow">
        <HeaderRow headers={headers} />
        <Table.Tbody>
          {cells.map((cell, i) => {
            const step = row.funnel[i];
            return (
              <Table.Tr key={step?.stage}>
                {cell.map((value, j) => (
                  <Table.Td key={j} ta={j === 0 ? undefined : 'right'}>
                    {/* The arrivals that reached the stage open as the funnel chart's bar does. */}
                    {j === 1 && step !== undefined ? (
                      <CountLink
                        count={step.reached}
                        label={t('dashboard.charts.funnel.bar', {
                          stage: stages.label(step.stage),
                          reached: formatNumber(step.reached, language),
                        })}
                        request={{ metric: 'reached', stage: step.stage }}
                      />
                    ) : typeof value === 'number' ? (
                      formatNumber(value, language)
                    ) : (
                      value
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableCard>
  );
}

function SourcesTable({ row }: { row: KpiRow }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const h = (key: string) => t(`dashboard.sources.${key}`);
  const headers = [
    h('source'),
    h('leads'),
    h('cost'),
    h('costPerLead'),
    h('won'),
    h('conversion'),
    h('revenue'),
    h('roi'),
  ];
  const roiOf = (c: KpiRow['channels'][number]) =>
    c.roi === null ? h('noCost') : formatShare(c.roi, language);
  const cells = row.channels.map((c) => [
    c.source ?? h('none'),
    c.leads,
    formatFen(c.costFen, language),
    c.costPerLeadFen === null ? '—' : formatFen(c.costPerLeadFen, language),
    c.won,
    formatShare(c.conversion.value, language),
    formatFen(c.revenueFen, language),
    roiOf(c),
  ]);
  return (
    <TableCard
      title={h('title')}
      definition={h('definition')}
      table={{ name: 'by-source', headers, rows: cells }}
      testId="dashboard-sources"
    >
      <Table striped verticalSpacing={4} data-testid="dashboard-sources">
        <HeaderRow headers={headers} />
        <Table.Tbody>
          {row.channels.map((c, i) => {
            const name = String(cells[i]?.[0]);
            return (
              <Table.Tr key={c.source ?? ''} data-source={c.source ?? ''}>
                <Table.Td>{name}</Table.Td>
                <Table.Td ta="right" data-column="leads">
                  <CountLink
                    count={c.leads}
                    label={name}
                    request={{ metric: 'arrived', channel: { source: c.source } }}
                  />
                </Table.Td>
                <Table.Td ta="right">{cells[i]?.[2]}</Table.Td>
                <Table.Td ta="right">{cells[i]?.[3]}</Table.Td>
                <Table.Td ta="right" data-column="won">
                  <CountLink
                    count={c.won}
                    label={`${name} · ${h('won')}`}
                    request={{ metric: 'won', channel: { source: c.source } }}
                  />
                </Table.Td>
                <Table.Td ta="right">{cells[i]?.[5]}</Table.Td>
                <Table.Td ta="right">{cells[i]?.[6]}</Table.Td>
                <Table.Td ta="right" data-column="roi">
                  {cells[i]?.[7]}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableCard>
  );
}

export function PeriodTables({ row }: { row: KpiRow }) {
  return (
    <Stack gap="sm">
      <FlowTable row={row} />
      <SourcesTable row={row} />
      <RepsTable row={row} />
    </Stack>
  );
}

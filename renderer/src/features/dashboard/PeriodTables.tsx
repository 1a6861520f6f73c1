// The period's tables: funnel flow, per source with ROI, per rep (sortable); each exportable, counts clickable.
import { Group, Paper, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { formatFen, formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useFunnelStages } from '../funnel/stage-labels';
import { useDashboardTranslation } from './bundle';
import { formatDays, formatMinutes, formatShare, hitsOf } from './dashboard-format';
import { CountLink, useDrillQuery } from './DrillContext';
import { HandOversLink, responseLogLink } from './HandOversLink';
import { ExportMenu, type ExportableTable } from './ExportMenu';
import type { KpiRow } from './KpiCards';

function TableCard({
  title,
  definition,
  table,
  testId,
  children,
}: {
  title: string;
  definition?: string | undefined;
  table: ExportableTable;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs">
        {definition === undefined ? (
          <Text fw={600}>{title}</Text>
        ) : (
          <Tooltip
            label={definition}
            multiline
            w={360}
            withArrow
            events={{ hover: true, focus: true, touch: true }}
          >
            <Text fw={600} tabIndex={0}>
              {title} ⓘ
            </Text>
          </Tooltip>
        )}
        <ExportMenu table={table} testId={`${testId}-export`} />
      </Group>
      <Table.ScrollContainer minWidth={560}>{children}</Table.ScrollContainer>
    </Paper>
  );
}

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

type RepRow = KpiRow['reps'][number];
type RepColumn =
  'name' | 'leads' | 'openLoad' | 'response' | 'within' | 'followUps' | 'conversion' | 'revenue';

const SORT_VALUE: Record<RepColumn, (rep: RepRow) => number | string | null> = {
  name: (rep) => rep.name,
  leads: (rep) => rep.leads,
  openLoad: (rep) => rep.openLoad,
  response: (rep) => rep.responseMedianMinutes,
  within: (rep) => rep.withinTarget.value,
  followUps: (rep) => rep.followUps,
  conversion: (rep) => rep.conversion,
  revenue: (rep) => rep.revenueFen,
};

/** Sorts nulls last whichever the direction, names in Chinese collation. */
export function sortReps(reps: readonly RepRow[], column: RepColumn, direction: 'asc' | 'desc'): RepRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...reps].sort((a, b) => {
    const x = SORT_VALUE[column](a);
    const y = SORT_VALUE[column](b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x - Number(y);
    return order * sign || a.repId.localeCompare(b.repId);
  });
}

function RepsTable({ row }: { row: KpiRow }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const query = useDrillQuery();
  const [sort, setSort] = useState<{ column: RepColumn; direction: 'asc' | 'desc' }>({
    column: 'leads',
    direction: 'desc',
  });
  const h = (key: string) => t(`dashboard.reps.${key}`);
  const columns: [RepColumn, string][] = [
    ['name', h('rep')],
    ['leads', h('leads')],
    ['openLoad', h('openLoad')],
    ['response', h('response')],
    ['within', h('within')],
    ['followUps', h('followUps')],
    ['conversion', h('conversion')],
    ['revenue', h('revenue')],
  ];
  const reps = sortReps(row.reps, sort.column, sort.direction);
  const cells = reps.map((rep) => [
    rep.name,
    rep.leads,
    `${formatNumber(rep.openLoad, language)} / ${rep.cap === null ? '—' : formatNumber(rep.cap, language)}`,
    formatMinutes(rep.responseMedianMinutes, language, t),
    formatShare(rep.withinTarget.value, language),
    rep.followUps,
    formatShare(rep.conversion, language),
    formatFen(rep.revenueFen, language),
  ]);
  const headers = columns.map(([, label]) => label);
  // The file reads like the screen: each share with the counts it divides, as the cells show them beside it.
  const withCounts = (value: string | number, estimate: { hits: number; n: number }) =>
    estimate.n === 0 ? value : `${value} (${estimate.hits}/${estimate.n})`;
  const exported = cells.map((cell, i) => {
    const rep = reps[i];
    if (rep === undefined) return cell;
    return cell.map((value, j) =>
      j === 4
        ? withCounts(value, { hits: hitsOf(rep.withinTarget), n: rep.withinTarget.n })
        : j === 6
          ? withCounts(value, { hits: rep.won, n: rep.closed })
          : value,
    );
  });
  return (
    <TableCard title={h('title')} table={{ name: 'by-rep', headers, rows: exported }} testId="dashboard-reps">
      <Table striped verticalSpacing={4} data-testid="dashboard-reps">
        <Table.Thead>
          <Table.Tr>
            {columns.map(([column, label], i) => (
              <Table.Th key={column} ta={i === 0 ? undefined : 'right'}>
                <UnstyledButton
                  aria-label={t('dashboard.reps.sortBy', { column: label })}
                  data-sort={sort.column === column ? sort.direction : undefined}
                  onClick={() =>
                    setSort((s) => ({
                      column,
                      direction: s.column === column && s.direction === 'desc' ? 'asc' : 'desc',
                    }))
                  }
                >
                  <Text size="sm" fw={600}>
                    {label}
                    {sort.column === column ? (sort.direction === 'desc' ? ' ↓' : ' ↑') : ''}
                  </Text>
                </UnstyledButton>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reps.map((rep, i) => (
            <Table.Tr key={rep.repId} data-rep-id={rep.repId}>
              {cells[i]?.map((value, j) => (
                <Table.Td
                  key={j}
                  ta={j === 0 ? undefined : 'right'}
                  // A rep's name on one line ("Kevin Zhou"): the long headers take the wrapping.
                  style={j === 0 ? { whiteSpace: 'nowrap' } : undefined}
                  data-column={columns[j]?.[0]}
                >
                  {j === 1 ? (
                    <CountLink
                      count={rep.leads}
                      label={rep.name}
                      request={{ metric: 'handed_over', repId: rep.repId }}
                    />
                  ) : j === 2 ? (
                    <>
                      <CountLink
                        count={rep.openLoad}
                        label={t('dashboard.now.openLoadOfRep', { name: rep.name })}
                        request={{ metric: 'open_load', repId: rep.repId }}
                      />
                      {` / ${rep.cap === null ? '—' : formatNumber(rep.cap, language)}`}
                    </>
                  ) : j === 4 ? (
                    <>
                      {value}
                      {rep.withinTarget.n > 0 && (
                        // The two counts the share divides, each opening its hand-overs in the history.
                        <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {' ('}
                          <HandOversLink
                            count={hitsOf(rep.withinTarget)}
                            link={responseLogLink(query, 'within', rep.repId)}
                          />
                          {'/'}
                          <HandOversLink
                            count={rep.withinTarget.n}
                            link={responseLogLink(query, 'decided', rep.repId)}
                          />
                          {')'}
                        </Text>
                      )}
                    </>
                  ) : j === 6 ? (
                    <>
                      {value}
                      {rep.closed > 0 && (
                        // Won of closed, each opening its leads, as the conversion card's counts do.
                        <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {' ('}
                          <CountLink
                            count={rep.won}
                            label={`${rep.name} · ${t('dashboard.kpi.conversion.wonClosed')}`}
                            request={{ metric: 'won_closed', repId: rep.repId }}
                          />
                          {'/'}
                          <CountLink
                            count={rep.closed}
                            label={`${rep.name} · ${t('dashboard.kpi.conversion.closed')}`}
                            request={{ metric: 'closed', repId: rep.repId }}
                          />
                          {')'}
                        </Text>
                      )}
                    </>
                  ) : typeof value === 'number' ? (
                    formatNumber(value, language)
                  ) : (
                    value
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
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

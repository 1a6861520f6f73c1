// The period's per-rep table, sortable by any column: leads received in all and by grade, open load against the cap,
// response time, the share within target and won of closed with the counts they divide, each count a link to what is
// behind it.
import { Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { formatFen, formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useDashboardTranslation } from './bundle';
import { formatMinutes, formatShare, hitsOf } from './dashboard-format';
import { CountLink, useDrillQuery } from './DrillContext';
import { HandOversLink, responseLogLink } from './HandOversLink';
import type { KpiRow } from './KpiCards';
import { TableCard } from './TableCard';

type RepRow = KpiRow['reps'][number];
type GradeKey = keyof RepRow['leadsByGrade'];
const GRADES = ['A', 'B', 'C', 'D', 'ungraded'] as const satisfies readonly GradeKey[];
type GradeColumn = `grade${GradeKey}`;
type RepColumn =
  | 'name'
  | 'leads'
  | GradeColumn
  | 'openLoad'
  | 'response'
  | 'within'
  | 'followUps'
  | 'conversion'
  | 'revenue';

const gradeColumnOf = (grade: GradeKey): GradeColumn => `grade${grade}`;
const gradeOfColumn = (column: RepColumn | undefined): GradeKey | undefined =>
  GRADES.find((grade) => gradeColumnOf(grade) === column);

const SORT_VALUE: Record<RepColumn, (rep: RepRow) => number | string | null> = {
  name: (rep) => rep.name,
  leads: (rep) => rep.leads,
  gradeA: (rep) => rep.leadsByGrade.A,
  gradeB: (rep) => rep.leadsByGrade.B,
  gradeC: (rep) => rep.leadsByGrade.C,
  gradeD: (rep) => rep.leadsByGrade.D,
  gradeungraded: (rep) => rep.leadsByGrade.ungraded,
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

/** A share and, when it has a base, the two counts it divides: "86.7% (26/30)". */
function ShareWithCounts({
  share,
  n,
  hits,
  of,
}: {
  share: string | number;
  n: number;
  hits: React.ReactNode;
  of: React.ReactNode;
}) {
  return (
    <>
      {share}
      {n > 0 && (
        <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {' ('}
          {hits}
          {'/'}
          {of}
          {')'}
        </Text>
      )}
    </>
  );
}

export function RepsTable({ row }: { row: KpiRow }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const query = useDrillQuery();
  const [sort, setSort] = useState<{ column: RepColumn; direction: 'asc' | 'desc' }>({
    column: 'leads',
    direction: 'desc',
  });
  const h = (key: string) => t(`dashboard.reps.${key}`);
  // Leads of no grade get a column only when some rep received one.
  const grades = GRADES.filter(
    (grade) => grade !== 'ungraded' || row.reps.some((rep) => rep.leadsByGrade.ungraded > 0),
  );
  /** A grade's column, in full (sorting, the exported file) and as its short header under "Leads received". */
  const gradeTitle = (grade: GradeKey) =>
    grade === 'ungraded' ? h('leadsUngraded') : t('dashboard.reps.leadsOfGrade', { grade });
  const shortHeader = (column: RepColumn) => {
    const grade = gradeOfColumn(column);
    if (grade !== undefined) return grade === 'ungraded' ? h('ungraded') : grade;
    return column === 'leads' ? h('leadsAll') : undefined;
  };
  const columns: [RepColumn, string][] = [
    ['name', h('rep')],
    ['leads', h('leads')],
    ...grades.map((grade): [RepColumn, string] => [gradeColumnOf(grade), gradeTitle(grade)]),
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
    ...grades.map((grade) => rep.leadsByGrade[grade]),
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
    return cell.map((value, j) => {
      const column = columns[j]?.[0];
      if (column === 'within')
        return withCounts(value, { hits: hitsOf(rep.withinTarget), n: rep.withinTarget.n });
      if (column === 'conversion') return withCounts(value, { hits: rep.won, n: rep.closed });
      return value;
    });
  });
  /** A cell as the screen shows it: counts are links to what is behind them. */
  const cellOf = (rep: RepRow, column: RepColumn | undefined, value: string | number) => {
    const grade = gradeOfColumn(column);
    if (grade !== undefined)
      return (
        <CountLink
          count={rep.leadsByGrade[grade]}
          label={`${rep.name} · ${gradeTitle(grade)}`}
          request={{ metric: 'handed_over', repId: rep.repId, grade }}
        />
      );
    switch (column) {
      case 'leads':
        return (
          <CountLink
            count={rep.leads}
            label={rep.name}
            request={{ metric: 'handed_over', repId: rep.repId }}
          />
        );
      case 'openLoad':
        return (
          <>
            <CountLink
              count={rep.openLoad}
              label={t('dashboard.now.openLoadOfRep', { name: rep.name })}
              request={{ metric: 'open_load', repId: rep.repId }}
            />
            {` / ${rep.cap === null ? '—' : formatNumber(rep.cap, language)}`}
          </>
        );
      case 'within':
        // The two counts the share divides, each opening its hand-overs in the history.
        return (
          <ShareWithCounts
            share={value}
            n={rep.withinTarget.n}
            hits={
              <HandOversLink
                count={hitsOf(rep.withinTarget)}
                link={responseLogLink(query, 'within', rep.repId)}
              />
            }
            of={
              <HandOversLink count={rep.withinTarget.n} link={responseLogLink(query, 'decided', rep.repId)} />
            }
          />
        );
      case 'conversion':
        // Won of closed, each opening its leads, as the conversion card's counts do.
        return (
          <ShareWithCounts
            share={value}
            n={rep.closed}
            hits={
              <CountLink
                count={rep.won}
                label={`${rep.name} · ${t('dashboard.kpi.conversion.wonClosed')}`}
                request={{ metric: 'won_closed', repId: rep.repId }}
              />
            }
            of={
              <CountLink
                count={rep.closed}
                label={`${rep.name} · ${t('dashboard.kpi.conversion.closed')}`}
                request={{ metric: 'closed', repId: rep.repId }}
              />
            }
          />
        );
      default:
        return typeof value === 'number' ? formatNumber(value, language) : value;
    }
  };
  /** A header that sorts by its column; `label` names the column in full for a screen reader. */
  const sortButton = (column: RepColumn, label: string, text: string) => (
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
      <Text size="sm" fw={600} style={text === label ? undefined : { whiteSpace: 'nowrap' }}>
        {text}
        {sort.column === column ? (sort.direction === 'desc' ? ' ↓' : ' ↑') : ''}
      </Text>
    </UnstyledButton>
  );
  return (
    <TableCard
      title={h('title')}
      definition={h('definition')}
      table={{ name: 'by-rep', headers, rows: exported }}
      testId="dashboard-reps"
    >
      <Table striped verticalSpacing={4} data-testid="dashboard-reps">
        <Table.Thead>
          <Table.Tr>
            {columns.map(([column, label], i) => {
              // "Leads received" heads its total and grade columns, whose own headers are on the second row.
              if (column === 'leads')
                return (
                  <Table.Th key="leads-group" colSpan={1 + grades.length} ta="center">
                    <Text size="sm" fw={600}>
                      {label}
                    </Text>
                  </Table.Th>
                );
              if (shortHeader(column) !== undefined) return null;
              return (
                <Table.Th key={column} rowSpan={2} ta={i === 0 ? undefined : 'right'}>
                  {sortButton(column, label, label)}
                </Table.Th>
              );
            })}
          </Table.Tr>
          <Table.Tr>
            {columns.map(([column, label]) => {
              const short = shortHeader(column);
              if (short === undefined) return null;
              return (
                <Table.Th key={column} ta="right">
                  {sortButton(column, column === 'leads' ? `${label} · ${short}` : label, short)}
                </Table.Th>
              );
            })}
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
                  {cellOf(rep, columns[j]?.[0], value)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableCard>
  );
}

// Pieces the KPI cards share: a sparkline of the period's days, a met / off-target verdict and a table per grade.
import { Sparkline } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDashboardTranslation } from './bundle';

export const GRADE_KEYS = ['A', 'B', 'C', 'D', 'ungraded'] as const;

export function Trend({ data, testId }: { data: readonly (number | null)[]; testId: string }) {
  if (!data.some((v) => v !== null)) return null;
  return (
    <div data-testid={testId}>
      <Sparkline
        h={36}
        data={[...data]}
        curveType="linear"
        connectNulls
        color="indigo.5"
        fillOpacity={0.2}
        mt={6}
      />
    </div>
  );
}

export function Verdict({ isMet }: { isMet: boolean | null }) {
  const { t } = useDashboardTranslation();
  if (isMet === null) return null;
  return (
    <Text span size="xs" c={isMet ? 'teal.7' : 'red.7'} fw={600}>
      {t(isMet ? 'dashboard.kpi.met' : 'dashboard.kpi.missed')}
    </Text>
  );
}

/**
 * A card's small table of figures per grade: an empty corner, the columns' headers right-aligned, and the rows
 * (`Table.Tr`s, one per grade) as given; `isNoWrap` keeps each cell on one line.
 */
export function GradeTable({
  headers,
  testId,
  isNoWrap = false,
  children,
}: {
  headers: readonly string[];
  testId: string;
  isNoWrap?: boolean;
  children: ReactNode;
}) {
  return (
    <Table
      verticalSpacing={0}
      horizontalSpacing={4}
      fz="xs"
      mt={4}
      data-testid={testId}
      style={isNoWrap ? { whiteSpace: 'nowrap' } : undefined}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          {headers.map((header) => (
            <Table.Th key={header} ta="right">
              {header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}

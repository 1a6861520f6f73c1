// Pieces the KPI cards share: a sparkline of the period's days and a met / off-target verdict.
import { Sparkline } from '@mantine/charts';
import { Text } from '@mantine/core';
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

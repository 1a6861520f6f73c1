// On the Leads page opened from a Dashboard count: says which count the list is showing, and leaves it.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useDashboardTranslation } from './bundle';
import { clearLeadsDrill, type LeadsDrill } from './leads-drill';

/** Counts of "Now" (stages, overdue clocks, open loads): the leads as they are, whatever period was chosen. */
const NOW_METRICS: ReadonlySet<string> = new Set([
  'stage_now',
  'overdue_first_contact',
  'overdue_follow_up',
  'open_load',
]);

export function LeadsDrillBanner({ drill }: { drill: LeadsDrill }) {
  const { t } = useDashboardTranslation();
  const { criteria } = drill;
  return (
    <Alert color="indigo" variant="light" p="xs" data-testid="leads-drill">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">
          {NOW_METRICS.has(criteria.metric)
            ? t('dashboard.drill.bannerNow', { label: drill.label })
            : t('dashboard.drill.banner', { label: drill.label, from: criteria.from, to: criteria.to })}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button component="a" href="#/dashboard" size="xs" variant="subtle">
            {t('dashboard.drill.back')}
          </Button>
          <Button size="xs" variant="default" onClick={clearLeadsDrill} data-testid="leads-drill-clear">
            {t('dashboard.drill.clear')}
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}

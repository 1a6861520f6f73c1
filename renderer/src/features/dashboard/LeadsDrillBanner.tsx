// On the Leads page opened from a Dashboard count: says which count the list is showing, and leaves it.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useDashboardTranslation } from './bundle';
import { clearLeadsDrill, type LeadsDrill } from './leads-drill';

export function LeadsDrillBanner({ drill }: { drill: LeadsDrill }) {
  const { t } = useDashboardTranslation();
  const { criteria } = drill;
  return (
    <Alert color="indigo" variant="light" p="xs" data-testid="leads-drill">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">
          {t('dashboard.drill.banner', { label: drill.label, from: criteria.from, to: criteria.to })}
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

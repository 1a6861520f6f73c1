// Shown while leads are ticked in the table: how many, what the team lead can do with them, and a way to let go.
import { Button, Group, Paper, Text } from '@mantine/core';
import { useMemo } from 'react';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { BulkDistributionActions, MAX_BULK_LEADS } from '../distribution/BulkDistributionActions';
import { useLeadsTranslation } from './bundle';

export function LeadSelectionBar({
  selected,
  onClear,
}: {
  selected: ReadonlySet<string>;
  onClear: () => void;
}) {
  const { t } = useLeadsTranslation();
  const language = useLanguage();
  const leadIds = useMemo(() => [...selected], [selected]);
  return (
    <Paper
      withBorder
      radius="md"
      px="md"
      py={6}
      bg="var(--mantine-color-indigo-light)"
      role="region"
      aria-label={t('leads.selection.barLabel')}
      data-testid="lead-selection-bar"
    >
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          <Text size="sm" fw={600} data-testid="lead-selection-count">
            {t('leads.selection.count', {
              count: selected.size,
              formatted: formatNumber(selected.size, language),
            })}
          </Text>
          {selected.size > MAX_BULK_LEADS && (
            <Text size="sm" c="red" data-testid="lead-selection-too-many">
              {t('leads.selection.tooMany', { max: formatNumber(MAX_BULK_LEADS, language) })}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <BulkDistributionActions leadIds={leadIds} onDone={onClear} />
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            onClick={onClear}
            data-testid="lead-selection-clear"
          >
            {t('leads.selection.clear')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

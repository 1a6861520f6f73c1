// On the Leads page opened from an import: says the list shows that import's leads, and leaves it.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useActor } from '../distribution/distribution-queries';
import { useLeadsTranslation } from './bundle';
import type { LeadsImportBatch } from './import-batch-link';

export function ImportBatchBanner({ batch }: { batch: LeadsImportBatch }) {
  const { t } = useLeadsTranslation();
  // The Import page is the team lead's.
  const isLead = useActor()?.role === 'lead';
  return (
    <Alert color="indigo" variant="light" p="xs" data-testid="leads-import-batch">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{t('leads.importBatch.banner', { file: batch.fileName })}</Text>
        <Group gap="xs" wrap="nowrap">
          {isLead && (
            <Button component="a" href="#/import" size="xs" variant="subtle">
              {t('leads.importBatch.back')}
            </Button>
          )}
          <Button
            component="a"
            href="#/leads"
            size="xs"
            variant="default"
            data-testid="leads-import-batch-clear"
          >
            {t('leads.importBatch.clear')}
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}

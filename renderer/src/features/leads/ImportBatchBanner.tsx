// On the Leads page opened from an import: says the list shows that import's leads (or that none is left: the import
// was undone, or its leads deleted), and leaves it.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../api/client-context';
import { isPageFor } from '../../shell/routes';
import { useActor } from '../distribution/distribution-queries';
import { useLeadsTranslation } from './bundle';
import type { LeadsImportBatch } from './import-batch-link';

export function ImportBatchBanner({ batch }: { batch: LeadsImportBatch }) {
  const { t } = useLeadsTranslation();
  const actor = useActor();
  const canImport = actor !== null && isPageFor('import', actor.role);
  const client = useClient();
  // Its leads whatever the page's own filters: none left means a kept link to an import since undone.
  const left = useQuery({
    queryKey: ['leads', 'importBatch', batch.batchId],
    queryFn: () => client.call('leads.list', { importBatchId: batch.batchId, limit: 1 }),
  });
  const isEmpty = left.data?.total === 0;
  return (
    <Alert color="indigo" variant="light" p="xs" data-testid="leads-import-batch">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">
          {t('leads.importBatch.banner', { file: batch.fileName })}
          {isEmpty && (
            <Text span size="sm" fw={600} data-testid="leads-import-batch-empty">
              {t('leads.importBatch.empty')}
            </Text>
          )}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {canImport && (
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

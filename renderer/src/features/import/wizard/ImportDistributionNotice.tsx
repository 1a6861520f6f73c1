// Where an import's new leads went: the distribution the import started in the background, while it runs and once
// it is done (to reps, or left in the public pool by the rules or for want of room).
import { Alert, Loader, Group, Text } from '@mantine/core';
import { formatNumber } from '../../../ui/format';
import { useLanguage } from '../../../ui/use-language';
import { useImportDistribution } from '../../jobs/job-store';
import { useImportTranslation } from '../bundle';

export function ImportDistributionNotice({ batchId }: { batchId: string }) {
  const { t } = useImportTranslation();
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const job = useImportDistribution(batchId);
  if (job?.state === 'done' && job.result !== null) {
    const { leads, assigned } = job.result;
    return (
      <Alert color="blue" data-testid="import-distributed">
        {t('import.distributed', { assigned: n(assigned), pooled: n(leads - assigned) })}
      </Alert>
    );
  }
  if (job !== undefined && job.state !== 'running')
    return (
      <Alert color="red" data-testid="import-distributed">
        {t('import.distributionFailed')}
      </Alert>
    );
  return (
    <Group gap="xs" data-testid="import-distributing">
      <Loader size="xs" />
      <Text size="sm" c="dimmed">
        {job !== undefined && job.total > 0
          ? t('import.distributingProgress', { done: n(job.done), total: n(job.total) })
          : t('import.distributing')}
      </Text>
    </Group>
  );
}

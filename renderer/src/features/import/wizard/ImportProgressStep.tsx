// The import running and its outcome: progress and rate, the counts when done (where the new leads went, or the
// history import's next steps), or the failure; then view the leads, import another file, or fetch the rows left
// out to fix them.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { formatNumber } from '../../../ui/format';
import { useLanguage } from '../../../ui/use-language';
import { JobProgress } from '../../jobs/JobProgress';
import { leadsImportBatchHref } from '../../leads/import-batch-link';
import { useImportTranslation } from '../bundle';
import { HistoryDoneNotice } from '../history/HistoryPanel';
import { ImportDistributionNotice } from './ImportDistributionNotice';
import type { ImportSession } from './use-import-session';

export function ImportProgressStep({ session }: { session: ImportSession }) {
  const { t } = useImportTranslation();
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const { job, isFinished } = session;
  const result = job?.kind === 'import' && job.state === 'done' ? job.result : null;
  const hasNewLeads = result !== null && result.inserted > 0;
  return (
    <Stack gap="md" maw={900}>
      {job && (
        <JobProgress job={job} label={t(job.state === 'running' ? 'import.importing' : 'import.importJob')} />
      )}
      {job?.state === 'running' && job.message && (
        <Text size="sm" c="dimmed" data-testid="import-rate">
          {t('import.rate', { rate: job.message.replace(/\D+/g, '') })}
        </Text>
      )}
      {result && (
        <Alert color="teal" data-testid="import-done">
          {t('import.done', {
            inserted: n(result.inserted),
            merged: n(result.merged),
            flagged: n(result.flagged),
            skipped: n(result.skipped),
            errors: n(result.errors),
          })}
        </Alert>
      )}
      {result && session.isHistory && <HistoryDoneNotice />}
      {/* New leads go through distribution in the background: say where they went. */}
      {result && !session.isHistory && result.inserted > 0 && (
        <ImportDistributionNotice batchId={result.batchId} />
      )}
      {job && (job.state === 'failed' || job.state === 'cancelled') && (
        <Alert color="red">{t('import.failed')}</Alert>
      )}
      {isFinished && (
        <Group>
          {/* The leads this import added, or every lead when it added none (all merged, skipped or failed). */}
          <Button
            component="a"
            href={
              hasNewLeads
                ? leadsImportBatchHref({
                    batchId: result.batchId,
                    fileName: session.analysis?.fileName ?? '',
                  })
                : '#/leads'
            }
            data-testid="import-view-leads"
          >
            {hasNewLeads
              ? t('import.viewImported', { count: result.inserted, formatted: n(result.inserted) })
              : t('import.viewLeads')}
          </Button>
          <Button variant="default" onClick={session.reset}>
            {t('import.another')}
          </Button>
          {/* The rows left out are still there to fix and import again, after the import as before it. */}
          {result !== null && result.errors > 0 && (
            <Button
              variant="light"
              color="red"
              onClick={session.downloadErrors}
              loading={session.isDownloadingErrors}
              data-testid="import-done-errors"
            >
              {t('import.downloadErrors')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

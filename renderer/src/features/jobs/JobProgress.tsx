// A background job's progress bar: what it is doing, how far along, and a way to cancel it.
import { Button, Group, Paper, Progress, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { JobStatus } from '../../../../core/api/contract';
import { useClient } from '../../api/client-context';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { JOBS_BUNDLES, useFeatureTranslation } from './i18n-bundles';

/** Share done in whole percent; a finished job is 100 whatever its counts say. */
function computeJobPercent(job: JobStatus): number {
  if (job.state === 'done') return 100;
  if (job.total <= 0) return 0;
  return Math.min(100, Math.floor((100 * job.done) / job.total));
}

const STATE_COLORS: Record<JobStatus['state'], string> = {
  running: 'indigo',
  done: 'teal',
  failed: 'red',
  cancelled: 'gray',
};

export function JobProgress({
  job,
  label,
  canCancel = true,
}: {
  job: JobStatus;
  /** What the job is for, in the caller's words; defaults to the job kind. */
  label?: string;
  canCancel?: boolean;
}) {
  const { t } = useFeatureTranslation(JOBS_BUNDLES);
  const language = useLanguage();
  const client = useClient();
  const cancel = useMutation({ mutationFn: () => client.call('jobs.cancel', { id: job.id }) });
  const percent = computeJobPercent(job);
  const isRunning = job.state === 'running';
  let status: string;
  if (job.state === 'failed') status = t('jobs.failed', { error: job.error ?? '' });
  else if (job.state === 'cancelled') status = t('jobs.cancelled');
  else if (job.state === 'done') status = t('jobs.done');
  else if (job.total <= 0) status = t('jobs.starting');
  else {
    status = `${t('jobs.progress', {
      done: formatNumber(job.done, language),
      total: formatNumber(job.total, language),
    })} · ${percent}%`;
  }
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid={`job-${job.kind}`}
      data-job-state={job.state}
      aria-live="polite"
    >
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          {label ?? t(`jobs.kinds.${job.kind}`)}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c={job.state === 'failed' ? 'red' : 'dimmed'}>
            {status}
          </Text>
          {isRunning && canCancel && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              loading={cancel.isPending}
              onClick={() => cancel.mutate()}
            >
              {t('jobs.cancel')}
            </Button>
          )}
        </Group>
      </Group>
      <Progress
        value={percent}
        color={STATE_COLORS[job.state]}
        animated={isRunning}
        striped={isRunning}
        size="md"
        aria-label={label ?? t(`jobs.kinds.${job.kind}`)}
      />
    </Paper>
  );
}

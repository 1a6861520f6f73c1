// A rep's leads about to be recycled by a pool rule, each with a lock button (or why the hub would refuse a lock),
// and the locks in force (the team lead sees everyone's and may extend or release them). Shown on the pool page,
// the queue and the agenda.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../api/client-context';
import { wordRefusal } from '../../api/worded-errors';
import { formatDateTime } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { usePoolsTranslation } from './bundle';
import { poolsKeys, useLocks, useRecycleWarnings } from './pool-queries';

const WEEK_DAYS = 7;

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: poolsKeys.all });
}

/** The warnings (nothing when there are none) and the caller's locks. */
export function RecycleWarnings({ showLocks = false }: { showLocks?: boolean }) {
  const { t } = usePoolsTranslation();
  const language = useLanguage();
  const client = useClient();
  const refresh = useRefresh();
  const warnings = useRecycleWarnings().data?.warnings ?? [];
  const lock = useMutation({
    mutationFn: (leadId: string) => client.call('pool.lock', { leadId }),
    onSuccess: (done) => {
      notifications.show({
        color: 'teal',
        message: t('pools.warnings.locked', {
          name: done.leadName,
          until: formatDateTime(done.expiresAt, language),
        }),
      });
      void refresh();
    },
    onError: (error) =>
      notifications.show({
        color: 'red',
        message: t('pools.warnings.lockFailed', { message: error.message }),
      }),
  });
  return (
    <Stack gap="xs">
      {warnings.length > 0 && (
        <Alert color="orange" title={t('pools.warnings.title')} data-testid="recycle-warnings">
          <Stack gap={4}>
            {warnings.map((warning) => (
              <Group key={warning.leadId} justify="space-between" wrap="nowrap" data-testid="recycle-warning">
                <Text size="sm">
                  {t('pools.warnings.line', {
                    name: warning.name,
                    kind: t(`pools.form.kinds.${warning.kind}`),
                    days: warning.days,
                    at: formatDateTime(warning.dueAt, language),
                  })}
                </Text>
                {warning.lockRefusal !== null ? (
                  // The hub would refuse the lock (none allowed here, or the owner's cap held): say why instead.
                  <Text size="xs" c="dimmed" data-testid="lock-refused">
                    {wordRefusal(warning.lockRefusal, language)}
                  </Text>
                ) : (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => lock.mutate(warning.leadId)}
                    loading={lock.isPending && lock.variables === warning.leadId}
                    data-testid="lock-lead"
                  >
                    {t('pools.warnings.lock')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      {showLocks && <LockList />}
    </Stack>
  );
}

function LockList() {
  const { t } = usePoolsTranslation();
  const language = useLanguage();
  const client = useClient();
  const refresh = useRefresh();
  const locks = useLocks().data?.locks ?? [];
  const onError = (error: Error) =>
    notifications.show({ color: 'red', message: t('pools.locks.failed', { message: error.message }) });
  const release = useMutation({
    mutationFn: (leadId: string) => client.call('pool.releaseLock', { leadId }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('pools.locks.released') });
      void refresh();
    },
    onError,
  });
  const extend = useMutation({
    mutationFn: (leadId: string) => client.call('pool.extendLock', { leadId, days: WEEK_DAYS }),
    onSuccess: (done) => {
      notifications.show({
        color: 'teal',
        message: t('pools.locks.extended', { until: formatDateTime(done.expiresAt, language) }),
      });
      void refresh();
    },
    onError,
  });
  if (locks.length === 0) return null;
  return (
    <Stack gap={4} data-testid="lock-list">
      <Text fw={600} size="sm">
        {t('pools.locks.title', { count: locks.length })}
      </Text>
      {locks.map((lock) => (
        <Group key={lock.leadId} gap="xs" wrap="nowrap">
          <Text size="sm">{lock.leadName}</Text>
          <Text size="xs" c="dimmed">
            {t('pools.locks.until', { until: formatDateTime(lock.expiresAt, language) })}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => extend.mutate(lock.leadId)}>
            {t('pools.locks.extend')}
          </Button>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => release.mutate(lock.leadId)}>
            {t('pools.locks.release')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

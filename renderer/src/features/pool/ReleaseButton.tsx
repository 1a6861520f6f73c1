// A rep puts an open lead of theirs back in the public pool (放回公海), saying why; the pool's cool-down then keeps
// them from claiming it straight back, as the dialog says before they confirm.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient } from '../../api/client-context';
import { usePoolsTranslation } from './bundle';

export function ReleaseButton({ leadId }: { leadId: string }) {
  const { t } = usePoolsTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const release = useMutation({
    mutationFn: () => client.call('pool.release', { leadId, reason: reason.trim() }),
    onSuccess: () => {
      // The lead left the rep's queue, board and counts for the pool: every view of it is stale.
      void queryClient.invalidateQueries();
      notifications.show({ color: 'teal', message: t('pools.release.done') });
      setReason('');
      setOpened(false);
    },
    onError: (e: Error) => setError(e.message),
  });
  return (
    <>
      <Button variant="light" color="gray" onClick={() => setOpened(true)} data-testid="release-button">
        {t('pools.release.button')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('pools.release.title')}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('pools.release.hint')}
          </Text>
          <Textarea
            label={t('pools.release.reason')}
            placeholder={t('pools.release.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
            data-testid="release-reason"
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('pools.release.cancel')}
            </Button>
            <Button
              color="orange"
              onClick={() => {
                setError(null);
                release.mutate();
              }}
              loading={release.isPending}
              disabled={reason.trim() === ''}
              data-testid="release-submit"
            >
              {t('pools.release.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

// A rep contests an assignment of a lead (to them, or away from them; the latest unless one is named) with a message.
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient } from '../../api/client-context';
import { queryKeys } from '../../api/query-keys';
import { useDistributionTranslation } from './bundle';
import { distributionKeys } from './distribution-queries';

export function AppealButton({
  leadId,
  assignmentId,
  size,
}: {
  leadId: string;
  /** The assignment contested (the Transparency page's history row); the lead's latest when omitted. */
  assignmentId?: string;
  size?: 'xs';
}) {
  const { t } = useDistributionTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const raise = useMutation({
    mutationFn: () =>
      client.call('appeals.raise', {
        leadId,
        message,
        ...(assignmentId === undefined ? {} : { assignmentId }),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: distributionKeys.all });
      // The lead's detail says the appeal is now pending.
      void queryClient.invalidateQueries({ queryKey: queryKeys.leadDetail(leadId) });
      notifications.show({ color: 'teal', message: t('distribution.appeal.done') });
      setMessage('');
      setOpened(false);
    },
    onError: (e: Error) => setError(e.message),
  });
  return (
    <>
      <Button
        variant="light"
        color="orange"
        size={size}
        onClick={() => setOpened(true)}
        data-testid="appeal-button"
      >
        {t('distribution.appeal.button')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('distribution.appeal.title')}>
        <Stack>
          <Textarea
            label={t('distribution.appeal.message')}
            placeholder={t('distribution.appeal.messagePlaceholder')}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            error={error}
            data-testid="appeal-message"
            autosize
            minRows={3}
          />
          <Group justify="flex-end">
            <Button
              onClick={() => {
                setError(null);
                raise.mutate();
              }}
              loading={raise.isPending}
              disabled={message.trim() === ''}
              data-testid="appeal-submit"
            >
              {t('distribution.appeal.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

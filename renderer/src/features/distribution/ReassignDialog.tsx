// The team lead moves one or many leads to a rep (or the public pool), always with a reason.
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient } from '../../api/client-context';
import { useReps } from '../../api/queries';
import { useDistributionTranslation } from './bundle';
import { invalidateAfterAssignment } from './distribution-queries';

const POOL = '__pool__';

export function ReassignDialog({
  leadIds,
  opened,
  onClose,
  onDone,
}: {
  leadIds: readonly string[];
  opened: boolean;
  onClose: () => void;
  /** After the leads moved (the dialog closes itself too). */
  onDone?: () => void;
}) {
  const { t } = useDistributionTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const reps = useReps(false);
  const [to, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reassign = useMutation({
    mutationFn: () =>
      client.call('distribution.reassign', {
        leadIds: [...leadIds],
        toRepId: to === POOL ? null : (to ?? ''),
        reason,
      }),
    onSuccess: (result) => {
      invalidateAfterAssignment(queryClient);
      notifications.show({
        color: 'teal',
        message: t('distribution.reassign.done', { count: result.count }),
      });
      setReason('');
      setTo(null);
      onClose();
      onDone?.();
    },
    onError: (e: Error) => setError(e.message),
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        leadIds.length === 1
          ? t('distribution.reassign.title')
          : t('distribution.reassign.titleMany', { count: leadIds.length })
      }
    >
      <Stack>
        <Select
          label={t('distribution.reassign.to')}
          data-testid="reassign-to"
          data={[
            ...(reps.data ?? []).map((rep) => ({ value: rep.id as string, label: rep.name })),
            { value: POOL, label: t('distribution.reassign.pool') },
          ]}
          value={to}
          onChange={setTo}
          searchable
          required
        />
        <Textarea
          label={t('distribution.reassign.reason')}
          placeholder={t('distribution.reassign.reasonPlaceholder')}
          data-testid="reassign-reason"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          required
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button
            onClick={() => {
              setError(null);
              reassign.mutate();
            }}
            loading={reassign.isPending}
            disabled={to === null || reason.trim() === ''}
            data-testid="reassign-submit"
          >
            {t('distribution.reassign.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

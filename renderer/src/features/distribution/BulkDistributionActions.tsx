// The team lead's actions on a selection of leads: reassign them all with one reason, or run them through the rules.
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient } from '../../api/client-context';
import { useDistributionTranslation } from './bundle';
import { showDistributeResult } from './distribute-result';
import { invalidateAfterAssignment, useActor } from './distribution-queries';
import { ReassignDialog } from './ReassignDialog';

/** The most leads one reassignment or distribution takes (the API's limit). */
export const MAX_BULK_LEADS = 10_000;

export function BulkDistributionActions({
  leadIds,
  onDone,
}: {
  leadIds: readonly string[];
  /** After an action succeeded: the selection has served its purpose. */
  onDone: () => void;
}) {
  const { t } = useDistributionTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const actor = useActor();
  const [isReassigning, setReassigning] = useState(false);
  const distribute = useMutation({
    mutationFn: () => client.call('distribution.distribute', { leadIds: [...leadIds] }),
    onSuccess: (result) => {
      invalidateAfterAssignment(queryClient);
      showDistributeResult(t, result);
      onDone();
    },
    onError: (e: Error) => notifications.show({ color: 'red', message: e.message }),
  });
  if (actor?.role !== 'lead') return null;
  const isTooMany = leadIds.length > MAX_BULK_LEADS;
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="orange"
        onClick={() => setReassigning(true)}
        disabled={distribute.isPending || isTooMany}
        data-testid="bulk-reassign"
      >
        {t('distribution.bulk.reassign')}
      </Button>
      <Button
        size="xs"
        variant="light"
        onClick={() => distribute.mutate()}
        loading={distribute.isPending}
        disabled={isTooMany}
        data-testid="bulk-distribute"
      >
        {t('distribution.bulk.distribute')}
      </Button>
      <ReassignDialog
        leadIds={leadIds}
        opened={isReassigning}
        onClose={() => setReassigning(false)}
        onDone={onDone}
      />
    </>
  );
}

// "Distribute now" on the Leads page: the team lead sends every waiting pool lead through the rules as one batch.
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../api/client-context';
import { useDistributionTranslation } from './bundle';
import { showDistributeResult } from './distribute-result';
import { invalidateAfterAssignment, useActor } from './distribution-queries';

export function DistributeNowButton() {
  const { t } = useDistributionTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const actor = useActor();
  const distribute = useMutation({
    mutationFn: () => client.call('distribution.distribute', { pool: true }),
    onSuccess: (result) => {
      invalidateAfterAssignment(queryClient);
      showDistributeResult(t, result);
    },
    onError: (e: Error) => notifications.show({ color: 'red', message: e.message }),
  });
  if (actor?.role !== 'lead') return null;
  return (
    <Button
      variant="light"
      onClick={() => distribute.mutate()}
      loading={distribute.isPending}
      data-testid="distribute-now"
    >
      {t('distribution.distributeNow.button')}
    </Button>
  );
}

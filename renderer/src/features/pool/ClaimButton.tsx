// A rep claims a pool lead (领取) from its drawer, as from the pool's table: the lead becomes theirs, its contact
// data shows, and the drawer offers what an owner may do (log a follow-up, edit, put it back).
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../api/client-context';
import { useWorkTranslation } from '../funnel/work-i18n';

export function ClaimButton({ lead }: { lead: { readonly id: string; readonly name: string } }) {
  const { t } = useWorkTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const claim = useMutation({
    mutationFn: () => client.call('pool.claim', { leadId: lead.id }),
    onSuccess: (card) =>
      notifications.show({ color: 'teal', message: t('work.pool.claimed', { name: card.name }) }),
    onError: (error) =>
      notifications.show({ color: 'red', message: t('work.pool.claimFailed', { message: error.message }) }),
    // The lead left the pool for the rep's queue and board, unmasked: every view of it is stale.
    onSettled: () => queryClient.invalidateQueries(),
  });
  return (
    <Button onClick={() => claim.mutate()} loading={claim.isPending} data-testid="drawer-claim">
      {t('work.pool.claim')}
    </Button>
  );
}

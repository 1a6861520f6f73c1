// A rep claims a pool lead (领取) from its drawer, as from the pool's table: the lead becomes theirs, its contact
// data shows, and the drawer offers what an owner may do (log a follow-up, edit, put it back). The hub says first
// whether it would take the claim (pool.claimCheck): in a cool-down, an embargo or past a cap the drawer says why,
// in the pool table's words, instead of offering a claim the hub refuses; and asks again when the wait ends.
import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../api/client-context';
import { wordRefusal } from '../../api/worded-errors';
import { useLanguage } from '../../ui/use-language';
import { useRefetchAt } from '../../ui/use-refetch-at';
import { useWorkTranslation } from '../funnel/work-i18n';
import { claimWaitOfRefusal, claimWaitText } from './claim-wait';

export function ClaimButton({ lead }: { lead: { readonly id: string; readonly name: string } }) {
  const { t } = useWorkTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const language = useLanguage();
  const check = useQuery({
    queryKey: ['pool.claimCheck', lead.id],
    queryFn: () => client.call('pool.claimCheck', { leadId: lead.id }),
  });
  const claim = useMutation({
    mutationFn: () => client.call('pool.claim', { leadId: lead.id }),
    onSuccess: (card) =>
      notifications.show({ color: 'teal', message: t('work.pool.claimed', { name: card.name }) }),
    onError: (error) =>
      notifications.show({ color: 'red', message: t('work.pool.claimFailed', { message: error.message }) }),
    // The lead left the pool for the rep's queue and board, unmasked: every view of it is stale.
    onSettled: () => queryClient.invalidateQueries(),
  });
  const refusal = check.data?.refusal ?? null;
  const wait = refusal === null ? null : claimWaitOfRefusal(refusal);
  // A cool-down or an embargo ends: ask the hub again then, so the claim is offered without a reload.
  useRefetchAt(wait?.until ?? null, check.dataUpdatedAt, check.refetch);
  if (refusal !== null) {
    return (
      <Text size="sm" c="dimmed" data-testid="drawer-claim-refusal">
        {wait !== null ? claimWaitText(t, language, wait) : wordRefusal(refusal, language)}
      </Text>
    );
  }
  return (
    <Button
      onClick={() => claim.mutate()}
      loading={claim.isPending}
      disabled={check.isPending}
      data-testid="drawer-claim"
    >
      {t('work.pool.claim')}
    </Button>
  );
}

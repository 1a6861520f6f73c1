// The lead drawer's distribution actions: the team lead reassigns; a rep appeals a hand-over to or away from them
// (as the hub allows: the lead's detail says so), claims an open pool lead, and puts an open lead of theirs back in
// the public pool.
import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import type { LeadDetail } from '../../../../core/api/leads/schemas';
import { isOpenStage, type FunnelStage } from '../../../../core/domain/funnel';
import { ClaimButton } from '../pool/ClaimButton';
import { ReleaseButton } from '../pool/ReleaseButton';
import { AppealButton } from './AppealButton';
import { useDistributionTranslation } from './bundle';
import { useActor } from './distribution-queries';
import { ReassignDialog } from './ReassignDialog';

interface ActionsLead {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string | null;
  readonly stage: FunnelStage;
  readonly isHistory: boolean;
}

export function LeadDistributionActions({
  lead,
  appeal,
}: {
  lead: ActionsLead;
  /** leads.get's word on the rep's appeal of the lead's latest hand-over. */
  appeal: LeadDetail['appeal'];
}) {
  const { t } = useDistributionTranslation();
  const actor = useActor();
  const [isReassigning, setReassigning] = useState(false);
  if (actor === null) return null;
  if (actor.role === 'rep') {
    const isWorkable = !lead.isHistory && isOpenStage(lead.stage);
    return (
      <>
        {isWorkable && lead.ownerId === null && <ClaimButton lead={lead} />}
        {isWorkable && lead.ownerId === actor.repId && <ReleaseButton leadId={lead.id} />}
        {appeal === 'open' && <AppealButton leadId={lead.id} />}
        {appeal === 'pending' && (
          <Text size="sm" c="dimmed" data-testid="appeal-pending">
            {t('distribution.appeal.pending')}
          </Text>
        )}
      </>
    );
  }
  return (
    <>
      <Button
        variant="light"
        color="orange"
        onClick={() => setReassigning(true)}
        data-testid="reassign-button"
      >
        {t('distribution.reassign.button')}
      </Button>
      <ReassignDialog leadIds={[lead.id]} opened={isReassigning} onClose={() => setReassigning(false)} />
    </>
  );
}

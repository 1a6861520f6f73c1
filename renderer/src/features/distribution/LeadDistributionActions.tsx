// The lead drawer's distribution actions: the team lead reassigns, a rep appeals.
import { Button } from '@mantine/core';
import { useState } from 'react';
import { AppealButton } from './AppealButton';
import { useDistributionTranslation } from './bundle';
import { useActor } from './distribution-queries';
import { ReassignDialog } from './ReassignDialog';

export function LeadDistributionActions({ leadId }: { leadId: string }) {
  const { t } = useDistributionTranslation();
  const actor = useActor();
  const [isReassigning, setReassigning] = useState(false);
  if (actor === null) return null;
  if (actor.role === 'rep') return <AppealButton leadId={leadId} />;
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
      <ReassignDialog leadIds={[leadId]} opened={isReassigning} onClose={() => setReassigning(false)} />
    </>
  );
}

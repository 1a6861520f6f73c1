// "Log follow-up" for the lead drawer: the same fast form as the queue.
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useWorkTranslation } from '../funnel/work-i18n';
import { FollowUpModal, type FollowUpTarget } from './FollowUpForm';

export function LogFollowUpButton({ lead }: { lead: FollowUpTarget }) {
  const { t } = useWorkTranslation();
  const [target, setTarget] = useState<FollowUpTarget | null>(null);
  return (
    <>
      <Button variant="filled" onClick={() => setTarget({ id: lead.id, name: lead.name })}>
        {t('work.drawer.logFollowUp')}
      </Button>
      <FollowUpModal lead={target} onClose={() => setTarget(null)} />
    </>
  );
}

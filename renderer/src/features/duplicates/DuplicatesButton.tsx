// "Duplicates" on the Leads page: opens the Duplicates view in a modal (team lead only).
import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import { useWorkspaceStatus } from '../../api/queries';
import { useImportTranslation } from '../import/bundle';
import { DuplicatesView } from './DuplicatesView';

export function DuplicatesButton() {
  const { t } = useImportTranslation();
  const isTeamLead = useWorkspaceStatus().data?.actor.role === 'lead';
  const [isOpen, setOpen] = useState(false);
  if (!isTeamLead) return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        {t('import.dup.open')}
      </Button>
      <Modal opened={isOpen} onClose={() => setOpen(false)} title={t('import.dup.title')} size="xl">
        {isOpen && <DuplicatesView />}
      </Modal>
    </>
  );
}

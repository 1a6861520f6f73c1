// First start: the team lead is signed in and no password is set yet; asked until set (or put off for now).
import { Button, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useIdentityTranslation } from './bundle';
import { LeadPasswordForm } from './LeadPasswordForm';

export function LeadPasswordPrompt() {
  const { t } = useIdentityTranslation();
  const [isPutOff, setPutOff] = useState(false);
  return (
    <Modal
      opened={!isPutOff}
      onClose={() => setPutOff(true)}
      title={t('identity.password.promptTitle')}
      centered
      closeOnClickOutside={false}
    >
      <Stack gap="md">
        <Text size="sm">{t('identity.password.promptText')}</Text>
        <LeadPasswordForm
          hasPassword={false}
          extraAction={
            <Button variant="default" onClick={() => setPutOff(true)}>
              {t('identity.password.later')}
            </Button>
          }
        />
      </Stack>
    </Modal>
  );
}

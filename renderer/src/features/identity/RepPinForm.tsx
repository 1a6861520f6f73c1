// The sign-in screen of a browser a rep paired: that rep signs in again with their PIN (no new pairing code).
import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useSignIn } from '../../api/session';
import { useIdentityTranslation } from './bundle';
import type { PairedRep } from './paired-rep';

export function RepPinForm({ rep, onNotMe }: { rep: PairedRep; onNotMe: () => void }) {
  const { t } = useIdentityTranslation();
  const signIn = useSignIn();
  const [isBusy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({ initialValues: { pin: '' } });
  return (
    <form
      onSubmit={form.onSubmit(async ({ pin }) => {
        setBusy(true);
        setProblem(null);
        try {
          await signIn({ as: 'rep', repId: rep.repId, pin: pin.trim() });
        } catch (error) {
          setProblem(error instanceof Error ? error.message : String(error));
          form.setFieldValue('pin', '');
        } finally {
          setBusy(false);
        }
      })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('identity.signIn.repPinFor', { name: rep.name })}</Text>
        <PasswordInput
          label={t('identity.signIn.pin')}
          description={t('identity.actor.pinHint')}
          inputMode="numeric"
          autoComplete="off"
          required
          data-autofocus
          {...form.getInputProps('pin')}
        />
        {problem && (
          <Alert color="red" role="alert" data-testid="sign-in-error">
            {problem}
          </Alert>
        )}
        <Button type="submit" loading={isBusy}>
          {t('identity.signIn.submit')}
        </Button>
        <Anchor component="button" type="button" size="xs" onClick={onNotMe}>
          {t('identity.signIn.notMe', { name: rep.name })}
        </Anchor>
      </Stack>
    </form>
  );
}

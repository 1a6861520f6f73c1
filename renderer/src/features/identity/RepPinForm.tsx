// The sign-in screen of a browser or PC a rep paired: that rep signs in again with their PIN (no new pairing code).
// A device the team lead revoked is told so (onRevoked), so the screen can ask to pair again.
import { Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ApiError } from '../../../../core/api/errors';
import { useSignIn } from '../../api/session';
import { useIdentityTranslation } from './bundle';
import { FormProblem, useFormTry } from './FormProblem';
import type { PairedRep } from './paired-rep';

export function RepPinForm({
  rep,
  onNotMe,
  onRevoked,
  isPc = false,
}: {
  rep: PairedRep;
  /** Forget this rep and pair anew; not offered on a paired PC (its pairing is the team lead's to change). */
  onNotMe?: () => void;
  onRevoked?: () => void;
  /** The desktop app of a rep's PC rather than a browser. */
  isPc?: boolean;
}) {
  const { t } = useIdentityTranslation();
  const signIn = useSignIn();
  const { isBusy, problem, run } = useFormTry();
  const form = useForm({ initialValues: { pin: '' } });
  return (
    <form
      onSubmit={form.onSubmit(({ pin }) =>
        run(
          () => signIn({ as: 'rep', repId: rep.repId, pin: pin.trim() }),
          (error) => {
            form.setFieldValue('pin', '');
            if (error instanceof ApiError && error.reason === 'session.deviceRevoked') onRevoked?.();
          },
        ),
      )}
    >
      <Stack gap="sm">
        <Text size="sm">
          {t(isPc ? 'identity.signIn.repPinForPc' : 'identity.signIn.repPinFor', { name: rep.name })}
        </Text>
        <PasswordInput
          label={t('identity.signIn.pin')}
          description={t('identity.actor.pinHint')}
          inputMode="numeric"
          autoComplete="off"
          required
          data-autofocus
          {...form.getInputProps('pin')}
        />
        <FormProblem problem={problem}>
          <Button type="submit" loading={isBusy}>
            {t('identity.signIn.submit')}
          </Button>
        </FormProblem>
        {onNotMe && (
          <Anchor component="button" type="button" size="xs" onClick={onNotMe}>
            {t('identity.signIn.notMe', { name: rep.name })}
          </Anchor>
        )}
      </Stack>
    </form>
  );
}

// The pairing code field that pairing a browser and connecting a PC share: monospace, no autocomplete.
import { TextInput, type TextInputProps } from '@mantine/core';
import { useIdentityTranslation } from './bundle';

export function PairingCodeInput({ description, ...props }: TextInputProps & { description: string }) {
  const { t } = useIdentityTranslation();
  return (
    <TextInput
      label={t('identity.signIn.code')}
      description={description}
      placeholder="XXXXX-XXXXX-XXXXXXXX"
      autoComplete="off"
      spellCheck={false}
      required
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 1 } }}
      {...props}
    />
  );
}

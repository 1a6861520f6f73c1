// Connecting this PC to the team's hub, in two steps: the hub's address and the pairing code from the team lead, then
// "check the hub" shows the whole CA fingerprint the hub hands out (and whether it starts as the code says) for the
// person to compare with the team lead's Settings; only that confirmed fingerprint is then paired with.
import { Alert, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../api/client-context';
import { applyActor } from '../../api/session';
import { describeBrowser } from './browser-name';
import { useIdentityTranslation } from './bundle';
import { PairingCodeInput } from './PairingCodeInput';
import { FormProblem } from './FormProblem';

export const CLIENT_STATUS_KEY = ['session', 'client-status'] as const;

/**
 * The eight hex digits a pairing code ends with: the start of the hub CA's SHA-256 fingerprint, as
 * core/api/devices/pairing-code.ts writes it. Null until the code is complete.
 */
export function fingerprintPrefixOfCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== 18) return null;
  const prefix = compact.slice(10);
  return /^[0-9A-F]{8}$/.test(prefix) ? prefix : null;
}

/** `AB:CD:…` grouped as the hub's Settings shows it, so the two can be compared by eye. */
function formatPrefix(prefix: string): string {
  return prefix.match(/.{2}/g)?.join(':') ?? prefix;
}

function startsAs(fingerprint256: string, prefix: string): boolean {
  return fingerprint256.replace(/:/g, '').toUpperCase().startsWith(prefix);
}

function CheckedHub({ fingerprint, prefix }: { fingerprint: string; prefix: string | null }) {
  const { t } = useIdentityTranslation();
  const isMatch = prefix !== null && startsAs(fingerprint, prefix);
  return (
    <Alert color={isMatch ? 'teal' : 'red'} variant="light" data-testid="hub-fingerprint">
      <Stack gap={6}>
        <Text size="sm">{t('identity.hubClient.checked')}</Text>
        <Code block fw={700} style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
          {fingerprint}
        </Code>
        <Text size="sm" fw={600}>
          {isMatch
            ? t('identity.hubClient.matchesCode')
            : t('identity.hubClient.notMatchingCode', { prefix: formatPrefix(prefix ?? '') })}
        </Text>
      </Stack>
    </Alert>
  );
}

export function ConnectForm() {
  const { t } = useIdentityTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      hubUrl: 'https://',
      code: '',
      deviceName: t('identity.hubClient.defaultDeviceName', {
        system: describeBrowser(typeof navigator === 'undefined' ? '' : navigator.userAgent).system,
      }),
    },
  });
  const probe = useMutation({
    mutationFn: (hubUrl: string) => client.call('client.probe', { hubUrl }),
  });
  const connect = useMutation({
    mutationFn: async (caFingerprint256: string) => {
      const values = form.getValues();
      const answer = await client.call('client.connect', {
        hubUrl: values.hubUrl.trim(),
        code: values.code.trim(),
        deviceName: values.deviceName.trim(),
        caFingerprint256,
      });
      queryClient.setQueryData(CLIENT_STATUS_KEY, answer.status);
      await applyActor(queryClient, client, answer.actor);
    },
  });
  const prefix = fingerprintPrefixOfCode(form.values.code);
  // A check answers for the address it was made for: another address must be checked again.
  const checked = probe.data && probe.variables === form.values.hubUrl.trim() ? probe.data : null;
  const canConnect = checked !== null && prefix !== null && startsAs(checked.caFingerprint256, prefix);
  const error = probe.error ?? connect.error;
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        if (canConnect) connect.mutate(checked.caFingerprint256);
        else probe.mutate(values.hubUrl.trim());
      })}
      data-testid="hub-connect-form"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('identity.hubClient.hint')}
        </Text>
        <TextInput
          label={t('identity.hubClient.address')}
          description={t('identity.hubClient.addressHint')}
          placeholder="https://192.168.1.20:5174"
          required
          spellCheck={false}
          {...form.getInputProps('hubUrl')}
        />
        <PairingCodeInput description={t('identity.hubClient.codeHint')} {...form.getInputProps('code')} />
        {checked ? (
          <CheckedHub fingerprint={checked.caFingerprint256} prefix={prefix} />
        ) : (
          prefix && (
            <Alert color="blue" variant="light" data-testid="expected-fingerprint">
              <Text size="sm">{t('identity.hubClient.expectFingerprint')}</Text>
              <Code fz="md" fw={700}>
                {formatPrefix(prefix)}…
              </Code>
            </Alert>
          )
        )}
        <TextInput
          label={t('identity.signIn.deviceName')}
          description={t('identity.signIn.deviceNameHint')}
          required
          maxLength={100}
          {...form.getInputProps('deviceName')}
        />
        <FormProblem problem={error ? error.message : null} testId="hub-connect-error">
          <Group>
            {canConnect ? (
              <Button type="submit" loading={connect.isPending}>
                {t('identity.hubClient.connect')}
              </Button>
            ) : (
              <Button type="submit" variant={checked ? 'default' : 'filled'} loading={probe.isPending}>
                {t('identity.hubClient.check')}
              </Button>
            )}
          </Group>
        </FormProblem>
      </Stack>
    </form>
  );
}

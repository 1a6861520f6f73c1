// "Add a device": the team lead picks a rep and gets a one-time pairing code, shown big and copyable, with its
// 10-minute countdown and the CA fingerprint the rep's PC checks.
import { Alert, Button, Code, CopyButton, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useClient } from '../../api/client-context';
import { useReps } from '../../api/queries';
import { useIdentityTranslation } from './bundle';

/** `m:ss` of what is left; never negative. */
export function formatCountdown(remainingMs: number): string {
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  const interval = useInterval(() => setNow(Date.now()), everyMs);
  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval]);
  return now;
}

function CodeCard({
  code,
  expiresAt,
  caFingerprint256,
}: {
  code: string;
  expiresAt: number;
  caFingerprint256: string;
}) {
  const { t } = useIdentityTranslation();
  const now = useNow(1000);
  const isExpired = now >= expiresAt;
  return (
    <Paper withBorder radius="md" p="md" bg="var(--mantine-color-indigo-0)" data-testid="pairing-code-card">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('identity.devices.code')}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Text
            data-testid="pairing-code"
            ff="monospace"
            fz={28}
            fw={700}
            style={{ letterSpacing: 2, userSelect: 'all' }}
            td={isExpired ? 'line-through' : undefined}
            c={isExpired ? 'dimmed' : undefined}
          >
            {code}
          </Text>
          <CopyButton value={code}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy} disabled={isExpired}>
                {copied ? t('identity.devices.copied') : t('identity.devices.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        {isExpired ? (
          <Text size="sm" c="red">
            {t('identity.devices.expired')}
          </Text>
        ) : (
          <Text size="sm" data-testid="pairing-countdown">
            {t('identity.devices.expiresIn', { time: formatCountdown(expiresAt - now) })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('identity.devices.codeHint')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('identity.devices.fingerprint')}
        </Text>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
          {caFingerprint256}
        </Code>
      </Stack>
    </Paper>
  );
}

export function AddDevice({ isHub }: { isHub: boolean }) {
  const { t } = useIdentityTranslation();
  const client = useClient();
  const reps = useReps(false);
  const [repId, setRepId] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (id: string) => client.call('devices.createPairingCode', { repId: id }),
  });
  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        {t('identity.devices.add')}
      </Text>
      {!isHub && (
        <Text size="sm" c="dimmed">
          {t('identity.devices.needsHub')}
        </Text>
      )}
      <Group align="flex-end" gap="sm">
        <Select
          label={t('identity.devices.rep')}
          w={240}
          searchable
          data={(reps.data ?? []).map((rep) => ({ value: rep.id, label: rep.name }))}
          value={repId}
          onChange={setRepId}
          disabled={!isHub}
        />
        <Button
          disabled={!isHub || repId === null}
          loading={create.isPending}
          onClick={() => {
            if (repId) create.mutate(repId);
          }}
        >
          {t('identity.devices.createCode')}
        </Button>
      </Group>
      {create.error && <Alert color="red">{create.error.message}</Alert>}
      {create.data && !create.isPending && <CodeCard key={create.data.code} {...create.data} />}
    </Stack>
  );
}

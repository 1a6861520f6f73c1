// What a screen shows while its first answer loads, and when it could not load (with a retry).
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading({ minHeight }: { minHeight: string }) {
  const { t } = useTranslation();
  return (
    <Center mih={minHeight}>
      <Stack align="center" gap="xs">
        <Loader />
        <Text c="dimmed">{t('app.loading')}</Text>
      </Stack>
    </Center>
  );
}

export function LoadFailed({
  message,
  onRetry,
  minHeight,
}: {
  message: string;
  onRetry: () => void;
  minHeight: string;
}) {
  const { t } = useTranslation();
  return (
    <Center mih={minHeight}>
      <Alert color="red" title={t('app.loadFailed')} maw={520}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{message}</Text>
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}

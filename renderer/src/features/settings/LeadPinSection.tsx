// Settings → the team lead's PIN: on a shared office PC, switching back from a rep to the team lead asks for it.
import { Button, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../core/api/errors';
import { useClient } from '../../api/client-context';
import { useWorkspaceStatus } from '../../api/queries';

export function LeadPinSection() {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const status = useWorkspaceStatus();
  const form = useForm({
    initialValues: { pin: '' },
    validate: { pin: (value) => (/^\d{4,8}$/.test(value) ? null : t('settings.leadPinInvalid')) },
  });
  if (status.data?.actor.role !== 'lead') return null;
  const hasPin = status.data.hasLeadPin;

  async function save(pin: string | null): Promise<void> {
    try {
      await client.call('session.setLeadPin', { pin });
      form.reset();
      await queryClient.invalidateQueries();
      notifications.show({
        color: 'teal',
        message: pin ? t('settings.leadPinSaved') : t('settings.leadPinCleared'),
      });
    } catch (error) {
      if (error instanceof ApiError && error.field === 'pin') form.setFieldError('pin', error.message);
      else
        notifications.show({
          color: 'red',
          title: t('common.errorTitle'),
          message: String((error as Error).message),
        });
    }
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={form.onSubmit((values) => void save(values.pin))}>
        <Stack gap="xs">
          <Text fw={600}>{t('settings.leadPin')}</Text>
          <Text size="sm" c="dimmed">
            {hasPin ? t('settings.leadPinIsSet') : t('settings.leadPinHint')}
          </Text>
          <Group align="flex-start">
            <PasswordInput
              w={200}
              inputMode="numeric"
              autoComplete="new-password"
              aria-label={t('settings.leadPin')}
              placeholder={t('settings.leadPinPlaceholder')}
              {...form.getInputProps('pin')}
            />
            <Button type="submit">{hasPin ? t('settings.leadPinChange') : t('settings.leadPinSet')}</Button>
            {hasPin && (
              <Button variant="subtle" color="red" onClick={() => void save(null)}>
                {t('settings.leadPinClear')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

// Setting or changing the team lead's password (at least 8 characters; the current one when there is one).
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../../../../core/api/errors';
import { useClient } from '../../api/client-context';
import { sessionKeys } from '../../api/session';
import { useIdentityTranslation } from './bundle';

export const MIN_PASSWORD_LENGTH = 8;

export function LeadPasswordForm({
  hasPassword,
  onSaved,
  extraAction,
}: {
  hasPassword: boolean;
  onSaved?: () => void;
  /** A second button beside submit ("Later" in the first-start prompt). */
  extraAction?: ReactNode;
}) {
  const { t } = useIdentityTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { currentPassword: '', password: '', repeat: '' },
    validate: {
      password: (value) => (value.length >= MIN_PASSWORD_LENGTH ? null : t('identity.password.tooShort')),
      repeat: (value, values) => (value === values.password ? null : t('identity.password.mismatch')),
    },
  });

  return (
    <form
      onSubmit={form.onSubmit(async ({ currentPassword, password }) => {
        try {
          await client.call(
            'session.setLeadPassword',
            hasPassword ? { password, currentPassword } : { password },
          );
          form.reset();
          notifications.show({ color: 'teal', message: t('identity.password.saved') });
          await queryClient.invalidateQueries({ queryKey: sessionKeys.status });
          onSaved?.();
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const field = error instanceof ApiError ? error.field : undefined;
          form.setFieldError(field === 'currentPassword' ? 'currentPassword' : 'password', message);
        }
      })}
    >
      <Stack gap="sm">
        {hasPassword && (
          <PasswordInput
            label={t('identity.password.current')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
        )}
        <PasswordInput
          label={t('identity.password.new')}
          description={t('identity.password.tooShort')}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label={t('identity.password.repeat')}
          autoComplete="new-password"
          required
          {...form.getInputProps('repeat')}
        />
        <Group justify="flex-end" gap="sm">
          {extraAction}
          <Button type="submit" loading={form.submitting}>
            {hasPassword ? t('identity.password.change') : t('identity.password.set')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

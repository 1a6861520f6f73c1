// Settings → the team lead's password: set it, or change it with the current one.
import { Paper, Stack, Text } from '@mantine/core';
import { useSessionStatus } from '../../api/session';
import { useIdentityTranslation } from './bundle';
import { LeadPasswordForm } from './LeadPasswordForm';

export function LeadPasswordSection() {
  const { t } = useIdentityTranslation();
  const status = useSessionStatus();
  if (status.data?.actor?.role !== 'lead') return null;
  const hasPassword = status.data.hasLeadPassword;
  return (
    <Paper withBorder radius="md" p="lg" data-testid="lead-password-section">
      <Stack gap="xs" maw={360}>
        <Text fw={600}>{t('identity.password.sectionTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('identity.password.sectionHint')} {hasPassword ? '' : t('identity.password.notSetYet')}
        </Text>
        <LeadPasswordForm key={String(hasPassword)} hasPassword={hasPassword} />
      </Stack>
    </Paper>
  );
}

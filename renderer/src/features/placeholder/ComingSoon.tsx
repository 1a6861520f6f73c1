// What a page not built yet says: plainly that it comes later, with no fake content.
import { Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconClock } from '../../ui/icons';

export function ComingSoon({ pageName }: { pageName: string }) {
  const { t } = useTranslation();
  return (
    <Center mih="60vh">
      <Paper withBorder radius="lg" p="xl" maw={460}>
        <Stack align="center" gap="sm">
          <ThemeIcon size={48} radius="xl" variant="light" color="gray">
            <IconClock size={26} />
          </ThemeIcon>
          <Title order={2} size="h3">
            {pageName}
          </Title>
          <Text fw={600}>{t('comingSoon.title')}</Text>
          <Text c="dimmed" ta="center">
            {t('comingSoon.body', { page: pageName })}
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}

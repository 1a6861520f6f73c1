// The empty workspace's first screen: load the demo team and leads in one click, or start empty.
import { Button, Card, Center, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/client-context';
import { IconSparkles, IconTeam } from '../../ui/icons';

export function WelcomePanel({
  onStartEmpty,
  onDemoLoaded,
}: {
  onStartEmpty: () => void;
  onDemoLoaded: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const loadDemo = useMutation({
    mutationFn: () => client.call('workspace.loadDemo', {}),
    onSuccess: (result) => {
      notifications.show({ color: 'teal', message: t('welcome.demoLoaded', result) });
      onDemoLoaded();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: t('common.errorTitle'), message: error.message }),
  });
  return (
    <Center mih="70vh">
      <Stack maw={720} gap="xl">
        <Stack gap="xs" align="center">
          <Title order={2}>{t('welcome.title')}</Title>
          <Text c="dimmed" ta="center" maw={560}>
            {t('welcome.body')}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Card withBorder radius="lg" padding="xl">
            <Stack gap="sm" h="100%">
              <ThemeIcon size={44} radius="md" variant="light" color="indigo">
                <IconSparkles size={24} />
              </ThemeIcon>
              <Text fw={650} size="lg">
                {t('welcome.demoTitle')}
              </Text>
              <Text c="dimmed" size="sm" style={{ flex: 1 }}>
                {t('welcome.loadDemoHint')}
              </Text>
              <Button size="md" loading={loadDemo.isPending} onClick={() => loadDemo.mutate()}>
                {t('welcome.loadDemo')}
              </Button>
            </Stack>
          </Card>
          <Card withBorder radius="lg" padding="xl">
            <Stack gap="sm" h="100%">
              <ThemeIcon size={44} radius="md" variant="light" color="gray">
                <IconTeam size={24} />
              </ThemeIcon>
              <Text fw={650} size="lg">
                {t('welcome.emptyTitle')}
              </Text>
              <Text c="dimmed" size="sm" style={{ flex: 1 }}>
                {t('welcome.startEmptyHint')}
              </Text>
              <Group grow>
                <Button size="md" variant="default" onClick={onStartEmpty} disabled={loadDemo.isPending}>
                  {t('welcome.startEmpty')}
                </Button>
              </Group>
            </Stack>
          </Card>
        </SimpleGrid>
      </Stack>
    </Center>
  );
}

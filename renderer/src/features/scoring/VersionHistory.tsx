// Saved versions of the scoring model, newest first, with who saved each and when.
import { Badge, Card, Group, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import type { CallOutput } from '../../../../core/api/contract';
import { formatDateTime } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useScoringTranslation } from './i18n-bundle';
import { IconHistory } from '../../ui/icons';

type ScoringModelVersion = CallOutput<'scoring.getModel'>['versions'][number];

export function VersionHistory({
  versions,
  currentVersion,
}: {
  versions: readonly ScoringModelVersion[];
  currentVersion: number;
}) {
  const { t } = useScoringTranslation();
  const language = useLanguage();
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <Card withBorder radius="md" padding="md" data-testid="version-history">
      <Group gap="xs" mb="sm">
        <ThemeIcon variant="light" size="sm" color="gray">
          <IconHistory size={14} />
        </ThemeIcon>
        <Text fw={600}>{t('scoring.history.title')}</Text>
      </Group>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('scoring.history.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={0}>
          {sorted.slice(0, 12).map((v) => (
            <Timeline.Item
              key={v.version}
              data-version={v.version}
              title={
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {t('scoring.version', { version: v.version })}
                  </Text>
                  {v.version === currentVersion && (
                    <Badge size="xs" variant="light" color="teal">
                      {t('scoring.history.current')}
                    </Badge>
                  )}
                </Group>
              }
            >
              <Stack gap={0}>
                <Text size="xs">{v.name}</Text>
                <Text size="xs" c="dimmed">
                  {t('scoring.history.by', { actor: v.actor, at: formatDateTime(v.createdAt, language) })}
                </Text>
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}

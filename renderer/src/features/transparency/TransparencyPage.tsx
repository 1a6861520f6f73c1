// The Transparency page, open to the whole team (reps too): the rules in plain words, the follow-up clocks, how
// fairly leads were shared (the same figures the team lead's Dashboard and Rules page show), who got which lead
// and why, and the appeals with their outcomes.
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTransparencyTranslation } from './bundle';
import { TRANSPARENCY_SECTIONS } from './sections';

export function TransparencyPage() {
  const { t } = useTransparencyTranslation();
  return (
    <Stack gap="lg" data-testid="transparency-page">
      <div>
        <Title order={2}>{t('transparency.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('transparency.subtitle')}
        </Text>
      </div>
      {/* Jump links that scroll rather than change the hash, which the page router owns. */}
      <Group gap="md" component="nav" aria-label={t('transparency.jumpTo')} data-testid="transparency-nav">
        {TRANSPARENCY_SECTIONS.map(({ key }) => (
          <Anchor
            key={key}
            component="button"
            type="button"
            size="sm"
            onClick={() =>
              document.querySelector(`[data-section="${key}"]`)?.scrollIntoView({ behavior: 'smooth' })
            }
          >
            {t(`transparency.sections.${key}`)}
          </Anchor>
        ))}
      </Group>
      {TRANSPARENCY_SECTIONS.map(({ key, Component }) => (
        <section key={key} data-section={key}>
          <Component />
        </section>
      ))}
    </Stack>
  );
}

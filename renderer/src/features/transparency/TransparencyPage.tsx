// The Transparency page, open to the whole team (reps too): the rules in plain words, the follow-up clocks, and
// how fairly leads were shared — the same figures the team lead's Dashboard and Rules page show.
import { Stack, Text, Title } from '@mantine/core';
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
      {TRANSPARENCY_SECTIONS.map(({ key, Component }) => (
        <section key={key} data-section={key}>
          <Component />
        </section>
      ))}
    </Stack>
  );
}

// Settings: the interface language; for the team lead the lead rules, password, network, devices and backups; and what this
// app and its database are (versions from workspace.status).
import { Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWorkspaceStatus } from '../../api/queries';
import { isLanguage } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { useLanguage, useSetLanguage } from '../../ui/use-language';
import { DevicesSection } from '../identity/DevicesSection';
import { LeadPasswordSection } from '../identity/LeadPasswordSection';
import { NetworkSection } from '../identity/NetworkSection';
import { BackupsSection } from './BackupsSection';
import { LeadRulesSections } from './LeadRulesSections';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={`fact-${label}`}>
        {value}
      </Text>
    </div>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const setLanguage = useSetLanguage();
  const status = useWorkspaceStatus();
  const none = t('common.none');
  const data = status.data;
  return (
    <Stack gap="lg" maw={720}>
      <Title order={2}>{t('settings.title')}</Title>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="xs">
          <Text fw={600} id="settings-language">
            {t('settings.language')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('settings.languageHint')}
          </Text>
          <SegmentedControl
            aria-labelledby="settings-language"
            w={280}
            value={language}
            onChange={(value) => {
              if (isLanguage(value)) setLanguage(value);
            }}
            data={[
              { value: 'zh-CN', label: t('language.zh-CN') },
              { value: 'en', label: t('language.en') },
            ]}
          />
        </Stack>
      </Paper>
      <LeadRulesSections isTeamLead={data?.actor.role === 'lead'} />
      <LeadPasswordSection />
      <NetworkSection />
      <DevicesSection />
      <BackupsSection />
      <Paper withBorder radius="md" p="lg">
        <Text fw={600} mb="sm">
          {t('settings.about')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Fact label={t('settings.appVersion')} value={data?.appVersion ?? none} />
          <Fact label={t('settings.schemaVersion')} value={data ? String(data.schemaVersion) : none} />
          <Fact
            label={t('settings.leadCount')}
            value={data ? formatNumber(data.leadCount, language) : none}
          />
          <Fact label={t('settings.repCount')} value={data ? formatNumber(data.repCount, language) : none} />
          <Fact
            label={t('settings.actor')}
            value={!data ? none : data.actor.role === 'lead' ? t('actor.teamLead') : data.actor.name}
          />
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}

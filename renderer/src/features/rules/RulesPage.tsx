// The Rules page: distribution rules and lead scoring, one tab each; `#/rules/scoring` opens the scoring tab.
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useLocationHash } from '../../ui/use-location-hash';
import { ScoringTab } from '../scoring/ScoringTab';
import { useRulesTranslation } from './bundle';
import { DistributionTab } from './DistributionTab';
const TABS = ['distribution', 'scoring'] as const;
type RulesTab = (typeof TABS)[number];

function readTab(hash: string): RulesTab {
  const name = hash.replace(/^#\/?/, '').split('/')[1] ?? '';
  return (TABS as readonly string[]).includes(name) ? (name as RulesTab) : 'distribution';
}

export function RulesPage() {
  const { t } = useRulesTranslation();
  const tab = readTab(useLocationHash());
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('rules.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('rules.subtitle')}
        </Text>
      </div>
      <Tabs
        value={tab}
        onChange={(next) => {
          if (next) window.location.hash = `/rules/${next}`;
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`rules.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="distribution">
          <DistributionTab />
        </Tabs.Panel>
        <Tabs.Panel value="scoring">
          <ScoringTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

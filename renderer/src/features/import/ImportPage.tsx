// The Import page: the wizard, the import history with undo, and the duplicates among existing leads.
import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { DuplicatesView } from '../duplicates/DuplicatesView';
import { useImportTranslation } from './bundle';
import { ImportHistory } from './ImportHistory';
import { ImportWizard } from './ImportWizard';

export function ImportPage() {
  const { t } = useImportTranslation();
  const [tab, setTab] = useState<string | null>('wizard');
  return (
    <Stack gap="md">
      <Title order={2}>{t('import.title')}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="wizard">{t('import.tabs.wizard')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('import.tabs.history')}</Tabs.Tab>
          <Tabs.Tab value="duplicates">{t('import.tabs.duplicates')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="wizard" pt="md">
          <ImportWizard />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <ImportHistory />
        </Tabs.Panel>
        <Tabs.Panel value="duplicates" pt="md">
          <DuplicatesView />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

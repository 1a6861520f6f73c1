// Step one of the import wizard: pick the file, and say whether it holds past leads (a history import).
import { FileInput, Paper, Switch, Text } from '@mantine/core';
import { useImportTranslation } from '../bundle';
import { useHistoryTranslation } from '../history/HistoryPanel';
import type { ImportSession } from './use-import-session';

export function ImportFileStep({ session }: { session: ImportSession }) {
  const { t } = useImportTranslation();
  const { t: th } = useHistoryTranslation();
  return (
    <Paper withBorder radius="md" p="lg">
      <FileInput
        label={t('import.pick')}
        description={t('import.pickHint')}
        accept=".csv,.txt,.tsv,.xlsx"
        value={session.file}
        onChange={session.pickFile}
        clearable
        maw={520}
        data-testid="import-file"
      />
      <Switch
        mt="md"
        label={th('importHistory.toggle')}
        description={th('importHistory.toggleHint')}
        checked={session.isHistory}
        onChange={(event) => session.setHistoryMode(event.currentTarget.checked)}
        data-testid="import-history-toggle"
      />
      {session.isUploading && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('import.uploading')}
        </Text>
      )}
    </Paper>
  );
}

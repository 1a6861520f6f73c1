// The analysis report before importing: new rows, duplicates and errors (with the rows to fix and the matches
// found), what to do with duplicates, an optional template name, and the button that starts the import.
import {
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ImportAnalysis } from '../../../../../core/api/import/schemas';
import { formatNumber } from '../../../ui/format';
import { useLanguage } from '../../../ui/use-language';
import { useImportTranslation } from '../bundle';
import type { DuplicateAction, ImportSession } from './use-import-session';

function StatCard({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: string;
  color: string;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function ErrorRows({ analysis, session }: { analysis: ImportAnalysis; session: ImportSession }) {
  const { t } = useImportTranslation();
  return (
    <Stack gap="xs" mb="md">
      <Group justify="space-between">
        <Text fw={600}>{t('import.errorList')}</Text>
        <Button
          size="xs"
          variant="light"
          color="red"
          loading={session.isDownloadingErrors}
          onClick={session.downloadErrors}
        >
          {t('import.downloadErrors')}
        </Button>
      </Group>
      {analysis.isErrorListTruncated && (
        <Text size="xs" c="dimmed">
          {t('import.errorListTruncated', { count: analysis.errors.length })}
        </Text>
      )}
      <ScrollArea.Autosize mah={260}>
        <Table withTableBorder data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.row')}</Table.Th>
              <Table.Th>{t('import.column')}</Table.Th>
              <Table.Th>{t('import.reason')}</Table.Th>
              <Table.Th>{t('import.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analysis.errors.slice(0, 200).map((error, i) => (
              <Table.Tr key={`${error.row}-${i}`}>
                <Table.Td>{error.row}</Table.Td>
                <Table.Td>{error.column ?? ''}</Table.Td>
                <Table.Td>{t(`import.reasons.${error.reason}`)}</Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={1}>
                    {error.value ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function DuplicateRows({ analysis }: { analysis: ImportAnalysis }) {
  const { t } = useImportTranslation();
  return (
    <Stack gap="xs" mb="md">
      <Text fw={600}>{t('import.duplicateList')}</Text>
      <ScrollArea.Autosize mah={220}>
        <Table withTableBorder data-testid="import-duplicates">
          <Table.Tbody>
            {analysis.duplicates.slice(0, 100).map((dup) => (
              <Table.Tr key={dup.row}>
                <Table.Td w={60}>{dup.row}</Table.Td>
                <Table.Td>{dup.name}</Table.Td>
                <Table.Td>
                  {dup.earlierRow !== null
                    ? t('import.earlierRow', { row: dup.earlierRow })
                    : dup.matches.map((m) => `${m.name}${m.company ? ` · ${m.company}` : ''}`).join('；')}
                </Table.Td>
                <Table.Td>
                  {dup.by.map((kind) => (
                    <Badge key={kind} size="xs" variant="light" mr={4}>
                      {t(`import.by.${kind}`)}
                    </Badge>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

export function ImportReportStep({
  analysis,
  session,
}: {
  analysis: ImportAnalysis;
  session: ImportSession;
}) {
  const { t } = useImportTranslation();
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('import.report')}</Title>
        <Text c="dimmed" size="sm">
          {analysis.fileName} · {t('import.total', { count: analysis.totalRows })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" mb="md">
        <StatCard label={t('import.new')} value={n(analysis.newRows)} color="teal" testId="report-new" />
        <StatCard
          label={t('import.duplicates')}
          value={n(analysis.duplicateRows)}
          color="orange"
          testId="report-duplicates"
        />
        <StatCard
          label={t('import.inFile')}
          value={n(analysis.inFileDuplicateRows)}
          color="yellow"
          testId="report-in-file"
        />
        <StatCard
          label={t('import.errors')}
          value={n(analysis.errorRows)}
          color="red"
          testId="report-errors"
        />
      </SimpleGrid>

      {analysis.errors.length > 0 && <ErrorRows analysis={analysis} session={session} />}
      {analysis.duplicates.length > 0 && <DuplicateRows analysis={analysis} />}

      {analysis.duplicateRows + analysis.inFileDuplicateRows > 0 && (
        <Radio.Group
          label={t('import.duplicateAction')}
          value={session.duplicateAction}
          onChange={(value) => session.setDuplicateAction(value as DuplicateAction)}
          mb="md"
        >
          <Stack gap={6} mt={6}>
            {(['merge', 'keepBoth', 'skip'] as const).map((action) => (
              <Radio key={action} value={action} label={t(`import.actions.${action}`)} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <TextInput
        label={t('import.templateName')}
        placeholder={t('import.templateNamePlaceholder')}
        value={session.templateName}
        onChange={(event) => session.setTemplateName(event.currentTarget.value)}
        maw={320}
        mb="md"
        maxLength={80}
      />
      <Group>
        <Button
          onClick={session.commit}
          loading={session.isCommitting}
          disabled={
            analysis.validRows === 0 ||
            session.isAnalyzing ||
            (session.isHistory && (analysis.history?.questions.length ?? 0) > 0)
          }
          data-testid="import-start"
        >
          {t('import.start', { count: analysis.validRows })}
        </Button>
        <Button variant="default" onClick={session.reset}>
          {t('import.cancel')}
        </Button>
      </Group>
    </Paper>
  );
}

// The import wizard: pick a file → encoding, delimiter and column mapping with a preview → the report (new,
// duplicates, errors) → import with a progress bar, or download the error rows to fix them.
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Radio,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ImportAnalysis, ImportJobResult } from '../../../../core/api/import/calls';
import { useClient } from '../../api/client-context';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { JobProgress } from '../jobs/JobProgress';
import { useJob } from '../jobs/job-store';
import { useImportTranslation } from './bundle';
import { downloadFile, readFileAsBase64 } from './file-transfer';
import type { HistoryAnswers } from '../../../../core/api/import/history';
import { HistoryDoneNotice, HistoryPanel, useHistoryTranslation } from './history/HistoryPanel';

/** Lead fields a column can become (the API's list; the renderer may not import core/import). */
const LEAD_FIELDS = [
  'name',
  'phone',
  'email',
  'wechat',
  'company',
  'title',
  'industry',
  'region',
  'companySize',
  'product',
  'source',
  'campaign',
  'cost',
  'budget',
  'needs',
] as const;

const ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be', 'big5', 'windows-1252'] as const;
const DELIMITERS = [
  { value: ',', key: 'comma' },
  { value: ';', key: 'semicolon' },
  { value: '\t', key: 'tab' },
] as const;
type Encoding = (typeof ENCODINGS)[number];
type Delimiter = (typeof DELIMITERS)[number]['value'];
type DuplicateAction = 'merge' | 'keepBoth' | 'skip';

interface AnalyzeOptions {
  encoding?: Encoding;
  delimiter?: Delimiter;
  mapping?: string[];
  templateId?: string;
  history?: HistoryAnswers;
  mode?: 'plain' | 'history';
}

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

export function ImportWizard({ onViewLeads }: { onViewLeads: () => void }) {
  const { t } = useImportTranslation();
  const language = useLanguage();
  const client = useClient();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [analysis, setAnalysis] = useState<ImportAnalysis | null>(null);
  const [duplicateAction, setDuplicateAction] = useState<DuplicateAction>('merge');
  const [templateName, setTemplateName] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [isHistory, setIsHistory] = useState(false);
  const [answers, setAnswers] = useState<HistoryAnswers>({});
  const { t: th } = useHistoryTranslation();
  const historyMode = (on: boolean, given: HistoryAnswers) =>
    on ? { mode: 'history' as const, history: given } : {};
  const job = useJob(jobId);
  const n = (value: number) => formatNumber(value, language);

  const upload = useMutation({
    mutationFn: async (picked: File) => {
      const contentBase64 = await readFileAsBase64(picked);
      const uploaded = await client.call('import.upload', { fileName: picked.name, contentBase64 });
      return client.call('import.analyze', {
        uploadId: uploaded.uploadId,
        ...historyMode(isHistory, answers),
      });
    },
    onSuccess: setAnalysis,
  });
  const reanalyze = useMutation({
    mutationFn: (options: AnalyzeOptions) => {
      if (!analysis) throw new Error('no file');
      return client.call('import.analyze', {
        uploadId: analysis.uploadId,
        encoding: options.encoding ?? analysis.encoding ?? undefined,
        delimiter: options.delimiter ?? analysis.delimiter ?? undefined,
        ...(options.mapping ? { mapping: options.mapping } : {}),
        ...(options.templateId ? { templateId: options.templateId } : {}),
        // New answers keep the columns as mapped; a new encoding or template maps them afresh.
        ...(options.history && !options.mapping && !options.templateId
          ? { mapping: [...analysis.mapping] }
          : {}),
        ...historyMode(options.mode ? options.mode === 'history' : isHistory, options.history ?? answers),
      });
    },
    onSuccess: setAnalysis,
  });
  const errorFile = useMutation({
    mutationFn: () => client.call('import.errorFile', { uploadId: analysis?.uploadId ?? '' }),
    onSuccess: downloadFile,
  });
  const commit = useMutation({
    mutationFn: () => {
      if (!analysis) throw new Error('no file');
      const name = templateName.trim();
      return client.call('import.commit', {
        uploadId: analysis.uploadId,
        analysisId: analysis.analysisId,
        duplicateAction,
        ...(name ? { templateName: name } : {}),
      });
    },
    onSuccess: (started) => setJobId(started.id),
  });

  const isFinished = job !== undefined && job.state !== 'running';
  useEffect(() => {
    if (isFinished) void queryClient.invalidateQueries();
  }, [isFinished, queryClient]);

  function reset() {
    if (analysis && !jobId)
      void client.call('import.discard', { uploadId: analysis.uploadId }).catch(() => undefined);
    setFile(null);
    setAnalysis(null);
    setJobId(null);
    setTemplateName('');
    setAnswers({});
    upload.reset();
    commit.reset();
  }

  const busyError = upload.error ?? reanalyze.error ?? commit.error ?? errorFile.error;

  if (jobId !== null) {
    const result = job?.state === 'done' ? (job.result as ImportJobResult) : null;
    return (
      <Stack gap="md" maw={900}>
        {job && <JobProgress job={job} label={t('import.importing')} />}
        {job?.state === 'running' && job.message && (
          <Text size="sm" c="dimmed" data-testid="import-rate">
            {t('import.rate', { rate: job.message.replace(/\D+/g, '') })}
          </Text>
        )}
        {result && (
          <Alert color="teal" data-testid="import-done">
            {t('import.done', {
              inserted: n(result.inserted),
              merged: n(result.merged),
              flagged: n(result.flagged),
              skipped: n(result.skipped),
              errors: n(result.errors),
            })}
          </Alert>
        )}
        {result && isHistory && <HistoryDoneNotice />}
        {job && (job.state === 'failed' || job.state === 'cancelled') && (
          <Alert color="red">{t('import.failed')}</Alert>
        )}
        {isFinished && (
          <Group>
            <Button onClick={onViewLeads}>{t('import.viewLeads')}</Button>
            <Button variant="default" onClick={reset}>
              {t('import.another')}
            </Button>
          </Group>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="lg">
        <FileInput
          label={t('import.pick')}
          description={t('import.pickHint')}
          accept=".csv,.txt,.tsv,.xlsx"
          value={file}
          onChange={(picked) => {
            setFile(picked);
            setAnalysis(null);
            if (picked) upload.mutate(picked);
          }}
          clearable
          maw={520}
          data-testid="import-file"
        />
        <Switch
          mt="md"
          label={th('importHistory.toggle')}
          description={th('importHistory.toggleHint')}
          checked={isHistory}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            setIsHistory(on);
            if (analysis)
              reanalyze.mutate({
                mode: on ? 'history' : 'plain',
                mapping: [...analysis.mapping],
                ...(on ? { history: answers } : {}),
              });
          }}
          data-testid="import-history-toggle"
        />
        {upload.isPending && (
          <Text size="sm" c="dimmed" mt="sm">
            {t('import.uploading')}
          </Text>
        )}
      </Paper>
      {busyError && (
        <Alert color="red" data-testid="import-error">
          {busyError.message}
        </Alert>
      )}
      {analysis && (
        <>
          <Paper withBorder radius="md" p="lg">
            <Group align="flex-end" gap="md">
              {analysis.format === 'csv' && (
                <>
                  <Select
                    label={t('import.encoding')}
                    w={160}
                    value={analysis.encoding}
                    data={[...ENCODINGS]}
                    allowDeselect={false}
                    onChange={(value) => value && reanalyze.mutate({ encoding: value as Encoding })}
                    data-testid="import-encoding"
                  />
                  <Select
                    label={t('import.delimiter')}
                    w={160}
                    value={analysis.delimiter}
                    data={DELIMITERS.map((d) => ({ value: d.value, label: t(`import.delimiters.${d.key}`) }))}
                    allowDeselect={false}
                    onChange={(value) => value && reanalyze.mutate({ delimiter: value as Delimiter })}
                  />
                </>
              )}
              {analysis.templates.length > 0 && (
                <Select
                  label={t('import.template')}
                  w={220}
                  value={analysis.template?.id ?? null}
                  placeholder={t('import.noTemplate')}
                  data={analysis.templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
                  onChange={(value) =>
                    reanalyze.mutate(
                      value ? { templateId: value } : { mapping: [...analysis.guessedMapping] },
                    )
                  }
                />
              )}
              {reanalyze.isPending && (
                <Text size="sm" c="dimmed">
                  {t('import.analyzing')}
                </Text>
              )}
            </Group>
          </Paper>

          <Paper withBorder radius="md" p="lg">
            <Title order={4} mb="sm">
              {t('import.mapping')}
            </Title>
            <ScrollArea>
              <Table striped withTableBorder data-testid="import-mapping">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.column')}</Table.Th>
                    <Table.Th>{t('import.target')}</Table.Th>
                    <Table.Th>{t('import.sample')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {analysis.headers.map((header, index) => {
                    const custom = `custom.${header.trim()}`;
                    const options = [
                      ...LEAD_FIELDS.map((field) => ({ value: field, label: t(`import.fields.${field}`) })),
                      { value: custom, label: t('import.customField', { name: header }) },
                      { value: 'ignore', label: t('import.ignore') },
                    ];
                    const current = analysis.mapping[index] ?? 'ignore';
                    if (!options.some((o) => o.value === current))
                      options.push({ value: current, label: current.replace(/^custom\./, '') });
                    return (
                      <Table.Tr key={`${index}-${header}`}>
                        <Table.Td fw={600}>{header}</Table.Td>
                        <Table.Td w={260}>
                          <Select
                            size="xs"
                            aria-label={header}
                            value={current}
                            data={options}
                            allowDeselect={false}
                            onChange={(value) => {
                              if (!value) return;
                              // One field per column: a field taken from another column leaves that one custom.
                              const mapping = analysis.mapping.map((target, i) => {
                                if (i === index) return value;
                                return target === value && value !== 'ignore'
                                  ? `custom.${(analysis.headers[i] ?? '').trim()}`
                                  : target;
                              });
                              reanalyze.mutate({ mapping });
                            }}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {analysis.previewRows
                              .slice(0, 3)
                              .map((row) => row.cells[index] ?? '')
                              .filter((cell) => cell !== '')
                              .join(' · ')}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Paper>

          {isHistory && analysis.history && (
            <HistoryPanel
              analysis={analysis}
              answers={answers}
              onAnswers={(next) => {
                setAnswers(next);
                reanalyze.mutate({ mode: 'history', history: next });
              }}
            />
          )}

          <Paper withBorder radius="md" p="lg">
            <Group justify="space-between" mb="sm">
              <Title order={4}>{t('import.report')}</Title>
              <Text c="dimmed" size="sm">
                {analysis.fileName} · {t('import.total', { count: analysis.totalRows })}
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" mb="md">
              <StatCard
                label={t('import.new')}
                value={n(analysis.newRows)}
                color="teal"
                testId="report-new"
              />
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

            {analysis.errors.length > 0 && (
              <Stack gap="xs" mb="md">
                <Group justify="space-between">
                  <Text fw={600}>{t('import.errorList')}</Text>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    loading={errorFile.isPending}
                    onClick={() => errorFile.mutate()}
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
            )}

            {analysis.duplicates.length > 0 && (
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
                              : dup.matches
                                  .map((m) => `${m.name}${m.company ? ` · ${m.company}` : ''}`)
                                  .join('；')}
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
            )}

            {analysis.duplicateRows + analysis.inFileDuplicateRows > 0 && (
              <Radio.Group
                label={t('import.duplicateAction')}
                value={duplicateAction}
                onChange={(value) => setDuplicateAction(value as DuplicateAction)}
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
              value={templateName}
              onChange={(event) => setTemplateName(event.currentTarget.value)}
              maw={320}
              mb="md"
              maxLength={80}
            />
            <Group>
              <Button
                onClick={() => commit.mutate()}
                loading={commit.isPending}
                disabled={
                  analysis.validRows === 0 ||
                  reanalyze.isPending ||
                  (isHistory && (analysis.history?.questions.length ?? 0) > 0)
                }
                data-testid="import-start"
              >
                {t('import.start', { count: analysis.validRows })}
              </Button>
              <Button variant="default" onClick={reset}>
                {t('import.cancel')}
              </Button>
            </Group>
          </Paper>
        </>
      )}
    </Stack>
  );
}

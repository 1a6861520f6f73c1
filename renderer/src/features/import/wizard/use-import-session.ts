// The import wizard's session: a picked file is uploaded and analysed; a new encoding, delimiter, template,
// mapping, mode or history answer re-analyses it; commit starts the import job; reset discards the upload.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { HistoryAnswers, ImportAnalysis } from '../../../../../core/api/import/schemas';
import { useClient } from '../../../api/client-context';
import { useJob } from '../../jobs/job-store';
import { downloadFile, readFileAsBase64 } from '../file-transfer';

export const ENCODINGS = [
  'utf-8',
  'utf-8-bom',
  'gb18030',
  'utf-16le',
  'utf-16be',
  'big5',
  'windows-1252',
] as const;
export const DELIMITERS = [
  { value: ',', key: 'comma' },
  { value: ';', key: 'semicolon' },
  { value: '\t', key: 'tab' },
] as const;
export type Encoding = (typeof ENCODINGS)[number];
export type Delimiter = (typeof DELIMITERS)[number]['value'];
export type DuplicateAction = 'merge' | 'keepBoth' | 'skip';

/** How values are read: the phone country and decimal styles the team lead chose; kept across re-analyses. */
export interface ReadingAnswers {
  defaultCountry?: string;
  decimalStyles?: Record<string, 'dot' | 'comma'>;
}

export interface AnalyzeOptions {
  encoding?: Encoding;
  delimiter?: Delimiter;
  mapping?: string[];
  templateId?: string;
  history?: HistoryAnswers;
  mode?: 'plain' | 'history';
  reading?: ReadingAnswers;
}

function historyMode(on: boolean, given: HistoryAnswers) {
  return on ? { mode: 'history' as const, history: given } : {};
}

export function useImportSession() {
  const client = useClient();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [analysis, setAnalysis] = useState<ImportAnalysis | null>(null);
  const [duplicateAction, setDuplicateAction] = useState<DuplicateAction>('merge');
  const [templateName, setTemplateName] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [isHistory, setIsHistory] = useState(false);
  const [answers, setAnswers] = useState<HistoryAnswers>({});
  const [reading, setReading] = useState<ReadingAnswers>({});
  const job = useJob(jobId);

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
        ...(options.reading ?? reading),
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

  function pickFile(picked: File | null) {
    setFile(picked);
    setAnalysis(null);
    if (picked) upload.mutate(picked);
  }

  function setHistoryMode(on: boolean) {
    setIsHistory(on);
    if (analysis)
      reanalyze.mutate({
        mode: on ? 'history' : 'plain',
        mapping: [...analysis.mapping],
        ...(on ? { history: answers } : {}),
      });
  }

  function answerHistory(next: HistoryAnswers) {
    setAnswers(next);
    reanalyze.mutate({ mode: 'history', history: next });
  }

  function answerReading(next: ReadingAnswers) {
    setReading(next);
    if (analysis) reanalyze.mutate({ mapping: [...analysis.mapping], reading: next });
  }

  function reset() {
    if (analysis && !jobId)
      void client.call('import.discard', { uploadId: analysis.uploadId }).catch(() => undefined);
    setFile(null);
    setAnalysis(null);
    setJobId(null);
    setTemplateName('');
    setAnswers({});
    setReading({});
    upload.reset();
    commit.reset();
  }

  return {
    file,
    analysis,
    isHistory,
    answers,
    duplicateAction,
    setDuplicateAction,
    templateName,
    setTemplateName,
    jobId,
    job,
    isFinished,
    isUploading: upload.isPending,
    isAnalyzing: reanalyze.isPending,
    isCommitting: commit.isPending,
    isDownloadingErrors: errorFile.isPending,
    error: upload.error ?? reanalyze.error ?? commit.error ?? errorFile.error,
    pickFile,
    setHistoryMode,
    answerHistory,
    reading,
    answerReading,
    reanalyze: (options: AnalyzeOptions) => reanalyze.mutate(options),
    downloadErrors: () => errorFile.mutate(),
    commit: () => commit.mutate(),
    reset,
  };
}

export type ImportSession = ReturnType<typeof useImportSession>;

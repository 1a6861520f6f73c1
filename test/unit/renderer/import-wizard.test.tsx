// The import wizard against a fake API: a picked file is uploaded and analysed, a column re-mapped onto a field
// another column holds leaves that one custom, the import starts with the chosen duplicate action, and cancelling
// discards the upload.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallInput, CallOutput } from '../../../core/api/contract';
import type { JobStatus } from '../../../core/api/jobs/schemas';
import { ImportWizard } from '../../../renderer/src/features/import/ImportWizard';
import { createFakeClient, pickOption, renderWithApp, type FakeAnswers } from './render-app';

type Analysis = CallOutput<'import.analyze'>;

const ANALYSIS: Analysis = {
  uploadId: 'upload-1',
  analysisId: 'analysis-1',
  fileName: 'leads.csv',
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ',',
  headers: ['姓名', '电话', '手机'],
  headerRow: 1,
  mapping: ['name', 'phone', 'custom.手机'],
  guessedMapping: ['name', 'phone', 'custom.手机'],
  template: null,
  templates: [],
  previewRows: [{ row: 2, cells: ['张三', '13800000000', '13900000000'] }],
  totalRows: 3,
  validRows: 3,
  newRows: 2,
  duplicateRows: 1,
  inFileDuplicateRows: 0,
  errorRows: 0,
  errors: [],
  isErrorListTruncated: false,
  warnings: 0,
  duplicates: [],
  history: null,
  defaultCountry: 'CN',
  numberColumns: [],
} as unknown as Analysis;

function answers(overrides: FakeAnswers = {}): FakeAnswers {
  return {
    'import.upload': () => ({ uploadId: 'upload-1' }) as CallOutput<'import.upload'>,
    'import.analyze': (input) => ({ ...ANALYSIS, mapping: input.mapping ?? ANALYSIS.mapping }) as Analysis,
    'import.discard': () => ({}) as CallOutput<'import.discard'>,
    'import.commit': () =>
      ({
        id: 'job-import',
        kind: 'import',
        actor: 'team lead',
        state: 'running',
        done: 0,
        total: 3,
        message: null,
        result: null,
        error: null,
        startedAt: 0,
        finishedAt: null,
        batchId: 'batch-1',
      }) as JobStatus as CallOutput<'import.commit'>,
    'jobs.list': () => [],
    ...overrides,
  };
}

async function pickFile() {
  const input = document.querySelector('input[type=file]');
  if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
  const file = new File(['姓名,电话,手机\n张三,13800000000,13900000000\n'], 'leads.csv', {
    type: 'text/csv',
  });
  fireEvent.change(input, { target: { files: [file] } });
  await screen.findByTestId('import-mapping');
}

function analyzeInputs(client: ReturnType<typeof createFakeClient>) {
  return client.calls
    .filter((call) => call.name === 'import.analyze')
    .map((call) => call.input as CallInput<'import.analyze'>);
}

// Each test renders the whole wizard with Mantine in jsdom: seconds on a loaded machine, so more than the default 5 s.
describe('the import wizard', { timeout: 20_000 }, () => {
  it('uploads and analyses a picked file and shows the report', async () => {
    const client = createFakeClient(answers());
    renderWithApp(<ImportWizard />, client, 'en');
    await pickFile();
    expect(client.calls.find((call) => call.name === 'import.upload')?.input).toMatchObject({
      fileName: 'leads.csv',
    });
    expect(analyzeInputs(client)[0]).toEqual({ uploadId: 'upload-1' });
    expect(screen.getByTestId('report-new').textContent).toBe('2');
    expect(screen.getByTestId('report-duplicates').textContent).toBe('1');
  });

  it('leaves a column custom when its field is given to another column', async () => {
    const client = createFakeClient(answers());
    renderWithApp(<ImportWizard />, client, 'en');
    await pickFile();
    await pickOption('手机', 'Phone');
    await waitFor(() => expect(analyzeInputs(client)).toHaveLength(2));
    expect(analyzeInputs(client)[1]?.mapping).toEqual(['name', 'custom.电话', 'phone']);
  });

  it('starts the import with the chosen duplicate action', async () => {
    const client = createFakeClient(answers());
    renderWithApp(<ImportWizard />, client, 'en');
    await pickFile();
    fireEvent.click(screen.getByRole('radio', { name: /skip/i }));
    fireEvent.click(screen.getByTestId('import-start'));
    await waitFor(() =>
      expect(client.calls.find((call) => call.name === 'import.commit')?.input).toEqual({
        uploadId: 'upload-1',
        analysisId: 'analysis-1',
        duplicateAction: 'skip',
      }),
    );
  });

  it('discards the upload when the import is cancelled', async () => {
    const client = createFakeClient(answers());
    renderWithApp(<ImportWizard />, client, 'en');
    await pickFile();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(client.calls.find((call) => call.name === 'import.discard')?.input).toEqual({
        uploadId: 'upload-1',
      }),
    );
    expect(screen.queryByTestId('import-mapping')).toBeNull();
  });
});

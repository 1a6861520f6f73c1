// The import wizard's report: reads the whole uploaded file once, validates every row with the chosen mapping,
// matches rows against existing leads and earlier rows, keeps the valid rows in memory for the commit job and
// writes the rejected ones to a file for the error CSV.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { DedupeKeyKind } from '../../domain/dedupe';
import { PRIVATE_FILE_MODE } from '../../fs-private';
import { guessColumnMapping, foldHeader } from '../../import/column-mapping';
import { describeHistoryErrors, describeRowErrors } from '../../import/export-csv';
import { languageOf } from '../preferences/handlers';
import { validateSourceRow } from '../../import/import-rows';
import { openLeadFile, type LeadFile } from '../../import/read-file';
import { ImportFileError, type ColumnTarget, type RowIssue } from '../../import/types';
import { findTemplatesForHeaders } from '../../store/import-templates';
import { findLeadById } from '../../store/leads';
import type { CallContext } from '../call-context';
import { IMPORT_ERRORS } from './errors';
import type { DuplicateMatchSummary, DuplicateRowSample, ImportAnalysis } from './schemas';
import type { ParsedInput } from '../contract';
import { ServiceError } from '../errors';
import {
  readUploadMeta,
  rowsPathOf,
  sourcePathOf,
  writeAnalysisMeta,
  type AnalysedRow,
  type RejectedRow,
} from './files';
import { prepareHistoryPass } from './history';
import { guessHistoryColumns } from '../../domain/history/history-columns';
import type { RowReadingContext } from '../../import/import-rows';
import { readSetting } from '../../store/settings';
import { commaColumnsOf, settleNumberColumns } from './number-columns';
import { peekLeadFile } from './peek';
import { keyKindOf, createKeyMatching, type KeyHolder, type KeyKindIndex } from './key-matching';
import type { KeyMatch } from './matcher';
import { keepAnalysis } from './kept-analysis';
import { leadKeysOf } from '../leads/lead-keys';
import type { LeadDraft } from '../../import/validate-row';
import type { LeadKeys } from '../../store/leads';

const PREVIEW_ROWS = 20;
const MAX_REPORTED_ERRORS = 5_000;
const MAX_DUPLICATE_SAMPLES = 500;

/** The key under which templates are found again: headers folded (width, case, punctuation) and joined. */
export function headersKeyOf(headers: readonly string[]): string {
  return headers.map(foldHeader).join('\u0001');
}

/** Opens an uploaded file, turning "cannot import this file at all" into an error naming the file. */
export async function openUploadedFile(
  path: string,
  options: { encoding?: LeadFile['encoding']; delimiter?: LeadFile['delimiter'] },
): Promise<LeadFile> {
  try {
    return await openLeadFile(path, {
      // Small batches keep few rows alive at a time: a young-generation GC then promotes little to the old one.
      batchSize: 250,
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    });
  } catch (error) {
    if (error instanceof ImportFileError)
      throw new ServiceError(
        IMPORT_ERRORS.unreadableFile,
        { code: error.code, detail: error.message },
        'file',
      );
    throw error;
  }
}

export async function analyzeUpload(
  ctx: CallContext,
  input: ParsedInput<'import.analyze'>,
): Promise<ImportAnalysis> {
  const upload = await readUploadMeta(ctx.db, input.uploadId);
  // The error file's words, in the language of the team lead who reads it.
  const language = languageOf(ctx);
  // The first rows are read ahead: headers are judged by their content too ("Do Not Email" Yes/No is no email).
  const { sample, file } = await peekLeadFile(await openUploadedFile(sourcePathOf(ctx.db, upload), input));
  const sampleCells = sample.map((source) => source.cells);
  const headers = file.headers;
  const templates = findTemplatesForHeaders(ctx.db, headersKeyOf(headers));
  const guessed = guessColumnMapping(headers, sampleCells);
  let template = input.templateId ? templates.find((t) => t.id === input.templateId) : undefined;
  if (input.templateId && !template) {
    await file.close();
    throw new ServiceError(IMPORT_ERRORS.templateMismatch, undefined, 'templateId');
  }
  if (!input.mapping && !template) template = templates[0];
  const mapping = (input.mapping ?? template?.mapping ?? guessed) as readonly ColumnTarget[];
  if (mapping.length !== headers.length) {
    await file.close();
    throw new ServiceError(
      IMPORT_ERRORS.mappingLength,
      { columns: headers.length, targets: mapping.length },
      'mapping',
    );
  }
  const duplicateTarget = findDoubleMappedField(mapping);
  if (duplicateTarget) {
    await file.close();
    throw new ServiceError(IMPORT_ERRORS.fieldMappedTwice, { field: duplicateTarget }, 'mapping');
  }

  const answers = input.history ?? {};
  const historyColumns =
    input.mode === 'history' ? (answers.columns ?? guessHistoryColumns(headers, sampleCells)) : null;
  const numberColumns = settleNumberColumns(
    headers,
    mapping,
    sampleCells,
    input.decimalStyles ?? {},
    historyColumns?.wonAmount,
  );
  const defaultCountry = (
    input.defaultCountry ?? readDefaultCountry(ctx.db, ctx.systemCountry)
  ).toUpperCase();
  const reading: RowReadingContext = {
    defaultCountry,
    decimalCommaColumns: commaColumnsOf(numberColumns),
  };
  const wonAmountDecimal = numberColumns.find((c) => c.field === 'wonAmount')?.style;
  const historyPass =
    historyColumns !== null
      ? await prepareHistoryPass(ctx.db, file, mapping, answers, ctx.now, ctx.newId, {
          columns: historyColumns,
          ...(wonAmountDecimal ? { wonAmountDecimal } : {}),
        }).catch(async (error: unknown) => {
          await file.close();
          throw error;
        })
      : null;
  const rowMapping = historyPass ? historyPass.mapping : mapping;
  // Each batch is matched as it is read, against the live leads' keys and the rows before it.
  const matching = createKeyMatching(ctx.db);
  /** The valid rows, kept in memory for the commit (~40 MB per 100k rows). */
  const validLines: AnalysedRow[] = [];
  const out = createWriteStream(rowsPathOf(ctx.db, upload.uploadId), { mode: PRIVATE_FILE_MODE });
  // A failed write (a full disk) fails the analysis at the next batch, never the process.
  let writeFailure: Error | null = null;
  out.on('error', (error) => {
    writeFailure ??= error;
  });
  const previewRows: { row: number; cells: readonly string[] }[] = [];
  const errors: RowIssue[] = [];
  const samples: { sample: Omit<DuplicateRowSample, 'matches'>; matches: readonly KeyMatch[] }[] = [];
  let totalRows = 0;
  let validRows = 0;
  let errorRows = 0;
  let errorCount = 0;
  let warnings = 0;
  let duplicateRows = 0;
  let inFileDuplicateRows = 0;
  /** Takes one batch's hits: counts and the first samples for the report. */
  const tallyHits = (hits: readonly KeyHolder[], drafts: ReadonlyMap<number, LeadDraft>) => {
    for (let start = 0; start < hits.length;) {
      const row = hits[start] as number;
      const stored: KeyMatch[] = [];
      const before: KeyMatch[] = [];
      for (; start < hits.length && hits[start] === row; start += 3) {
        const kind = keyKindOf(hits[start + 1] as KeyKindIndex);
        const holder = hits[start + 2] as KeyHolder;
        addMatch(typeof holder === 'number' ? before : stored, String(holder), kind);
      }
      if (stored.length > 0) duplicateRows += 1;
      else inFileDuplicateRows += 1;
      const draft = drafts.get(row);
      if (!draft || samples.length >= MAX_DUPLICATE_SAMPLES) continue;
      const first = stored.length === 0 ? before[0] : undefined;
      samples.push({
        sample: {
          row,
          name: draft.name,
          phone: draft.phone,
          email: draft.email,
          company: draft.company,
          earlierRow: first ? Number(first.id) : null,
          by: unionKinds(stored.length > 0 ? stored : before),
        },
        matches: stored,
      });
    }
  };
  try {
    for await (const batch of historyPass ? historyPass.batches() : file.batches()) {
      let text = '';
      const batchKeys: { row: number; keys: LeadKeys }[] = [];
      const batchDrafts = new Map<number, LeadDraft>();
      for (const source of batch) {
        totalRows += 1;
        if (previewRows.length < PREVIEW_ROWS) previewRows.push({ row: source.row, cells: source.cells });
        const result = validateSourceRow(source, rowMapping, headers, reading);
        warnings += result.warnings.length;
        if (!('draft' in result)) {
          errorRows += 1;
          for (const issue of result.errors) {
            errorCount += 1;
            if (errors.length < MAX_REPORTED_ERRORS) errors.push(issue);
          }
          const line: RejectedRow = {
            r: source.row,
            c: source.cells,
            e: describeRowErrors(result.errors, language),
          };
          text += `${JSON.stringify(line)}\n`;
          continue;
        }
        const built = historyPass?.build(source, result.draft);
        if (built && !built.ok) {
          errorRows += 1;
          text += `${JSON.stringify({ r: source.row, c: source.cells, e: describeHistoryErrors(built.errors, language) } satisfies RejectedRow)}\n`;
          continue;
        }
        validRows += 1;
        const draft = result.draft;
        const keys = leadKeysOf(draft);
        batchKeys.push({ row: source.row, keys });
        if (samples.length < MAX_DUPLICATE_SAMPLES) batchDrafts.set(source.row, draft);
        validLines.push({ r: source.row, d: draft, k: keys, ...(built ? { h: built.extras } : {}) });
      }
      tallyHits(matching.match(batchKeys), batchDrafts);
      if (writeFailure) throw writeFailure;
      if (!out.write(text)) await once(out, 'drain');
    }
    out.end();
    if (writeFailure) throw writeFailure;
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    throw error;
  } finally {
    await file.close();
  }
  const newRows = validRows - duplicateRows - inFileDuplicateRows;

  const history = historyPass ? historyPass.finish() : null;
  const analysisId = ctx.newId('analysis');
  keepAnalysis(ctx.db, {
    uploadId: upload.uploadId,
    analysisId,
    rows: validLines,
  });
  await writeAnalysisMeta(ctx.db, {
    analysisId,
    uploadId: upload.uploadId,
    fileName: upload.fileName,
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    headers,
    mapping,
    totalRows,
    validRows,
    errorRows,
    analyzedAt: ctx.now,
    committedBatchId: null,
    decimalQuestions: numberColumns
      .filter((c) => c.isQuestion)
      .map((c) => ({ column: c.column, example: c.examples[0] ?? '' })),
    ...(input.defaultCountry ? { chosenCountry: defaultCountry } : {}),
    ...(history
      ? {
          history: {
            newReps: history.newReps,
            excludeFields: history.excludeFields,
            leaks: history.leaks.map(({ column, field, reason, evidence }) => ({
              column,
              field,
              reason,
              evidence,
            })),
            questions: history.questions,
            datesUnknown: history.datesUnknown,
          },
        }
      : {}),
  });

  const summaries = new Map<string, DuplicateMatchSummary | null>();
  const summaryOf = (match: KeyMatch): DuplicateMatchSummary | null => {
    if (!summaries.has(match.id)) {
      const lead = findLeadById(ctx.db, match.id);
      summaries.set(
        match.id,
        lead
          ? {
              leadId: lead.id,
              name: lead.name,
              company: lead.company,
              phone: lead.phone,
              email: lead.email,
              ownerId: lead.ownerId,
              by: [],
            }
          : null,
      );
    }
    const found = summaries.get(match.id);
    return found ? { ...found, by: match.by } : null;
  };

  return {
    uploadId: upload.uploadId,
    analysisId,
    fileName: upload.fileName,
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    headers,
    headerRow: file.headerRow,
    mapping,
    guessedMapping: guessed,
    template: template ? { id: template.id, name: template.name } : null,
    templates: templates.map((t) => ({ id: t.id, name: t.name })),
    previewRows,
    totalRows,
    validRows,
    newRows,
    duplicateRows,
    inFileDuplicateRows,
    errorRows,
    errors,
    isErrorListTruncated: errorCount > errors.length,
    warnings,
    duplicates: samples.map(({ sample, matches }) => ({
      ...sample,
      matches: matches.map(summaryOf).filter((summary): summary is DuplicateMatchSummary => summary !== null),
    })),
    history,
    defaultCountry,
    numberColumns,
  };
}

/** The workspace setting holding the phone country for numbers without a country code. */
export const DEFAULT_COUNTRY_SETTING = 'import.defaultCountry';

/** The workspace's phone country: the one last chosen for an import, else the computer's (from its OS locale). */
export function readDefaultCountry(db: CallContext['db'], systemCountry: string): string {
  return readSetting<string>(db, DEFAULT_COUNTRY_SETTING) ?? systemCountry;
}

function addMatch(matches: KeyMatch[], id: string, kind: DedupeKeyKind): void {
  const same = matches.find((match) => match.id === id);
  if (same) same.by.push(kind);
  else matches.push({ id, by: [kind] });
}

function unionKinds(matches: readonly KeyMatch[]): DedupeKeyKind[] {
  const kinds = new Set<DedupeKeyKind>();
  for (const match of matches) for (const kind of match.by) kinds.add(kind);
  return [...kinds];
}

function findDoubleMappedField(mapping: readonly ColumnTarget[]): string | null {
  const seen = new Set<string>();
  for (const target of mapping) {
    if (target === 'ignore') continue;
    if (seen.has(target)) return target;
    seen.add(target);
  }
  return null;
}

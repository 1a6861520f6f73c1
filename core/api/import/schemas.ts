// Shapes of the import namespace: an upload, the analysis report the team lead reviews, an import batch, the
// latest past-leads import's leak flags, and mapping templates.
import { z } from 'zod';
import type { Delimiter } from '../../import/csv-parser';
import type { TextEncoding } from '../../import/encoding';
import type { RowIssue } from '../../import/types';
import type { HistoryAnalysis, HistoryLeak } from './history';
import { dedupeKindSchema } from '../leads/calls';

export const ENCODINGS = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'big5',
  'windows-1252',
] as const satisfies readonly TextEncoding[];
export const DELIMITERS = [',', ';', '\t'] as const satisfies readonly Delimiter[];

export const uploadedFileSchema = z
  .object({ uploadId: z.string(), fileName: z.string(), sizeBytes: z.number() })
  .strict();
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

const duplicateMatchSchema = z
  .object({
    leadId: z.string(),
    name: z.string(),
    company: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    ownerId: z.string().nullable(),
    by: z.array(dedupeKindSchema).readonly(),
  })
  .strict();
export type DuplicateMatchSummary = z.infer<typeof duplicateMatchSchema>;

/** A row of the file that matches an existing lead, or (`earlierRow`) only an earlier row of the same file. */
const duplicateRowSchema = z
  .object({
    row: z.number(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    company: z.string().nullable(),
    matches: z.array(duplicateMatchSchema).readonly(),
    earlierRow: z.number().nullable(),
    by: z.array(dedupeKindSchema).readonly(),
  })
  .strict();
export type DuplicateRowSample = z.infer<typeof duplicateRowSchema>;

const rowIssueSchema = z
  .object({
    severity: z.enum(['error', 'warning']),
    row: z.number(),
    line: z.number().nullable(),
    column: z.string().optional(),
    columnIndex: z.number().optional(),
    field: z.string().optional(),
    reason: z.string(),
    message: z.string(),
    value: z.string().optional(),
  })
  .strict() as unknown as z.ZodType<RowIssue>;

/**
 * A past-leads analysis: what decides the commit (questions, leak flags, excluded fields) is checked; the
 * per-column reports pass through as history.ts defines them.
 */
const historyAnalysisSchema = z.looseObject({
  questions: z.array(
    z
      .object({
        kind: z.enum(['date_order', 'invalid_dates', 'unmapped_outcome', 'undecided_owner']),
        column: z.string(),
        value: z.string().nullable(),
        message: z.string(),
      })
      .strict(),
  ),
  leaks: z.array(z.looseObject({ column: z.string(), field: z.string(), reason: z.string() })),
  excludeFields: z.array(z.string()),
  historyErrorRows: z.number(),
}) as unknown as z.ZodType<HistoryAnalysis>;

const named = z.object({ id: z.string(), name: z.string() }).strict();

export const importAnalysisSchema = z
  .object({
    uploadId: z.string(),
    analysisId: z.string(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.enum(ENCODINGS).nullable(),
    delimiter: z.enum(DELIMITERS).nullable(),
    headers: z.array(z.string()).readonly(),
    headerRow: z.number(),
    mapping: z.array(z.string()).readonly(),
    guessedMapping: z.array(z.string()).readonly(),
    /** The template whose mapping is in use, when one is. */
    template: named.nullable(),
    /** Templates saved for files with these same headers. */
    templates: z.array(named).readonly(),
    previewRows: z
      .array(z.object({ row: z.number(), cells: z.array(z.string()).readonly() }).strict())
      .readonly(),
    totalRows: z.number(),
    validRows: z.number(),
    /** Valid rows that match nothing. */
    newRows: z.number(),
    /** Valid rows matching an existing lead. */
    duplicateRows: z.number(),
    /** Valid rows matching only an earlier row of the same file. */
    inFileDuplicateRows: z.number(),
    errorRows: z.number(),
    /** Every error with its row, column and reason, up to 5,000 (then `isErrorListTruncated`). */
    errors: z.array(rowIssueSchema).readonly(),
    isErrorListTruncated: z.boolean(),
    warnings: z.number(),
    /** The first 500 duplicate rows with what they match. */
    duplicates: z.array(duplicateRowSchema).readonly(),
    /** For `mode: 'history'`: columns, date questions, outcome and owner mappings, leak flags. */
    history: historyAnalysisSchema.nullable(),
  })
  .strict();
export type ImportAnalysis = z.infer<typeof importAnalysisSchema>;

export const importBatchSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    actor: z.string(),
    state: z.enum(['running', 'committed', 'undone', 'cancelled', 'failed']),
    duplicateAction: z.enum(['merge', 'keepBoth', 'skip']),
    totalRows: z.number(),
    inserted: z.number(),
    merged: z.number(),
    flagged: z.number(),
    skipped: z.number(),
    errors: z.number(),
    startedAt: z.number(),
    finishedAt: z.number().nullable(),
    undoneAt: z.number().nullable(),
    undoneBy: z.string().nullable(),
  })
  .strict();

export const historyFlagsSchema = z
  .object({
    batchId: z.string(),
    at: z.number(),
    excludeFields: z.array(z.string()).readonly(),
    leaks: z
      .array(
        z.looseObject({
          column: z.string(),
          field: z.string(),
          reason: z.string(),
        }) as unknown as z.ZodType<HistoryLeak>,
      )
      .readonly(),
    /** Local days (workspace time zone) of the first and last imported lead; null when none is left. */
    period: z.object({ from: z.string(), to: z.string(), leads: z.number() }).strict().nullable(),
  })
  .strict();

export const importTemplateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    headers: z.array(z.string()).readonly(),
    mapping: z.array(z.string()).readonly(),
    actor: z.string(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .strict();

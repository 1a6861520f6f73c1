// Shapes of the import namespace: an upload, the analysis report the team lead reviews (with the past-leads answers
// and questions), an import batch, the latest past-leads import's leak flags, and mapping templates.
import { z } from 'zod';
import { DELIMITERS as CSV_DELIMITERS, TEXT_ENCODINGS, type RowIssue } from '../../import/types';
import type { BuiltInStage } from '../../domain/funnel';
import type { DateRole, HistoryColumns, HistoryRole } from '../../domain/history/history-columns';
import type { HistoryIssue } from '../../domain/history/history-row';
import type { LeakFlag } from '../../domain/history/leak-detection';
import type { OutcomeGuess } from '../../domain/history/outcome-mapping';
import type { OwnerMatch } from '../../domain/history/owner-matching';
import type { AmbiguousDateExample, BadDateExample, DateOrder } from '../../domain/history/parse-dates';
import { dedupeKindSchema } from '../leads/calls';

/** The encodings and delimiters the team lead may choose when the guess is wrong: those the readers know. */
export const ENCODINGS = TEXT_ENCODINGS;
export const DELIMITERS = CSV_DELIMITERS;

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

/** What the team lead answered to the history questions (all optional: the first analysis asks them). */
export interface HistoryAnswers {
  /** Column per history role; omitted: guessed from the headers. */
  readonly columns?: Readonly<Partial<Record<HistoryRole, number>>>;
  /** Day/month order per date column the analysis found ambiguous. */
  readonly dateOrders?: Readonly<Partial<Record<DateRole, DateOrder>>>;
  /** Outcome value (any spelling) → stage; null leaves it unmapped. */
  readonly outcomes?: Readonly<Record<string, BuiltInStage | null>>;
  /** Owner value (any spelling) → an existing rep, a new inactive rep, or no owner. */
  readonly owners?: Readonly<Record<string, OwnerDecision>>;
  /** Apply owner matches found only after dropping a bracketed note (default true). */
  readonly acceptSuggestedOwners?: boolean;
  /** Flagged fields the team lead puts back into learning. */
  readonly keepFields?: string[];
  /** For a file without an arrival column: one arrival time (epoch ms) for every row, or dates unknown. */
  readonly undated?: { readonly fallbackCreatedAt: number } | { readonly datesUnknown: true };
}

export type OwnerDecision = { readonly repId: string } | { readonly create: true } | { readonly none: true };

export interface DateColumnReport {
  readonly role: DateRole;
  readonly column: string;
  readonly kind: 'ok' | 'ambiguous' | 'invalid';
  readonly order: DateOrder | null;
  readonly examples: readonly AmbiguousDateExample[];
  readonly badExamples: readonly BadDateExample[];
  readonly invalidCount: number;
}

/** A question that blocks the commit until answered. */
export interface HistoryQuestion {
  /** `undated`: no arrival column (column ''): answered with `undated`. */
  readonly kind: 'date_order' | 'invalid_dates' | 'unmapped_outcome' | 'undecided_owner' | 'undated';
  readonly column: string;
  readonly value: string | null;
  /** English; the UI builds its own sentence from kind, column and value. */
  readonly message: string;
}

export interface HistoryAnalysis {
  readonly columns: HistoryColumns;
  readonly dates: readonly DateColumnReport[];
  readonly outcomes: readonly OutcomeGuess[];
  readonly unmappedOutcomes: readonly string[];
  readonly owners: readonly OwnerMatch[];
  readonly undecidedOwners: readonly string[];
  /** Owners that will be created as inactive reps at commit. */
  readonly newReps: readonly { readonly id: string; readonly name: string }[];
  readonly leaks: readonly LeakFlag[];
  /** Fields kept out of learned scoring (flags minus keepFields). */
  readonly excludeFields: readonly string[];
  readonly questions: readonly HistoryQuestion[];
  readonly historyErrorRows: number;
  /** The first 1,000 history errors. */
  readonly errors: readonly HistoryIssue[];
  /** Answered "dates unknown": the rows train the learned model but are never replayed. */
  readonly datesUnknown: boolean;
}

/** A leak flag as the Scoring page shows it: which field, why, and the counts behind it. */
export type HistoryLeak = Pick<LeakFlag, 'column' | 'field' | 'reason' | 'evidence'>;

/**
 * A past-leads analysis: what decides the commit (questions, leak flags, excluded fields) is checked; the
 * per-column reports pass through as typed above.
 */
const historyAnalysisSchema = z.looseObject({
  questions: z.array(
    z
      .object({
        kind: z.enum(['date_order', 'invalid_dates', 'unmapped_outcome', 'undecided_owner', 'undated']),
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
    /** The country phone numbers without a country code were read in (ISO 3166 alpha-2). */
    defaultCountry: z.string(),
    /**
     * How each money column writes decimals; `isQuestion` ones (only `1,200`-like values, or both styles) block
     * the commit until answered with `decimalStyles`.
     */
    numberColumns: z
      .array(
        z
          .object({
            columnIndex: z.number(),
            column: z.string(),
            field: z.string(),
            style: z.enum(['dot', 'comma']),
            isQuestion: z.boolean(),
            examples: z.array(z.string()).readonly(),
          })
          .strict(),
      )
      .readonly(),
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
    /** Past leads of the batch still there (also when their dates are unknown). */
    leads: z.number(),
    /**
     * Local days (workspace time zone) of the first and last imported lead; null when none is left or the batch
     * was imported with dates unknown (nothing to replay).
     */
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

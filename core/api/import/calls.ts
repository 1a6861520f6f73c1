// Calls and events of one feature: Import, export, duplicates and backups (issue 3).
import { z } from 'zod';
import type { DedupeKeyKind } from '../../domain/dedupe';
import { BUILT_IN_STAGES, GRADES, MAX_STAGES } from '../../domain/funnel';
import { DATE_ROLES, HISTORY_ROLES } from '../../domain/history/history-columns';
import type { Lead } from '../../domain/lead';
import { LEAD_SORT_FIELDS } from '../../domain/lead-list';
import type { TextEncoding } from '../../import/encoding';
import type { Delimiter } from '../../import/csv-parser';
import { LEAD_FIELDS, type RowIssue } from '../../import/types';
import type { ImportBatch } from '../../store/import-batches';
import type { HistoryAnalysis, HistoryFlags } from './history';
import type { ImportTemplate } from '../../store/import-templates';
import { call, empty, id, MAX_TEXT, stageKeySchema, type JobStatus } from '../contract-kit';

/** 300 MB of file as base64 (the hub allows a 400 MB body for uploads). */
const MAX_UPLOAD_BASE64 = Math.ceil((300 * 1024 * 1024 * 4) / 3) + 4;

const ENCODINGS = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'big5',
  'windows-1252',
] as const satisfies readonly TextEncoding[];
const DELIMITERS = [',', ';', '\t'] as const satisfies readonly Delimiter[];

const LEAD_FIELD_SET: ReadonlySet<string> = new Set(LEAD_FIELDS);
const columnTarget = z
  .string()
  .max(80)
  .refine(
    (target) =>
      target === 'ignore' ||
      LEAD_FIELD_SET.has(target) ||
      (target.startsWith('custom.') && target.trim().length > 7 && target.length <= 71),
    { message: `a lead field (${LEAD_FIELDS.join(', ')}), custom.<name> or ignore` },
  );

export const DUPLICATE_ACTIONS = ['merge', 'keepBoth', 'skip'] as const;

const uploadInput = z
  .object({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .refine((name) => /\.(csv|txt|tsv|xlsx)$/i.test(name), {
        message: 'only .csv, .txt and .xlsx files can be imported',
      }),
    contentBase64: z
      .string()
      .min(1, 'the file is empty')
      .max(MAX_UPLOAD_BASE64, 'the file is larger than 300 MB'),
  })
  .strict();

const uploadIdInput = z.object({ uploadId: id }).strict();

const historyKey = z.string().max(200);
const historyAnswers = z
  .object({
    columns: z.partialRecord(z.enum(HISTORY_ROLES), z.number().int().min(0).max(499)).optional(),
    dateOrders: z.partialRecord(z.enum(DATE_ROLES), z.enum(['MDY', 'DMY'])).optional(),
    outcomes: z.record(historyKey, z.enum(BUILT_IN_STAGES).nullable()).optional(),
    owners: z
      .record(
        historyKey,
        z.union([
          z.object({ repId: id }).strict(),
          z.object({ create: z.literal(true) }).strict(),
          z.object({ none: z.literal(true) }).strict(),
        ]),
      )
      .optional(),
    acceptSuggestedOwners: z.boolean().optional(),
    keepFields: z.array(z.string().max(100)).max(200).optional(),
  })
  .strict();

const analyzeInput = z
  .object({
    uploadId: id,
    encoding: z.enum(ENCODINGS).optional(),
    delimiter: z.enum(DELIMITERS).optional(),
    /** One target per column; omitted: a saved template for these headers, else the guess. */
    mapping: z.array(columnTarget).max(500).optional(),
    templateId: id.optional(),
    /** `history`: the rows are past leads with outcomes, owners and dates (never distributed, no SLA). */
    mode: z.enum(['plain', 'history']).default('plain'),
    history: historyAnswers.optional(),
  })
  .strict();

const commitInput = z
  .object({
    uploadId: id,
    /** The analysis the user saw: committing anything else would import rows they did not review. */
    analysisId: id,
    duplicateAction: z.enum(DUPLICATE_ACTIONS),
    /** Save the mapping as a template under this name. */
    templateName: z.string().trim().min(1).max(80).optional(),
  })
  .strict();

const historyInput = z
  .object({
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

const batchIdInput = z.object({ batchId: id }).strict();

const templateSaveInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    headers: z.array(z.string().max(200)).min(1).max(500),
    mapping: z.array(columnTarget).min(1).max(500),
  })
  .strict()
  .refine((input) => input.headers.length === input.mapping.length, {
    message: 'one mapping target per header',
    path: ['mapping'],
  });

const findDuplicatesInput = z
  .object({
    name: z.string().max(200).optional(),
    phone: z.string().max(100).optional(),
    email: z.string().max(254).optional(),
    company: z.string().max(300).optional(),
    /** The lead being edited, left out of its own matches. */
    excludeId: id.optional(),
  })
  .strict();

const duplicateGroupsInput = z.object({ limit: z.number().int().min(1).max(1_000).default(200) }).strict();

const MERGE_FIELDS = [
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
  'costFen',
  'needs',
] as const;

const mergeInput = z
  .object({
    keepId: id,
    mergeIds: z.array(id).min(1).max(50),
    /** Per field, the id of the lead whose value wins; unlisted fields keep the kept lead's value unless empty. */
    choices: z.partialRecord(z.enum(MERGE_FIELDS), id).default({}),
  })
  .strict()
  .refine((input) => !input.mergeIds.includes(input.keepId), {
    message: 'the kept lead cannot be merged into itself',
    path: ['mergeIds'],
  })
  .refine((input) => new Set(input.mergeIds).size === input.mergeIds.length, {
    message: 'a lead is listed twice',
    path: ['mergeIds'],
  });

/** The filter of `leads.list` (its paging is accepted and ignored: an export takes every matching lead). */
const exportFilter = z
  .object({
    text: z.string().max(MAX_TEXT).optional(),
    stages: z.array(stageKeySchema).max(MAX_STAGES).optional(),
    grades: z.array(z.enum(GRADES)).max(GRADES.length).optional(),
    owner: z.union([z.literal('pool'), id]).optional(),
    source: z.string().max(MAX_TEXT).optional(),
    includeHistory: z.boolean().optional(),
    sort: z.enum(LEAD_SORT_FIELDS).default('createdAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).max(10_000_000).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

const exportInput = z
  .object({
    filter: exportFilter.default({ sort: 'createdAt', direction: 'desc' }),
    format: z.enum(['csv', 'xlsx']),
  })
  .strict();

const backupIdInput = z
  .object({ id: z.string().regex(/^[\w.-]{1,120}\.sqlite$/, 'not a backup file name') })
  .strict();

export interface UploadedFile {
  readonly uploadId: string;
  readonly fileName: string;
  readonly sizeBytes: number;
}

export interface DuplicateMatchSummary {
  readonly leadId: string;
  readonly name: string;
  readonly company: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly ownerId: string | null;
  readonly by: readonly DedupeKeyKind[];
}

/** A row of the file that matches an existing lead, or an earlier row of the same file. */
export interface DuplicateRowSample {
  readonly row: number;
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly company: string | null;
  readonly matches: readonly DuplicateMatchSummary[];
  /** Row number of an earlier row of this file it matches, when it matches no existing lead. */
  readonly earlierRow: number | null;
  readonly by: readonly DedupeKeyKind[];
}

export interface ImportAnalysis {
  readonly uploadId: string;
  readonly analysisId: string;
  readonly fileName: string;
  readonly format: 'csv' | 'xlsx';
  readonly encoding: TextEncoding | null;
  readonly delimiter: Delimiter | null;
  readonly headers: readonly string[];
  readonly headerRow: number;
  readonly mapping: readonly string[];
  readonly guessedMapping: readonly string[];
  /** The template whose mapping is in use, when one is. */
  readonly template: { readonly id: string; readonly name: string } | null;
  /** Templates saved for files with these same headers. */
  readonly templates: readonly { readonly id: string; readonly name: string }[];
  readonly previewRows: readonly { readonly row: number; readonly cells: readonly string[] }[];
  readonly totalRows: number;
  readonly validRows: number;
  /** Valid rows that match nothing. */
  readonly newRows: number;
  /** Valid rows matching an existing lead. */
  readonly duplicateRows: number;
  /** Valid rows matching only an earlier row of the same file. */
  readonly inFileDuplicateRows: number;
  readonly errorRows: number;
  /** Every error with its row, column and reason, up to 5,000 (then `isErrorListTruncated`). */
  readonly errors: readonly RowIssue[];
  readonly isErrorListTruncated: boolean;
  readonly warnings: number;
  /** The first 500 duplicate rows with what they match. */
  readonly duplicates: readonly DuplicateRowSample[];
  /** For `mode: 'history'`: columns, date questions, outcome and owner mappings, leak flags. */
  readonly history: HistoryAnalysis | null;
}

export interface ImportJobResult {
  readonly batchId: string;
  readonly inserted: number;
  readonly merged: number;
  readonly flagged: number;
  readonly skipped: number;
  readonly errors: number;
  readonly rowsPerSecond: number;
}

export interface ExportedFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly contentBase64: string;
  readonly rows: number;
}

export interface PossibleDuplicate {
  readonly lead: Lead;
  readonly by: readonly DedupeKeyKind[];
}

export interface DuplicateGroupView {
  readonly leads: readonly Lead[];
  readonly by: readonly DedupeKeyKind[];
}

export interface BackupInfo {
  readonly id: string;
  readonly kind: 'daily' | 'manual' | 'pre-restore';
  readonly at: number;
  readonly sizeBytes: number;
  /** Why the retention policy keeps it (one of the last 7 days or 4 weeks, or the newest manual copies). */
  readonly keptAs: 'daily' | 'weekly' | 'daily+weekly' | 'newest' | null;
}

export interface RestoreResult {
  readonly restoredFrom: string;
  /** The copy of the database taken just before restoring. */
  readonly preRestoreBackup: string;
  readonly schemaVersion: number;
}

export const importCalls = {
  'import.upload': call<UploadedFile>()(uploadInput),
  'import.analyze': call<ImportAnalysis>()(analyzeInput),
  'import.errorFile': call<ExportedFile>()(uploadIdInput),
  'import.commit': call<JobStatus>()(commitInput),
  'import.discard': call<{ discarded: boolean }>()(uploadIdInput),
  'import.history': call<ImportBatch[]>()(historyInput),
  'import.undo': call<ImportBatch>()(batchIdInput),
  /**
   * The latest past-leads import, while committed: its leak fields and why (what `scoring.train` leaves out when
   * given no excludeFields) and the period its leads cover (for a replay).
   */
  'import.historyFlags': call<HistoryFlags | null>()(empty),
  'import.templates': call<ImportTemplate[]>()(empty),
  'import.saveTemplate': call<ImportTemplate>()(templateSaveInput),
  'import.deleteTemplate': call<{ deleted: boolean }>()(z.object({ id }).strict()),
  'leads.findDuplicates': call<PossibleDuplicate[]>()(findDuplicatesInput),
  'leads.export': call<ExportedFile>()(exportInput),
  'duplicates.groups': call<{ groups: DuplicateGroupView[]; total: number }>()(duplicateGroupsInput),
  'duplicates.merge': call<Lead>()(mergeInput),
  'backups.list': call<BackupInfo[]>()(empty),
  'backups.create': call<BackupInfo>()(empty),
  'backups.restore': call<RestoreResult>()(backupIdInput),
} as const;

export const importEvents = {
  'backups.changed': z.object({ reason: z.string() }),
} as const satisfies Record<string, z.ZodType>;

// Import calls: upload a file, analyse it (plain leads or past leads with outcomes), commit it as a background job,
// undo a batch, and the mapping templates. Team lead only: an import writes leads of every rep.
import { z } from 'zod';
import { BUILT_IN_STAGES } from '../../domain/funnel';
import { DATE_ROLES, HISTORY_ROLES } from '../../domain/history/history-columns';
import { LEAD_FIELDS } from '../../domain/lead-fields';
import { defineCall, empty, id } from '../contract-kit';
import { jobStatusSchema } from '../jobs/schemas';
import { exportedFileSchema } from '../leads/calls';
import { IMPORT_ERRORS } from './errors';
import {
  historyFlagsSchema,
  importAnalysisSchema,
  importBatchSchema,
  importTemplateSchema,
  uploadedFileSchema,
  DELIMITERS,
  ENCODINGS,
} from './schemas';

/** 300 MB of file as base64 (the hub allows a 400 MB body for uploads). */
const MAX_UPLOAD_BASE64 = Math.ceil((300 * 1024 * 1024 * 4) / 3) + 4;

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

const DUPLICATE_ACTIONS = ['merge', 'keepBoth', 'skip'] as const;

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
    /** No arrival column: one arrival time (epoch ms) for every row, or the rows' dates are unknown. */
    undated: z
      .union([
        z.object({ fallbackCreatedAt: z.number().int().min(0).max(8.64e15) }).strict(),
        z.object({ datesUnknown: z.literal(true) }).strict(),
      ])
      .optional(),
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
    /** Country for phone numbers without a country code (ISO 3166 alpha-2); omitted: the workspace's. */
    defaultCountry: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'a two-letter country code such as CN, GB or US')
      .optional(),
    /** Decimal style per money column (0-based index as the key), answering the analysis's questions. */
    decimalStyles: z.record(z.string().regex(/^\d{1,3}$/), z.enum(['dot', 'comma'])).optional(),
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

/** An upload carries the file: 300 MB as base64 plus the JSON around it. */
const UPLOAD_BODY_BYTES = 400 * 1024 * 1024;

const uploadErrors = [IMPORT_ERRORS.badUploadId, IMPORT_ERRORS.uploadGone];

export const importCalls = {
  'import.upload': defineCall({
    input: uploadInput,
    output: uploadedFileSchema,
    access: 'team-lead',
    waitsOnIo: true,
    maxBodyBytes: UPLOAD_BODY_BYTES,
    errors: [IMPORT_ERRORS.notBase64, IMPORT_ERRORS.emptyFile],
  }),
  'import.analyze': defineCall({
    input: analyzeInput,
    output: importAnalysisSchema,
    access: 'team-lead',
    waitsOnIo: true,
    errors: [
      ...uploadErrors,
      IMPORT_ERRORS.unreadableFile,
      IMPORT_ERRORS.templateMismatch,
      IMPORT_ERRORS.mappingLength,
      IMPORT_ERRORS.fieldMappedTwice,
    ],
  }),
  'import.errorFile': defineCall({
    input: uploadIdInput,
    output: exportedFileSchema,
    access: 'team-lead',
    waitsOnIo: true,
    errors: [...uploadErrors, IMPORT_ERRORS.notAnalysed],
  }),
  'import.commit': defineCall({
    input: commitInput,
    output: jobStatusSchema,
    access: 'team-lead',
    waitsOnIo: true,
    errors: [
      ...uploadErrors,
      IMPORT_ERRORS.notAnalysed,
      IMPORT_ERRORS.analysisReplaced,
      IMPORT_ERRORS.alreadyImported,
      IMPORT_ERRORS.analysisForgotten,
      IMPORT_ERRORS.historyQuestion,
      IMPORT_ERRORS.undatedHistory,
      IMPORT_ERRORS.decimalQuestion,
      IMPORT_ERRORS.nothingToImport,
    ],
  }),
  'import.discard': defineCall({
    input: uploadIdInput,
    output: z.object({ discarded: z.boolean() }).strict(),
    access: 'team-lead',
    waitsOnIo: true,
    errors: [IMPORT_ERRORS.badUploadId],
  }),
  'import.history': defineCall({
    input: historyInput,
    output: z.array(importBatchSchema),
    access: 'team-lead',
  }),
  'import.undo': defineCall({
    input: batchIdInput,
    output: importBatchSchema,
    access: 'team-lead',
    errors: [IMPORT_ERRORS.batchNotFound, IMPORT_ERRORS.notUndoable],
  }),
  /**
   * The latest past-leads import, while committed: its leak fields and why (what `scoring.train` leaves out when
   * given no excludeFields) and the period its leads cover (for a replay).
   */
  'import.historyFlags': defineCall({
    input: empty,
    output: historyFlagsSchema.nullable(),
    access: 'team-lead',
  }),
  'import.templates': defineCall({
    input: empty,
    output: z.array(importTemplateSchema),
    access: 'team-lead',
  }),
  'import.saveTemplate': defineCall({
    input: templateSaveInput,
    output: importTemplateSchema,
    access: 'team-lead',
  }),
  'import.deleteTemplate': defineCall({
    input: z.object({ id }).strict(),
    output: z.object({ deleted: z.boolean() }).strict(),
    access: 'team-lead',
  }),
};

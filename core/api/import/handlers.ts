// Handlers of the import calls: upload, analyse, error file, commit (a background job), discard, batches and undo,
// templates. The dispatcher lets only the team lead in.
import { appendAudit } from '../../store/audit-log';
import type { DuplicateAction } from '../../store/import-batches';
import { findImportBatch, listImportBatches } from '../../store/import-batches';
import { deleteImportTemplate, listImportTemplates, saveImportTemplate } from '../../store/import-templates';
import { findBatchLeadSpan } from '../../store/leads';
import { writeSetting } from '../../store/settings';
import { inTransaction } from '../../store/sql';
import { writeLeadsCsv } from '../../import/export-csv';
import { ERROR_COLUMN_HEADER } from '../../import/export-csv';
import { PassThrough } from 'node:stream';
import { actorLabel, type HandlersOf } from '../call-context';
import { localDayOf, readDistributionSettings } from '../distribution/setup';
import { ServiceError } from '../errors';
import { analyzeUpload, DEFAULT_COUNTRY_SETTING, headersKeyOf } from './analyze';
import type { importCalls } from './calls';
import { startImportCommit } from './commit';
import { IMPORT_ERRORS } from './errors';
import { recoverInterruptedImports } from './recovery';
import { undoImportBatch } from './undo';
import { readLatestHistoryBatch } from './history';
import { forgetAnalysis, isAnalysisKept } from './kept-analysis';
import {
  discardUpload,
  pruneUploads,
  readRejectedRows,
  readAnalysisMeta,
  saveUpload,
  writeAnalysisMeta,
} from './files';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const UPLOAD_MAX_AGE_MS = 3 * 86_400_000;

/**
 * The bytes of base64 text, or null when it is not base64 (line breaks and spaces from wrapping encoders allowed).
 * Decoding skips any character that is not base64, so a decoded length short of what the text's length promises
 * means a character was skipped; only then is the text checked character by character (a regex over a 20 MB upload
 * showed in the import's profile).
 */
function decodeBase64(text: string): Buffer | null {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = Buffer.from(text, 'base64');
  if (text.length % 4 !== 1 && bytes.length === Math.floor(((text.length - padding) * 3) / 4)) return bytes;
  const content = text.replace(/\s+/g, '');
  if (content.length % 4 === 1 || !BASE64.test(content)) return null;
  return Buffer.from(content, 'base64');
}

export const importHandlers: HandlersOf<typeof importCalls> = {
  async 'import.upload'(ctx, input) {
    const bytes = decodeBase64(input.contentBase64);
    if (!bytes) throw new ServiceError(IMPORT_ERRORS.notBase64, undefined, 'contentBase64');
    if (bytes.length === 0) throw new ServiceError(IMPORT_ERRORS.emptyFile, undefined, 'contentBase64');
    const uploadId = ctx.newId('upload').replace(/[^A-Za-z0-9_-]/g, '_');
    const saved = await saveUpload(
      ctx.db,
      { uploadId, fileName: input.fileName, uploadedAt: ctx.now, actor: actorLabel(ctx.actor) },
      bytes,
    );
    await pruneUploads(ctx.db, ctx.now, UPLOAD_MAX_AGE_MS, uploadId);
    return { uploadId, fileName: saved.fileName, sizeBytes: saved.sizeBytes };
  },

  async 'import.analyze'(ctx, input) {
    return analyzeUpload(ctx, input);
  },

  async 'import.errorFile'(ctx, input) {
    const analysis = await readAnalysisMeta(ctx.db, input.uploadId);
    if (!analysis) throw new ServiceError(IMPORT_ERRORS.notAnalysed, undefined, 'uploadId');
    const reader = readRejectedRows(ctx.db, input.uploadId);
    const rejected: { c: readonly string[]; e: string }[] = [];
    try {
      for (let rows = reader.next(5_000); rows.length > 0; rows = reader.next(5_000)) rejected.push(...rows);
    } finally {
      reader.close();
    }
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const columns = [
      ...analysis.headers.map((header, index) => ({
        header,
        value: (row: { c: readonly string[] }) => row.c[index] ?? '',
      })),
      { header: ERROR_COLUMN_HEADER, value: (row: { e: string }) => row.e },
    ];
    const rows = await writeLeadsCsv(rejected, columns, stream);
    stream.end();
    const base = analysis.fileName.replace(/\.[^.]+$/, '');
    return {
      fileName: `${base}-错误行.csv`,
      mimeType: 'text/csv;charset=utf-8',
      contentBase64: Buffer.concat(chunks).toString('base64'),
      rows,
    };
  },

  async 'import.commit'(ctx, input) {
    const analysis = await readAnalysisMeta(ctx.db, input.uploadId);
    if (!analysis) throw new ServiceError(IMPORT_ERRORS.notAnalysed, undefined, 'uploadId');
    if (analysis.analysisId !== input.analysisId)
      throw new ServiceError(IMPORT_ERRORS.analysisReplaced, undefined, 'analysisId');
    if (analysis.committedBatchId !== null)
      throw new ServiceError(IMPORT_ERRORS.alreadyImported, undefined, 'analysisId');
    if (!isAnalysisKept(ctx.db, analysis.analysisId))
      throw new ServiceError(IMPORT_ERRORS.analysisForgotten, undefined, 'analysisId');
    // A file with no data rows is refused as an empty file is, before any question about its columns.
    if (analysis.totalRows === 0)
      throw new ServiceError(IMPORT_ERRORS.nothingToImport, { totalRows: 0, errorRows: 0 }, 'analysisId');
    const decimal = analysis.decimalQuestions?.[0];
    if (decimal)
      throw new ServiceError(
        IMPORT_ERRORS.decimalQuestion,
        { column: decimal.column, value: decimal.example },
        decimal.column,
      );
    // A past-leads import never guesses: every open question stops it, naming its column and value.
    const question = analysis.history?.questions[0];
    if (question?.kind === 'undated')
      throw new ServiceError(IMPORT_ERRORS.undatedHistory, undefined, 'history');
    if (question)
      throw new ServiceError(
        IMPORT_ERRORS.historyQuestion,
        { column: question.column, question: question.kind, value: question.value ?? '' },
        question.column || 'history',
      );
    // Questions first (their rows are errors until answered); then an import that would insert nothing is refused: it would only leave an empty batch behind.
    if (analysis.validRows === 0)
      throw new ServiceError(
        IMPORT_ERRORS.nothingToImport,
        { totalRows: analysis.totalRows, errorRows: analysis.errorRows },
        'analysisId',
      );
    const actor = actorLabel(ctx.actor);
    const templateName = input.templateName;
    inTransaction(ctx.db, () => {
      recoverInterruptedImports(ctx.db, ctx.now);
      // The country chosen for this import becomes the workspace's default for the next one.
      if (analysis.chosenCountry)
        writeSetting(ctx.db, DEFAULT_COUNTRY_SETTING, analysis.chosenCountry, ctx.now);
      if (templateName) {
        const template = saveImportTemplate(
          ctx.db,
          {
            id: ctx.newId('template'),
            name: templateName,
            headersKey: headersKeyOf(analysis.headers),
            headers: analysis.headers,
            mapping: analysis.mapping,
          },
          actor,
          ctx.now,
        );
        appendAudit(ctx.db, {
          at: ctx.now,
          actor,
          action: 'import.template.save',
          entity: 'import_template',
          entityId: template.id,
          detail: { name: template.name },
        });
      }
    });
    const { job, batchId } = startImportCommit(
      {
        db: ctx.db,
        jobs: ctx.jobs,
        scoring: ctx.scoring,
        clock: ctx.clock,
        newId: ctx.newId,
        actor,
        emit: (event, payload) => ctx.emit(event, payload),
      },
      analysis,
      input.duplicateAction satisfies DuplicateAction,
    );
    await writeAnalysisMeta(ctx.db, { ...analysis, committedBatchId: batchId });
    return job;
  },

  async 'import.discard'(ctx, input) {
    forgetAnalysis(ctx.db, input.uploadId);
    return { discarded: await discardUpload(ctx.db, input.uploadId) };
  },

  'import.history'(ctx, input) {
    recoverInterruptedImports(ctx.db, ctx.now);
    return listImportBatches(ctx.db, input);
  },

  'import.historyFlags'(ctx) {
    const latest = readLatestHistoryBatch(ctx.db);
    if (!latest || findImportBatch(ctx.db, latest.batchId)?.state !== 'committed') return null;
    const span = findBatchLeadSpan(ctx.db, latest.batchId);
    const { utcOffsetMinutes } = readDistributionSettings(ctx.db);
    return {
      batchId: latest.batchId,
      at: latest.at,
      excludeFields: latest.excludeFields,
      leaks: latest.leaks ?? [],
      leads: span?.count ?? 0,
      // Leads imported with dates unknown have no period to replay.
      period:
        span && latest.datesUnknown !== true
          ? {
              from: localDayOf(span.first, utcOffsetMinutes).date,
              to: localDayOf(span.last, utcOffsetMinutes).date,
              leads: span.count,
            }
          : null,
    };
  },

  'import.undo'(ctx, input) {
    const { batch, leadIds } = undoImportBatch(
      ctx.db,
      ctx.scoring,
      input.batchId,
      actorLabel(ctx.actor),
      ctx.now,
    );
    ctx.emit('leads.changed', { leadIds, reason: 'import-undone' });
    return batch;
  },

  'import.templates'(ctx) {
    return listImportTemplates(ctx.db);
  },

  'import.saveTemplate'(ctx, input) {
    const actor = actorLabel(ctx.actor);
    const template = saveImportTemplate(
      ctx.db,
      {
        id: ctx.newId('template'),
        name: input.name,
        headersKey: headersKeyOf(input.headers),
        headers: input.headers,
        mapping: input.mapping,
      },
      actor,
      ctx.now,
    );
    appendAudit(ctx.db, {
      at: ctx.now,
      actor,
      action: 'import.template.save',
      entity: 'import_template',
      entityId: template.id,
      detail: { name: template.name },
    });
    return template;
  },

  'import.deleteTemplate'(ctx, input) {
    const deleted = deleteImportTemplate(ctx.db, input.id);
    if (deleted)
      appendAudit(ctx.db, {
        at: ctx.now,
        actor: actorLabel(ctx.actor),
        action: 'import.template.delete',
        entity: 'import_template',
        entityId: input.id,
      });
    return { deleted };
  },
};

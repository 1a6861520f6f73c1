// Handlers of one feature: Import, export, duplicates and backups (issue 3).
import { appendAudit } from '../../store/audit-log';
import type { DuplicateAction } from '../../store/import-batches';
import { findImportBatch, listImportBatches } from '../../store/import-batches';
import { deleteImportTemplate, listImportTemplates, saveImportTemplate } from '../../store/import-templates';
import { findBatchLeadSpan } from '../../store/leads';
import { inTransaction } from '../../store/sql';
import { writeLeadsCsv } from '../../import/export-csv';
import { ERROR_COLUMN_HEADER } from '../../import/export-csv';
import { PassThrough } from 'node:stream';
import { createBackup, listBackups, pruneBackups, restoreBackup } from '../backups/backup-files';
import { actorLabel, requireTeamLead, type CallContext } from '../call-context';
import { localDayOf, readDistributionSettings } from '../distribution/setup';
import type { CallOutput, ParsedInput } from '../contract';
import { ServiceError } from '../errors';
import { analyzeUpload, headersKeyOf } from './analyze';
import { recoverInterruptedImports, startImportCommit, undoImportBatch } from './commit';
import { readLatestHistoryBatch } from './history';
import { findPossibleDuplicates, listDuplicateGroups, mergeDuplicateLeads } from '../duplicates/duplicates';
import { forgetAnalysis, isAnalysisKept, isKeptAnalysisCurrent } from './kept-analysis';
import { exportLeads } from '../leads/export';
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

export const importHandlers = {
  async 'import.upload'(
    ctx: CallContext,
    input: ParsedInput<'import.upload'>,
  ): Promise<CallOutput<'import.upload'>> {
    requireTeamLead(ctx);
    const bytes = decodeBase64(input.contentBase64);
    if (!bytes) throw new ServiceError('invalid_input', 'contentBase64: not base64', 'contentBase64');
    if (bytes.length === 0)
      throw new ServiceError('invalid_input', 'contentBase64: the file is empty', 'contentBase64');
    const uploadId = ctx.newId('upload').replace(/[^A-Za-z0-9_-]/g, '_');
    const saved = await saveUpload(
      ctx.db,
      { uploadId, fileName: input.fileName, uploadedAt: ctx.now, actor: actorLabel(ctx.actor) },
      bytes,
    );
    await pruneUploads(ctx.db, ctx.now, UPLOAD_MAX_AGE_MS, uploadId);
    return { uploadId, fileName: saved.fileName, sizeBytes: saved.sizeBytes };
  },

  async 'import.analyze'(
    ctx: CallContext,
    input: ParsedInput<'import.analyze'>,
  ): Promise<CallOutput<'import.analyze'>> {
    requireTeamLead(ctx);
    return analyzeUpload(ctx, input);
  },

  async 'import.errorFile'(
    ctx: CallContext,
    input: ParsedInput<'import.errorFile'>,
  ): Promise<CallOutput<'import.errorFile'>> {
    requireTeamLead(ctx);
    const analysis = await readAnalysisMeta(ctx.db, input.uploadId);
    if (!analysis) throw new ServiceError('conflict', 'Analyse the file first.', 'uploadId');
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

  async 'import.commit'(
    ctx: CallContext,
    input: ParsedInput<'import.commit'>,
  ): Promise<CallOutput<'import.commit'>> {
    requireTeamLead(ctx);
    const analysis = await readAnalysisMeta(ctx.db, input.uploadId);
    if (!analysis) throw new ServiceError('conflict', 'Analyse the file before importing it.', 'uploadId');
    if (analysis.analysisId !== input.analysisId)
      throw new ServiceError(
        'conflict',
        'The file was analysed again since this report; review the new report before importing.',
        'analysisId',
      );
    if (analysis.committedBatchId !== null)
      throw new ServiceError('conflict', 'This report was already imported.', 'analysisId');
    if (!isAnalysisKept(ctx.db, analysis.analysisId))
      throw new ServiceError(
        'conflict',
        'This report is no longer in memory (Fairlead restarted since): analyse the file again.',
        'analysisId',
      );
    // A past-leads import never guesses: every open question stops it, naming its column and value.
    const question = analysis.history?.questions[0];
    if (question) throw new ServiceError('conflict', question.message, question.column || 'history');
    const actor = actorLabel(ctx.actor);
    // Asked before this call's own writes (the template), which change no lead.
    const isAnalysisCurrent = isKeptAnalysisCurrent(ctx.db, analysis.analysisId);
    const templateName = input.templateName;
    inTransaction(ctx.db, () => {
      recoverInterruptedImports(ctx.db, ctx.now);
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
      { isAnalysisCurrent },
    );
    await writeAnalysisMeta(ctx.db, { ...analysis, committedBatchId: batchId });
    return job;
  },

  async 'import.discard'(
    ctx: CallContext,
    input: ParsedInput<'import.discard'>,
  ): Promise<CallOutput<'import.discard'>> {
    requireTeamLead(ctx);
    forgetAnalysis(ctx.db, input.uploadId);
    return { discarded: await discardUpload(ctx.db, input.uploadId) };
  },

  'import.history'(ctx: CallContext, input: ParsedInput<'import.history'>): CallOutput<'import.history'> {
    requireTeamLead(ctx);
    recoverInterruptedImports(ctx.db, ctx.now);
    return listImportBatches(ctx.db, input);
  },

  'import.historyFlags'(ctx: CallContext): CallOutput<'import.historyFlags'> {
    requireTeamLead(ctx);
    const latest = readLatestHistoryBatch(ctx.db);
    if (!latest || findImportBatch(ctx.db, latest.batchId)?.state !== 'committed') return null;
    const span = findBatchLeadSpan(ctx.db, latest.batchId);
    const { utcOffsetMinutes } = readDistributionSettings(ctx.db);
    return {
      batchId: latest.batchId,
      at: latest.at,
      excludeFields: latest.excludeFields,
      leaks: latest.leaks ?? [],
      period: span
        ? {
            from: localDayOf(span.first, utcOffsetMinutes).date,
            to: localDayOf(span.last, utcOffsetMinutes).date,
            leads: span.count,
          }
        : null,
    };
  },

  'import.undo'(ctx: CallContext, input: ParsedInput<'import.undo'>): CallOutput<'import.undo'> {
    requireTeamLead(ctx);
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

  'import.templates'(ctx: CallContext): CallOutput<'import.templates'> {
    requireTeamLead(ctx);
    return listImportTemplates(ctx.db);
  },

  'import.saveTemplate'(
    ctx: CallContext,
    input: ParsedInput<'import.saveTemplate'>,
  ): CallOutput<'import.saveTemplate'> {
    requireTeamLead(ctx);
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

  'import.deleteTemplate'(
    ctx: CallContext,
    input: ParsedInput<'import.deleteTemplate'>,
  ): CallOutput<'import.deleteTemplate'> {
    requireTeamLead(ctx);
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

  'leads.findDuplicates'(
    ctx: CallContext,
    input: ParsedInput<'leads.findDuplicates'>,
  ): CallOutput<'leads.findDuplicates'> {
    return findPossibleDuplicates(ctx, input);
  },

  async 'leads.export'(
    ctx: CallContext,
    input: ParsedInput<'leads.export'>,
  ): Promise<CallOutput<'leads.export'>> {
    requireTeamLead(ctx);
    const file = await exportLeads(ctx, input);
    inTransaction(ctx.db, () =>
      appendAudit(ctx.db, {
        at: ctx.now,
        actor: actorLabel(ctx.actor),
        action: 'leads.export',
        entity: 'lead',
        entityId: null,
        detail: { format: input.format, rows: file.rows, filter: input.filter },
      }),
    );
    return file;
  },

  'duplicates.groups'(
    ctx: CallContext,
    input: ParsedInput<'duplicates.groups'>,
  ): CallOutput<'duplicates.groups'> {
    return listDuplicateGroups(ctx, input);
  },

  'duplicates.merge'(
    ctx: CallContext,
    input: ParsedInput<'duplicates.merge'>,
  ): CallOutput<'duplicates.merge'> {
    return mergeDuplicateLeads(ctx, input);
  },

  async 'backups.list'(ctx: CallContext): Promise<CallOutput<'backups.list'>> {
    requireTeamLead(ctx);
    return listBackups(ctx.db, ctx.now);
  },

  async 'backups.create'(ctx: CallContext): Promise<CallOutput<'backups.create'>> {
    requireTeamLead(ctx);
    const backup = await createBackup(ctx.db, 'manual', ctx.now);
    await pruneBackups(ctx.db, ctx.now);
    inTransaction(ctx.db, () =>
      appendAudit(ctx.db, {
        at: ctx.now,
        actor: actorLabel(ctx.actor),
        action: 'backup.create',
        entity: 'backup',
        entityId: backup.id,
        detail: { sizeBytes: backup.sizeBytes },
      }),
    );
    ctx.emit('backups.changed', { reason: 'created' });
    return backup;
  },

  async 'backups.restore'(
    ctx: CallContext,
    input: ParsedInput<'backups.restore'>,
  ): Promise<CallOutput<'backups.restore'>> {
    requireTeamLead(ctx);
    if (ctx.jobs.list().some((job) => job.state === 'running'))
      throw new ServiceError(
        'conflict',
        'Wait for running jobs (imports, rescoring) to finish, then restore.',
      );
    const restored = await restoreBackup(ctx.db, input.id, ctx.now);
    // Everything cached from the old database is stale now.
    ctx.scoring.invalidate();
    inTransaction(ctx.db, () => {
      recoverInterruptedImports(ctx.db, ctx.now);
      appendAudit(ctx.db, {
        at: ctx.now,
        actor: actorLabel(ctx.actor),
        action: 'backup.restore',
        entity: 'backup',
        entityId: input.id,
        detail: { preRestoreBackup: restored.preRestoreBackup },
      });
    });
    ctx.emit('backups.changed', { reason: 'restored' });
    ctx.emit('workspace.changed', { reason: 'restored' });
    ctx.emit('leads.changed', { leadIds: [], reason: 'restored' });
    return { restoredFrom: input.id, ...restored };
  },
};

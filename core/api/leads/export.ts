// Exports the leads a filter selects (the Leads view's own filter) as CSV (UTF-8 with BOM) or XLSX, with headers
// the importer maps back to the same fields, so an exported file re-imports to the same leads.
import type { Database } from 'better-sqlite3';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Lead } from '../../domain/lead';
import { ensurePrivateDir } from '../../fs-private';
import { writeLeadsCsv, writeLeadsXlsx, type ExportColumn } from '../../import/export-csv';
import { listLeads, type LeadFilter } from '../../store/lead-page';
import { drillWhere } from '../dashboard/drill';
import { listReps } from '../../store/reps';
import type { z } from 'zod';
import type { CallContext } from '../call-context';
import { dataDirOf } from '../import/files';
import { readFunnelSettings } from '../sla/settings';
import type { ExportedFile, leadsCalls } from './calls';

type ExportInput = z.output<(typeof leadsCalls)['leads.export']['input']>;

const PAGE = 5_000;

function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/**
 * Columns of an export. The first headers are ones the importer's guesser maps to the same lead fields; the system
 * columns after them (id, stage, score, grade, owner, created) are ignored on re-import; custom fields follow, one
 * column per key.
 */
export function exportColumnsFor(
  customKeys: readonly string[],
  repNames: ReadonlyMap<string, string>,
): ExportColumn<Lead>[] {
  const fixed: ExportColumn<Lead>[] = [
    { header: '姓名', value: (l) => l.name },
    { header: '手机', value: (l) => l.phone },
    { header: '邮箱', value: (l) => l.email },
    { header: '微信', value: (l) => l.wechat },
    { header: '公司', value: (l) => l.company },
    { header: '职位', value: (l) => l.title },
    { header: '行业', value: (l) => l.industry },
    { header: '地区', value: (l) => l.region },
    { header: '公司规模', value: (l) => l.companySize },
    { header: '意向产品', value: (l) => l.product },
    { header: '来源', value: (l) => l.source },
    { header: '活动', value: (l) => l.campaign },
    { header: '成本(元)', value: (l) => yuan(l.costFen) },
    { header: '预算(元)', value: (l) => (typeof l.bant.budget === 'number' ? String(l.bant.budget) : '') },
    { header: '需求', value: (l) => l.needs },
    { header: '线索ID', value: (l) => l.id },
    { header: '阶段', value: (l) => l.stage },
    { header: '评分', value: (l) => l.score },
    { header: '等级', value: (l) => l.grade },
    { header: '负责人', value: (l) => (l.ownerId ? (repNames.get(l.ownerId) ?? l.ownerId) : '') },
    { header: '创建时间', value: (l) => isoTime(l.createdAt) },
  ];
  const taken = new Set(fixed.map((column) => column.header));
  const custom = customKeys.map((key) => ({
    header: taken.has(key) ? `${key} (自定义)` : key,
    value: (l: Lead) => l.customFields[key] ?? '',
  }));
  return [...fixed, ...custom];
}

function* pagesOf(db: Database, filter: LeadFilter, input: ExportInput): Generator<Lead[]> {
  const stageOrder = readFunnelSettings(db).stages.map((stage) => stage.key);
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = listLeads(db, filter, {
      sort: input.filter.sort,
      direction: input.filter.direction,
      offset,
      limit: PAGE,
      stageOrder,
    });
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
  }
}

export async function exportLeads(ctx: CallContext, input: ExportInput): Promise<ExportedFile> {
  // Only the team lead exports (the call is declared so): every lead the filter selects.
  const { offset: _offset, limit: _limit, sort: _sort, direction: _direction, ...filter } = input.filter;
  // One read for the whole export, so the file is one consistent moment even while others write.
  const where = filter.drill === undefined ? undefined : drillWhere(ctx, filter.drill);
  // A Dashboard count decides for itself whether past leads count (closures do): the export follows it.
  const drilled = where === undefined ? filter : { ...filter, where, includeHistory: undefined };
  const leads = ctx.db.transaction(() => [...pagesOf(ctx.db, drilled, input)].flat())();
  const customKeys = [...new Set(leads.flatMap((lead) => Object.keys(lead.customFields)))].sort();
  const repNames = new Map(
    listReps(ctx.db, { includeInactive: true }).map((rep) => [rep.id as string, rep.name]),
  );
  const columns = exportColumnsFor(customKeys, repNames);
  const stamp = isoTime(ctx.now).replace(/[-: ]/g, '').slice(0, 12);
  if (input.format === 'csv') {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const rows = await writeLeadsCsv(leads, columns, stream);
    stream.end();
    return {
      fileName: `leads-${stamp}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      contentBase64: Buffer.concat(chunks).toString('base64'),
      rows,
    };
  }
  const dir = join(dataDirOf(ctx.db), 'exports');
  // The XLSX is written here before it is read back and deleted: a folder only this user can enter (0700).
  await ensurePrivateDir(dir, { tightenExisting: true });
  const path = join(dir, `${ctx.newId('export').replace(/[^\w-]/g, '_')}.xlsx`);
  try {
    const rows = await writeLeadsXlsx(leads, columns, path);
    return {
      fileName: `leads-${stamp}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: (await readFile(path)).toString('base64'),
      rows,
    };
  } finally {
    await rm(path, { force: true });
  }
}

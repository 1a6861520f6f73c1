// A Dashboard table saved as CSV (UTF-8 with BOM, formula cells neutralized) or XLSX, with the export helpers the
// lead export uses; the cells arrive as the page shows them, so the file reads like the screen.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { ensurePrivateDir } from '../../fs-private';
import { writeLeadsCsv, writeLeadsXlsx, type ExportColumn } from '../../import/export-csv';
import type { CallContext } from '../call-context';
import { dataDirOf } from '../import/files';
import type { ExportedFile } from '../leads/calls';
import type { ExportTableInput } from './calls';

type Row = readonly (string | number | null)[];

export async function exportTable(ctx: CallContext, input: ExportTableInput): Promise<ExportedFile> {
  const columns: ExportColumn<Row>[] = input.headers.map((header, i) => ({ header, value: (row) => row[i] }));
  const stamp = new Date(ctx.now).toISOString().replace(/[-:T]/g, '').slice(0, 12);
  if (input.format === 'csv') {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const rows = await writeLeadsCsv(input.rows, columns, stream);
    stream.end();
    return {
      fileName: `${input.name}-${stamp}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      contentBase64: Buffer.concat(chunks).toString('base64'),
      rows,
    };
  }
  const dir = join(dataDirOf(ctx.db), 'exports');
  await ensurePrivateDir(dir, { tightenExisting: true });
  const path = join(dir, `${ctx.newId('export').replace(/[^\w-]/g, '_')}.xlsx`);
  try {
    const rows = await writeLeadsXlsx(input.rows, columns, path);
    return {
      fileName: `${input.name}-${stamp}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: (await readFile(path)).toString('base64'),
      rows,
    };
  } finally {
    await rm(path, { force: true });
  }
}

// A file full of broken rows: every bad row is reported with its row (and column), good rows come through, nothing crashes.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../core/import/types';
import { openLeadFile } from '../../../core/import/read-file';
import { readLeadBatches } from '../../../core/import/import-rows';
import type { RejectedLeadRow, ValidLeadRow } from '../../../core/import/import-rows';
import { writeBrokenFile } from './broken-file';
import { importAll, useTempDir } from './helpers';

const file = useTempDir();

describe('a file with 1,000 broken rows', () => {
  const path = file('broken.csv');
  const expected = writeBrokenFile(path);
  const result = (async () => {
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const leadFile = await openLeadFile(path);
    const valid: ValidLeadRow[] = [];
    const rejected: RejectedLeadRow[] = [];
    for await (const batch of readLeadBatches(leadFile)) {
      valid.push(...batch.valid);
      rejected.push(...batch.rejected);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    return { encoding: leadFile.encoding, valid, rejected, heapGrowthMb: (peak - baseline) / 1024 / 1024 };
  })();

  it('is still read as UTF-8 despite the broken bytes', async () => {
    expect((await result).encoding).toBe('utf-8');
  });

  it('reports every bad row with its row number and reason, and nothing else', async () => {
    const { rejected } = await result;
    const reported = rejected.map((row) => ({
      row: row.row,
      reasons: row.errors.map((error) => error.reason),
    }));
    expect(reported.map((entry) => entry.row)).toEqual(expected.bad.map((entry) => entry.row));
    for (const bad of expected.bad) {
      const found = rejected.find((row) => row.row === bad.row);
      expect(
        found?.errors.map((error) => error.reason),
        `row ${bad.row}`,
      ).toContain(bad.reason);
    }
    // 1,003 broken rows were written; NUL, stray-quote and formula rows are recoverable and import with a warning.
    const recoverable = expected.good.filter(
      (entry) => entry.warning !== undefined || entry.needs?.match(/^[=+\-@]/),
    ).length;
    expect(expected.bad.length + recoverable).toBe(1_003);
  });

  it('names the line and the column of a bad cell', async () => {
    const { rejected } = await result;
    for (const bad of expected.bad) {
      const error = rejected
        .find((row) => row.row === bad.row)
        ?.errors.find((found) => found.reason === bad.reason);
      expect(error?.line, `row ${bad.row}`).toBe(bad.line);
      if (bad.column !== undefined) expect(error?.column, `row ${bad.row}`).toBe(bad.column);
    }
  });

  it('lets every good row through, with its own row number, including those right after a broken quote', async () => {
    const { valid } = await result;
    expect(valid.map((row) => [row.row, row.draft.name])).toEqual(
      expected.good.map((good) => [good.row, good.name]),
    );
  });

  it('strips NUL and control characters and says so', async () => {
    const { valid } = await result;
    for (const good of expected.good.filter((entry) => entry.warning === 'control_chars_stripped')) {
      const row = valid.find((found) => found.row === good.row);
      expect(row?.draft.company).toBe('公司');
      expect(row?.warnings.map((warning) => warning.reason)).toContain('control_chars_stripped');
    }
  });

  it('keeps formula-looking cells as plain text, never evaluated', async () => {
    const { valid } = await result;
    const formulas = expected.good.filter((entry) => entry.needs?.match(/^[=+\-@]/));
    expect(formulas.length).toBeGreaterThan(100);
    for (const good of formulas)
      expect(valid.find((row) => row.row === good.row)?.draft.needs).toBe(good.needs);
  });

  it('keeps memory bounded while reading past two 10 MB cells', async () => {
    expect((await result).heapGrowthMb).toBeLessThan(150);
  });
});

describe('files that cannot be imported at all', () => {
  it.each([
    ['an empty file', ''],
    ['a file with only a BOM', '\uFEFF'],
    ['a file with only blank lines', '\r\n\r\n\n'],
  ])('rejects %s as empty', async (_name, content) => {
    const path = file(`empty-${content.length}.csv`);
    writeFileSync(path, content);
    await expect(openLeadFile(path)).rejects.toMatchObject({ name: 'ImportFileError', code: 'empty_file' });
  });

  it('reads a header-only file as zero rows', async () => {
    const path = file('header-only.csv');
    writeFileSync(path, '姓名,手机,邮箱\r\n');
    const imported = await importAll(path);
    expect(imported.headers).toEqual(['姓名', '手机', '邮箱']);
    expect(imported.valid).toEqual([]);
    expect(imported.rejected).toEqual([]);
  });

  it.each([
    ['email,name,email', ['email', 'name', 'email (2)']],
    ['姓名,Email,手机,ＥＭＡＩＬ', ['姓名', 'Email', '手机', 'ＥＭＡＩＬ (2)']],
    ['Lead Owner,Lead owner', ['Lead Owner', 'Lead owner (2)']],
  ])('keeps the repeated headers %s apart instead of refusing the file', async (header, headers) => {
    const path = file(`dup-${header.length}.csv`);
    writeFileSync(path, `${header}\r\na,b,c,d\r\n`);
    const opened = await openLeadFile(path);
    expect(opened.headers).toEqual(headers);
    await opened.close();
  });

  it('refuses a legacy .xls workbook with advice to save it as .xlsx, whatever its name', async () => {
    const path = file('old.csv');
    writeFileSync(path, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const error = await openLeadFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ code: 'unsupported_format' });
    expect((error as Error).message).toContain('save it as .xlsx');
  });

  it('stops at the row cap and reports it', async () => {
    const path = file('capped.csv');
    writeFileSync(
      path,
      `姓名,手机\n${Array.from({ length: 10 }, (_, i) => `n${i},1380013800${i}`).join('\n')}\n`,
    );
    const imported = await importAll(path, { maxRows: 5 });
    expect(imported.valid).toHaveLength(5);
    expect(imported.rejected.map((row) => [row.row, row.errors[0]?.reason])).toEqual([[7, 'too_many_rows']]);
  });
});

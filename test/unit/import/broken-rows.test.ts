// A file full of broken rows: every bad row is reported with its row (and column), good rows come through, nothing crashes.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportFileError, openLeadFile, readLeadBatches } from '../../../core/import/index';
import type { RejectedLeadRow, RowIssueCode, ValidLeadRow } from '../../../core/import/index';
import { importAll, useTempDir } from './helpers';

const file = useTempDir();

interface ExpectedError {
  readonly row: number;
  readonly line: number;
  readonly reason: RowIssueCode;
  readonly column?: string;
}

interface Generated {
  readonly good: { row: number; name: string; needs?: string; warning?: RowIssueCode }[];
  readonly bad: ExpectedError[];
}

const HEADER = '姓名,手机,邮箱,公司,备注';
const FORMULA = "=cmd|' /C calc'!A0";

/** Writes 1,000 broken rows of many kinds between good rows, streaming to disk; returns what each row should become. */
function writeBrokenFile(path: string): Generated {
  const fd = openSync(path, 'w');
  const good: Generated['good'] = [];
  const bad: ExpectedError[] = [];
  let row = 1;
  let line = 1;
  const put = (data: string | Buffer, lines = 1): void => {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    row += 1;
    line += lines;
  };
  writeSync(fd, Buffer.from(`${HEADER}\r\n`));
  const phone = (i: number): string => `138${String(i).padStart(8, '0')}`;
  const addGood = (i: number): void => {
    const name = `好${i}`;
    if (i % 97 === 0) {
      good.push({ row: row + 1, name, needs: '第一行\n第二行' });
      put(`${name},${phone(i)},g${i}@example.com,"公司${i}, 分部","第一行\n第二行"\r\n`, 2);
    } else {
      good.push({ row: row + 1, name });
      put(`${name},${phone(i)},g${i}@example.com,公司${i},备注${i}\r\n`);
    }
  };
  const expectBad = (reason: RowIssueCode, column?: string): void => {
    bad.push({ row: row + 1, line: line + 1, reason, ...(column === undefined ? {} : { column }) });
  };
  let goodIndex = 0;
  for (let k = 0; k < 1_000; k += 1) {
    addGood(goodIndex++);
    const i = 100_000 + k;
    switch (k % 14) {
      case 0:
        expectBad('unclosed_quote');
        put(`坏${i},"139${String(i).padStart(8, '0')},bad${i}@example.com,公司,备注\r\n`);
        break;
      case 1:
        expectBad('too_many_fields');
        put(`坏${i},${phone(i)},b${i}@example.com,公司,备注,多余,更多\r\n`);
        break;
      case 2:
        expectBad('too_few_fields');
        put(`坏${i},${phone(i)}\r\n`);
        break;
      case 3:
        expectBad('invalid_encoding', '姓名');
        put(
          Buffer.concat([
            Buffer.from(`坏`),
            Buffer.from([0xff, 0xfe, 0xc3]),
            Buffer.from(`${i},${phone(i)},b${i}@example.com,公司,备注\r\n`),
          ]),
        );
        break;
      case 4:
        expectBad('invalid_phone', '手机');
        put(`坏${i},call me maybe,b${i}@example.com,公司,备注\r\n`);
        break;
      case 5:
        expectBad('invalid_email', '邮箱');
        put(`坏${i},${phone(i)},not-an-email,公司,备注\r\n`);
        break;
      case 6:
        expectBad('no_contact');
        put(`,,,公司${i},只有公司\r\n`);
        break;
      case 7:
        expectBad('invalid_phone', '手机');
        put(`坏${i},"${FORMULA.replaceAll('"', '""')}",b${i}@example.com,公司,备注\r\n`);
        break;
      case 8:
        expectBad('malformed_quote', '姓名');
        put(`"坏${i}"x,${phone(i)},b${i}@example.com,公司,备注\r\n`);
        break;
      case 9:
        expectBad('field_too_large', '备注');
        put(`坏${i},${phone(i)},b${i}@example.com,公司,${'长'.repeat(70_000)}\r\n`);
        break;
      case 10:
        good.push({ row: row + 1, name: `张${i}`, warning: 'control_chars_stripped' });
        put(`张\u0000${i},${phone(i)},n${i}@example.com,公司\u0007,备注\r\n`);
        break;
      case 11:
        good.push({ row: row + 1, name: `公式${i}`, needs: FORMULA });
        put(`公式${i},${phone(i)},f${i}@example.com,公司,"${FORMULA.replaceAll('"', '""')}"\r\n`);
        break;
      case 12:
        good.push({ row: row + 1, name: `An"n${i}`, warning: 'stray_quote' });
        put(`An"n${i},${phone(i)},s${i}@example.com,公司,备注\r\n`);
        break;
      case 13: {
        const prefix = ['+', '-', '@'][((k / 14) % 3) | 0] ?? '+';
        good.push({ row: row + 1, name: `前缀${i}`, needs: `${prefix}SUM(A1:A9)` });
        put(`前缀${i},${phone(i)},p${i}@example.com,公司,${prefix}SUM(A1:A9)\r\n`);
        break;
      }
    }
  }
  // Two 10 MB cells, one unquoted and one quoted, and an unclosed quote that runs to the end of the file.
  addGood(goodIndex++);
  expectBad('row_too_large');
  put(`巨${1},${phone(1)},h1@example.com,公司,${'x'.repeat(10 * 1024 * 1024)}\r\n`);
  addGood(goodIndex++);
  expectBad('row_too_large');
  put(`巨${2},${phone(2)},h2@example.com,公司,"${'y'.repeat(10 * 1024 * 1024)}"\r\n`);
  addGood(goodIndex++);
  expectBad('unclosed_quote');
  put(`尾,"13800138000,t@example.com,公司,备注\r\n`);
  addGood(goodIndex);
  closeSync(fd);
  return { good, bad };
}

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
    ['email,name,email', 'Columns 1 ("email") and 3 ("email")'],
    ['姓名,Email,手机,ＥＭＡＩＬ', 'Columns 2 ("Email") and 4 ("ＥＭＡＩＬ")'],
  ])('rejects the duplicate headers %s naming both columns', async (header, named) => {
    const path = file(`dup-${header.length}.csv`);
    writeFileSync(path, `${header}\r\na,b,c,d\r\n`);
    const error = await openLeadFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ code: 'duplicate_header' });
    expect((error as ImportFileError).message).toContain(named);
  });

  it('rejects an old .xls file with advice', async () => {
    const path = file('old.xls');
    writeFileSync(path, 'x');
    await expect(openLeadFile(path)).rejects.toMatchObject({ code: 'unsupported_format' });
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

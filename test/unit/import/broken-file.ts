// A generated lead CSV with 1,000 broken rows of many kinds between good rows, and what each row should become.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { RowIssueCode } from '../../../core/import/types';

export interface ExpectedError {
  readonly row: number;
  readonly line: number;
  readonly reason: RowIssueCode;
  readonly column?: string;
}

export interface Generated {
  readonly good: { row: number; name: string; needs?: string; warning?: RowIssueCode }[];
  readonly bad: ExpectedError[];
}

export const HEADER = '姓名,手机,邮箱,公司,备注';
export const FORMULA = "=cmd|' /C calc'!A0";

/** Writes 1,000 broken rows of many kinds between good rows, streaming to disk; returns what each row should become. */
export function writeBrokenFile(path: string): Generated {
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
        // A bad phone is an error only when it is the row's one contact; beside an email it is kept with a warning.
        put(`坏${i},call me maybe,,公司,备注\r\n`);
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
        put(`坏${i},"${FORMULA.replaceAll('"', '""')}",,公司,备注\r\n`);
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

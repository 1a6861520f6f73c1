// Generates an old CRM's history export (CSV in UTF-8 or GBK, or XLSX) with a planted signal, messy owners, mixed
// date forms and a leak column, plus the truth behind every row, for history-import tests and benchmarks.
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createRng, DAY_MS, MINUTE_MS } from '../../core/domain/clock';
import type { Rng } from '../../core/domain/clock';
import type { RepForMatching } from '../../core/domain/history/owner-matching';
import { asRepId } from '../../core/domain/ids';
import { generateSyntheticHistory } from '../../core/domain/scoring/synthetic-history';

export const HISTORY_HEADERS = [
  '姓名',
  '手机',
  '邮箱',
  '公司',
  '职位',
  '行业',
  '地区',
  '公司规模',
  '来源',
  '意向产品',
  '渠道等级',
  '创建时间',
  '首次联系',
  '成交日期',
  '负责人',
  '阶段',
  '成交金额',
  '输单原因',
  '线索质量',
] as const;

/** Column positions of the history fields, for tests. */
export const HISTORY_COLUMN = Object.fromEntries(HISTORY_HEADERS.map((h, i) => [h, i])) as Readonly<
  Record<(typeof HISTORY_HEADERS)[number], number>
>;

/** The reps that already exist in Fairlead when the history is imported. */
export const HISTORY_REPS: readonly RepForMatching[] = [
  { id: asRepId('rep-wangfang'), name: '王芳', email: 'wangfang@example.cn', isActive: true },
  { id: asRepId('rep-lina'), name: '李娜', email: null, isActive: true },
  { id: asRepId('rep-zhangwei'), name: 'Zhang Wei', email: null, isActive: true },
  { id: asRepId('rep-liuyang'), name: '刘洋', email: null, isActive: true },
  { id: asRepId('rep-chenjing'), name: '陈静', email: null, isActive: false },
];
/** Owners in the file that are not reps (the team lead must create or merge them). */
export const UNKNOWN_OWNERS = ['赵敏', '孙悟空'] as const;
/** Spelled as the old CRM spelled them: odd spaces, full width, a region note. */
const OWNER_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  王芳: ['王芳', '王 芳', ' 王芳 ', '王\u3000芳', '王芳(华东)'],
  李娜: ['李娜', '李娜 '],
  'Zhang Wei': ['Zhang Wei', 'zhang wei', 'ＺＨＡＮＧ\u3000ＷＥＩ', 'Zhang  Wei'],
  刘洋: ['刘洋'],
  陈静: ['陈静', ' 陈 静'],
};
const LOST_REASONS = ['价格太高', '选择了竞品', '暂无预算', '联系不上', '需求不匹配'];

export interface HistoryTruth {
  /** The stage the row means (成交 → won; 输单, 无效 → lost; 跟进中 → sql). */
  readonly stage: 'won' | 'lost' | 'sql';
  /** Rep name as in HISTORY_REPS, or one of UNKNOWN_OWNERS. */
  readonly owner: string;
  /** Epoch ms, to the minute (创建时间 has minutes). */
  readonly createdAt: number;
  /** Epoch ms of midnight (+08:00) of the first-contact day. */
  readonly firstContactAt: number;
  /** Epoch ms to the minute; null for open leads. */
  readonly closedAt: number | null;
  readonly wonAmountFen: number | null;
  readonly lostReason: string | null;
}

export interface HistoryFixture {
  readonly headers: readonly string[];
  /** Cells as text, as a CSV export has them. 成交日期 is `2024-03-05 14:07`. */
  readonly rows: readonly (readonly string[])[];
  /** The same rows for XLSX: 成交日期 as an Excel serial number, 公司规模 as a number. */
  readonly xlsxRows: readonly (readonly (string | number)[])[];
  readonly truth: readonly HistoryTruth[];
  /** Minutes east of UTC the wall-clock dates are written in. */
  readonly offsetMinutes: number;
  readonly now: number;
}

export interface HistoryFixtureOptions {
  /** Rows (default 20,000). */
  readonly count?: number;
  readonly seed?: number;
  /** Epoch ms; leads arrive in the 12 months before and are closed by then (default 2025-01-01 +08:00). */
  readonly now?: number;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

const pad = (n: number) => String(n).padStart(2, '0');
function wall(ms: number, offsetMinutes: number): Date {
  return new Date(ms + offsetMinutes * MINUTE_MS);
}
/** `2024/3/5 14:07` */
function slashDateTime(ms: number, offset: number): string {
  const d = wall(ms, offset);
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
/** `2024年3月5日` */
function chineseDate(ms: number, offset: number): string {
  const d = wall(ms, offset);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
/** `2024-03-05 14:07` */
function isoDateTime(ms: number, offset: number): string {
  const d = wall(ms, offset);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
/** Excel 1900-system serial of the wall-clock time (valid after 1900-03-01). */
function excelSerial(ms: number, offset: number): number {
  return (ms + offset * MINUTE_MS) / DAY_MS + 25569;
}
function midnight(ms: number, offset: number): number {
  const local = ms + offset * MINUTE_MS;
  return local - (local % DAY_MS) - offset * MINUTE_MS;
}
function amountText(fen: number, rng: Rng): string {
  const yuan = fen / 100;
  if (rng() < 0.3 && fen % 100_000 === 0) return `${yuan / 10_000}万`;
  return `￥${yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * A deterministic history export: the leads of generateSyntheticHistory (planted: decision-makers in 制造 win
 * ~4.5× the average) with owners, outcomes in Chinese (成交/输单/无效/跟进中), three date forms, won amounts, lost
 * reasons and a leak column (线索质量 高 only on won leads). Same options → same rows.
 */
export function generateHistoryFixture(options: HistoryFixtureOptions = {}): HistoryFixture {
  const count = options.count ?? 20_000;
  const seed = options.seed ?? 7;
  const offset = 480;
  const now = options.now ?? Date.UTC(2025, 0, 1) - offset * MINUTE_MS;
  const leads = generateSyntheticHistory({ count, seed, now, signal: 'planted' });
  const rng = createRng(seed ^ 0x5eed);
  const owners = [...HISTORY_REPS.map((r) => r.name)];
  const rows: string[][] = [];
  const xlsxRows: (string | number)[][] = [];
  const truth: HistoryTruth[] = [];
  for (const lead of leads) {
    const createdAt = lead.createdAt - (lead.createdAt % MINUTE_MS);
    const firstContactAt = midnight(createdAt + Math.floor(rng() * 3 * DAY_MS), offset);
    const isOpen = lead.stage === 'lost' && rng() < 0.06;
    const stage = isOpen ? 'sql' : lead.stage === 'won' ? 'won' : 'lost';
    const outcomeWord =
      stage === 'won'
        ? rng() < 0.02
          ? ' 成交 '
          : '成交'
        : stage === 'sql'
          ? '跟进中'
          : rng() < 0.7
            ? '输单'
            : '无效';
    const closedAt = stage === 'sql' ? null : lead.updatedAt - (lead.updatedAt % MINUTE_MS);
    const owner = rng() < 0.01 ? pick(rng, UNKNOWN_OWNERS) : pick(rng, owners);
    const spellings = OWNER_SPELLINGS[owner] ?? [owner];
    const ownerText = rng() < 0.2 ? pick(rng, spellings) : owner;
    const wonAmountFen =
      stage === 'won' ? (1 + Math.floor(rng() * 50)) * 100_000 + (rng() < 0.5 ? 50 : 0) : null;
    const lostReason = stage === 'lost' ? pick(rng, LOST_REASONS) : null;
    const quality = stage === 'won' ? '高' : rng() < 0.5 ? '中' : '低';
    const cells = [
      lead.name,
      `138${(lead.phone ?? '').slice(3)}`,
      lead.email ?? '',
      lead.company ?? '',
      lead.title ?? '',
      lead.industry ?? '',
      lead.region ?? '',
      lead.companySize === null ? '' : String(lead.companySize),
      lead.source ?? '',
      lead.product ?? '',
      lead.customFields['渠道等级'] ?? '',
      slashDateTime(createdAt, offset),
      chineseDate(firstContactAt, offset),
      closedAt === null ? '' : isoDateTime(closedAt, offset),
      ownerText,
      outcomeWord,
      wonAmountFen === null ? '' : amountText(wonAmountFen, rng),
      lostReason ?? '',
      quality,
    ];
    rows.push(cells);
    const xlsx: (string | number)[] = [...cells];
    xlsx[HISTORY_COLUMN['成交日期']] = closedAt === null ? '' : excelSerial(closedAt, offset);
    if (lead.companySize !== null) xlsx[HISTORY_COLUMN['公司规模']] = lead.companySize;
    xlsxRows.push(xlsx);
    truth.push({
      stage,
      owner,
      createdAt,
      firstContactAt,
      closedAt,
      wonAmountFen,
      lostReason,
    });
  }
  return { headers: [...HISTORY_HEADERS], rows, xlsxRows, truth, offsetMinutes: offset, now };
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes the fixture as CSV: UTF-8 with a BOM (as Excel saves it) or GBK (as older Chinese CRMs export). */
export async function writeHistoryCsv(
  path: string,
  fixture: HistoryFixture,
  options: { readonly encoding?: 'utf8' | 'gbk' } = {},
): Promise<void> {
  const lines = [fixture.headers, ...fixture.rows].map((cells) => cells.map(csvField).join(','));
  const text = `${lines.join('\r\n')}\r\n`;
  await writeFile(path, options.encoding === 'gbk' ? iconv.encode(text, 'gbk') : `\uFEFF${text}`);
}

/** Writes the fixture as XLSX (one sheet, streamed), with 成交日期 as Excel serial numbers. */
export async function writeHistoryXlsx(path: string, fixture: HistoryFixture): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false });
  const sheet = workbook.addWorksheet('线索历史');
  sheet.addRow([...fixture.headers]).commit();
  for (const row of fixture.xlsxRows) sheet.addRow(row.map((cell) => (cell === '' ? null : cell))).commit();
  sheet.commit();
  await workbook.commit();
}

// The columns of a history file that describe the past (arrival, owner, outcome, amounts, dates), not the lead.
import { readBoolean } from '../scoring/column-profile';
import { findHeaderWord } from './fold';
import { parseAmountFen } from './parse-amount';
import { parseDateValue } from './parse-dates';

export const HISTORY_ROLES = [
  'createdAt',
  'owner',
  'outcome',
  'wonAmount',
  'closedAt',
  'firstContactAt',
  'lastActivityAt',
  'lostReason',
] as const;
export type HistoryRole = (typeof HISTORY_ROLES)[number];

/** The roles whose cells are dates. */
export const DATE_ROLES = ['createdAt', 'closedAt', 'firstContactAt', 'lastActivityAt'] as const;
export type DateRole = (typeof DATE_ROLES)[number];

/** Column index (0-based) per history role; a role without a column is absent. */
export type HistoryColumns = Readonly<Partial<Record<HistoryRole, number>>>;

// Most specific first: 成交金额 is an amount and 成交时间 a close date before either is an outcome (成交).
const HEADER_WORDS: readonly (readonly [HistoryRole, readonly string[]])[] = [
  [
    'lostReason',
    [
      '输单原因',
      '丢单原因',
      '失败原因',
      '流失原因',
      '战败原因',
      '无效原因',
      'lostreason',
      'lossreason',
      'reasonlost',
    ],
  ],
  [
    'wonAmount',
    [
      '成交金额',
      '合同金额',
      '签约金额',
      '订单金额',
      '回款金额',
      'wonamount',
      'dealvalue',
      'dealamount',
      'contractvalue',
      'amount',
    ],
  ],
  [
    'closedAt',
    [
      '成交日期',
      '成交时间',
      '签约日期',
      '签约时间',
      '关闭日期',
      '关闭时间',
      '结单',
      '成单时间',
      '输单时间',
      '输单日期',
      'closedate',
      'closedat',
      'closeddate',
      'dateclosed',
      'wondate',
    ],
  ],
  [
    'firstContactAt',
    ['首次联系', '首次跟进', '首次响应', '第一次联系', 'firstcontact', 'firstcontacted', 'firstresponse'],
  ],
  [
    'lastActivityAt',
    [
      '最后跟进',
      '最近跟进',
      '最后联系',
      '最近联系',
      '最后活动',
      'lastactivity',
      'lastcontact',
      'lastfollowup',
    ],
  ],
  [
    'createdAt',
    [
      '创建时间',
      '创建日期',
      '录入时间',
      '录入日期',
      '进线时间',
      '留资时间',
      '获取时间',
      '提交时间',
      '线索时间',
      '到达时间',
      'createdat',
      'createddate',
      'createdtime',
      'datecreated',
      'createdon',
      'createdate',
      'createtime',
      'creationdate',
      'leadcreated',
      'dealcreated',
      '添加时间',
      '创建于',
      'arrival',
    ],
  ],
  [
    'outcome',
    // A status beats a converted flag: a "converted = 0" lead whose status is open is open, not lost.
    ['阶段', '状态', 'stage', 'status', '结果', 'outcome', 'result', '是否成交', '成交', '赢单', 'converted'],
  ],
  [
    'owner',
    [
      '负责人',
      '所属销售',
      '归属销售',
      '归属人',
      '跟进人',
      '业务员',
      '销售员',
      '销售代表',
      '所有者',
      '客户经理',
      'owner',
      'salesperson',
      'salesrep',
      'rep',
      'assignedto',
    ],
  ],
];

/** Sampled cells that must read as the role's kind (dates, amounts) for a column to take a typed role. */
const MIN_SHARE = 0.8;
/** An outcome or owner column is a short list of values; more distinct sampled values than this is not one. */
const MAX_CATEGORY_VALUES = 50;

/** Whether the sampled, non-blank cells of a column look the part of the role; no sample fits by header alone. */
export function historyContentFits(role: HistoryRole, values: readonly string[]): boolean {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  if (filled.length === 0) return true;
  const share = (test: (v: string) => boolean) => filled.filter(test).length / filled.length;
  const isBoolean = share((v) => readBoolean(v) !== null) === 1 && new Set(filled).size <= 2;
  const dateShare = share((v) => {
    const parsed = parseDateValue(v);
    return parsed.ok || parsed.reason === 'ambiguous_order';
  });
  switch (role) {
    case 'createdAt':
    case 'closedAt':
    case 'firstContactAt':
    case 'lastActivityAt':
      return dateShare >= MIN_SHARE;
    case 'wonAmount':
      return !isBoolean && share((v) => typeof parseAmountFen(v) === 'number') >= MIN_SHARE;
    case 'outcome':
      return dateShare < MIN_SHARE && new Set(filled.map((v) => v.toLowerCase())).size <= MAX_CATEGORY_VALUES;
    case 'owner':
      return !isBoolean && dateShare < MIN_SHARE;
    case 'lostReason':
      return !isBoolean;
  }
}

/**
 * Guesses which columns hold history: for each role, the column whose header names it with the most preferred
 * word (a status over a converted flag), then the first; a column gets at most one role, the first role its
 * header names. With `sampleRows` (the first rows, cells by column) a column must also look the part
 * (historyContentFits): dates for date roles, amounts for the won amount, never a yes/no column for an amount
 * or an owner. The wizard shows the guess for the team lead to correct.
 */
export function guessHistoryColumns(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[] = [],
): HistoryColumns {
  const best = new Map<HistoryRole, { index: number; rank: number }>();
  headers.forEach((header, index) => {
    for (const [role, words] of HEADER_WORDS) {
      const word = findHeaderWord(header, words);
      if (word === null) continue;
      if (
        sampleRows.length > 0 &&
        !historyContentFits(
          role,
          sampleRows.map((row) => row[index] ?? ''),
        )
      )
        break;
      const rank = words.indexOf(word);
      const current = best.get(role);
      if (current === undefined || rank < current.rank) best.set(role, { index, rank });
      break;
    }
  });
  const out: Partial<Record<HistoryRole, number>> = {};
  for (const [role, { index }] of best) out[role] = index;
  return out;
}

/**
 * The lead-field mapping with every history column set to `ignore`, so a column such as 成交金额 is not also
 * imported as a custom field (and learned from). Works on any mapping array (core/import's ColumnMapping).
 */
export function maskHistoryColumns<T extends string>(
  mapping: readonly T[],
  columns: HistoryColumns,
): (T | 'ignore')[] {
  const roleColumns = new Set(Object.values(columns));
  return mapping.map((target, index) => (roleColumns.has(index) ? 'ignore' : target));
}

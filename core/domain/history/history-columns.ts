// The columns of a history file that describe the past (arrival, owner, outcome, amounts, dates), not the lead.
import { findHeaderWord } from './fold';

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
      'revenue',
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
      'arrival',
    ],
  ],
  [
    'outcome',
    ['阶段', '状态', '结果', '是否成交', '成交', '赢单', 'stage', 'status', 'outcome', 'result', 'converted'],
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
      'salesrep',
      'rep',
      'assignedto',
    ],
  ],
];

/**
 * Guesses which columns hold history: each role goes to the first header that names it (most specific words
 * first); a column gets at most one role. The wizard shows the guess for the team lead to correct.
 */
export function guessHistoryColumns(headers: readonly string[]): HistoryColumns {
  const out: Partial<Record<HistoryRole, number>> = {};
  headers.forEach((header, index) => {
    for (const [role, words] of HEADER_WORDS) {
      if (findHeaderWord(header, words) === null) continue;
      if (out[role] === undefined) out[role] = index;
      break;
    }
  });
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

// Maps the words an old CRM used for a lead's outcome or stage (成交, 输单, Closed Won, 1/0…) to Fairlead's stages.
import type { FunnelStage } from '../funnel';
import type { ValueCount } from './fold';
import { foldValue, groupByKey } from './fold';

/**
 * How sure a guess is: `high` an exact word with one meaning (成交, Closed Won); `medium` a word that contains
 * one (已成交(老客户)), or a yes/no column whose header names the outcome; `low` a bare 1/0 or yes/no with no
 * header to say what it means; `none` no guess.
 */
export type OutcomeConfidence = 'high' | 'medium' | 'low' | 'none';

export interface OutcomeGuess {
  /** The value as most rows spell it (the group's representative). */
  readonly value: string;
  /** Folded key (case, width, spaces and punctuation ignored); the mapping is keyed by it. */
  readonly key: string;
  /** Rows holding any spelling of the value. */
  readonly count: number;
  /** Every raw spelling that folded to this key, most frequent first. */
  readonly variants: readonly string[];
  readonly guess: FunnelStage | null;
  readonly confidence: OutcomeConfidence;
}

/** Folded value → stage. Build it with createOutcomeMapping; read it with applyOutcomeMapping. */
export type OutcomeMapping = ReadonlyMap<string, FunnelStage>;

export type OutcomeResult =
  | { readonly ok: true; readonly stage: FunnelStage }
  | { readonly ok: false; readonly error: 'unmapped'; readonly value: string };

const EXACT: Readonly<Record<FunnelStage, readonly string[]>> = {
  won: [
    '成交',
    '已成交',
    '成交客户',
    '赢单',
    '已赢单',
    '赢',
    '签约',
    '已签约',
    '签单',
    '已签单',
    '成单',
    '已成单',
    '成功',
    '已付款',
    '已回款',
    '回款',
    '已合作',
    '合作中',
    '转化',
    '已转化',
    '已转客户',
    'won',
    'win',
    'closedwon',
    'dealwon',
    'converted',
    'closedconverted',
    'customer',
    'success',
  ],
  lost: [
    '输单',
    '已输单',
    '丢单',
    '已丢单',
    '失败',
    '无效',
    '无效线索',
    '无意向',
    '流失',
    '已流失',
    '战败',
    '放弃',
    '已放弃',
    '拒绝',
    '死单',
    '无需求',
    '不感兴趣',
    '空号',
    '错号',
    '作废',
    '已作废',
    '丢失',
    '输',
    'lost',
    'lose',
    'loss',
    'closedlost',
    'deallost',
    'unqualified',
    'disqualified',
    'dead',
    'junk',
    'invalid',
    'rejected',
    'notinterested',
    'closednotconverted',
  ],
  opportunity: [
    '商机',
    '洽谈中',
    '洽谈',
    '谈判',
    '谈判中',
    '商务谈判',
    '报价',
    '已报价',
    '报价中',
    '方案',
    '方案阶段',
    '已发方案',
    'opportunity',
    'proposal',
    'proposalsent',
    'negotiation',
    'quote',
    'quoted',
  ],
  sql: [
    'sql',
    'salesqualified',
    'salesqualifiedlead',
    'qualified',
    '销售合格',
    '需求确认',
    '已确认需求',
    '需求已确认',
    '有意向',
    '高意向',
    // Being worked, exact open stage unknown: a rep accepted it, so sales-qualified is the nearest stage.
    '跟进中',
    '沟通中',
    '联系中',
    '已联系',
    'working',
    'workingcontacted',
    'contacted',
    'inprogress',
  ],
  mql: ['mql', 'marketingqualified', 'marketingqualifiedlead', '市场合格', '有效线索', '已验证'],
  raw: [
    'raw',
    'new',
    'open',
    'opennotcontacted',
    'notcontacted',
    'lead',
    '新',
    '新建',
    '新线索',
    '线索',
    '未联系',
    '待联系',
    '待跟进',
    '未跟进',
    '未处理',
    '待分配',
  ],
  nurture: [
    'nurture',
    'nurturing',
    'onhold',
    '培育',
    '培育中',
    '培育池',
    '待培育',
    '暂缓',
    '长期跟进',
    '冷线索',
    '暂无需求',
    '以后联系',
  ],
};

// Checked in order on values that are not an exact word: negations first (未成交 contains 成交).
const CONTAINS: readonly (readonly [FunnelStage, readonly string[]])[] = [
  [
    'lost',
    [
      '未成交',
      '没成交',
      '不成交',
      '未签约',
      '未转化',
      'notconverted',
      '输单',
      '丢单',
      '失败',
      '流失',
      '无效',
      '无意向',
      '战败',
      '放弃',
      'lost',
      'unqualified',
      'disqualified',
    ],
  ],
  ['won', ['成交', '赢单', '签约', '签单', '成单', '回款', 'won', 'converted']],
  ['nurture', ['培育', 'nurtur', '暂缓']],
  ['opportunity', ['商机', '洽谈', '谈判', '报价', '方案', 'opportunit', 'proposal', 'negotiat', 'quote']],
  ['sql', ['跟进', '沟通', 'qualified', 'working', 'contacted']],
  ['mql', ['mql']],
];

const EXACT_INDEX: ReadonlyMap<string, FunnelStage> = new Map(
  (Object.entries(EXACT) as [FunnelStage, readonly string[]][]).flatMap(([stage, words]) =>
    words.map((word) => [foldValue(word), stage] as const),
  ),
);

const YES = new Set(['1', '是', '对', 'y', 'yes', 'true', 't', '有']);
const NO = new Set(['0', '否', '不是', '错', 'n', 'no', 'false', 'f', '无', '没有']);
// A header that says what "yes" means: the outcome itself (是否成交) or its opposite (是否无效).
const POSITIVE_HEADER = /成交|签约|签单|成单|赢|转化|won|win|convert|deal/;
const NEGATIVE_HEADER = /无效|流失|丢|输|失败|lost|churn|invalid|disqualif/;

export interface GuessOutcomeOptions {
  /** Header of the column: decides what a bare yes/no means (是否成交 → 1 = won; 是否无效 → 1 = lost). */
  readonly header?: string;
}

/**
 * One guess per distinct value (spellings that fold alike are merged, counts summed), most frequent first.
 * Every value is reported, blank ('') included: a value with no guess has `guess: null` and must be mapped by
 * the team lead or its rows are errors — never dropped silently. Deterministic.
 */
export function guessOutcomeMapping(
  values: readonly ValueCount[],
  options: GuessOutcomeOptions = {},
): OutcomeGuess[] {
  const header = options.header === undefined ? '' : foldValue(options.header);
  const headerSays = NEGATIVE_HEADER.test(header)
    ? 'negative'
    : POSITIVE_HEADER.test(header)
      ? 'positive'
      : 'none';
  return groupByKey(values, foldValue).map((group) => {
    const { guess, confidence } = guessOne(group.key, headerSays);
    return { ...group, guess, confidence };
  });
}

function guessOne(
  key: string,
  headerSays: 'positive' | 'negative' | 'none',
): { guess: FunnelStage | null; confidence: OutcomeConfidence } {
  if (key === '') return { guess: null, confidence: 'none' };
  const isYes = YES.has(key);
  if (isYes || NO.has(key)) {
    if (headerSays === 'negative') return isYes ? { guess: 'lost', confidence: 'medium' } : NONE;
    return { guess: isYes ? 'won' : 'lost', confidence: headerSays === 'positive' ? 'medium' : 'low' };
  }
  const exact = EXACT_INDEX.get(key);
  if (exact !== undefined) return { guess: exact, confidence: 'high' };
  for (const [stage, needles] of CONTAINS) {
    if (needles.some((needle) => key.includes(needle))) return { guess: stage, confidence: 'medium' };
  }
  return NONE;
}

const NONE = { guess: null, confidence: 'none' } as const;

/**
 * The mapping the import uses: every guess, then the team lead's overrides (by folded key, or by any raw
 * spelling); an override of null removes a guess, leaving the value unmapped.
 */
export function createOutcomeMapping(
  guesses: readonly OutcomeGuess[],
  overrides: Readonly<Record<string, FunnelStage | null>> = {},
): OutcomeMapping {
  const mapping = new Map<string, FunnelStage>();
  for (const g of guesses) if (g.guess !== null) mapping.set(g.key, g.guess);
  for (const [value, stage] of Object.entries(overrides)) {
    const key = foldValue(value);
    if (stage === null) mapping.delete(key);
    else mapping.set(key, stage);
  }
  return mapping;
}

/** The values the mapping leaves unmapped, with their row counts: the import refuses their rows until mapped. */
export function listUnmappedOutcomes(
  guesses: readonly OutcomeGuess[],
  mapping: OutcomeMapping,
): OutcomeGuess[] {
  return guesses.filter((g) => !mapping.has(g.key));
}

/** The stage of one cell, or `unmapped` (with the raw value) when the mapping has no entry for it. */
export function applyOutcomeMapping(value: string, mapping: OutcomeMapping): OutcomeResult {
  const stage = mapping.get(foldValue(value));
  return stage === undefined ? { ok: false, error: 'unmapped', value } : { ok: true, stage };
}

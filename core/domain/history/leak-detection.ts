// Flags history columns that were likely filled only after the sale, so learned scoring does not learn from them.
import type { FunnelStage } from '../funnel';
import { compareText, findHeaderWord, foldValue } from './fold';
import type { CellTally } from './leak-evidence';
import { separationOf } from './leak-evidence';

/** One column as imported: its header, its target (a lead field or `custom.<header>`), one value per row. */
export interface LeakColumn {
  readonly header: string;
  /**
   * What the column becomes (`industry`, `budget`, `custom.线索质量`…); decides the `excludeFields` name.
   * Omitted: `custom.<header>`. `ignore` columns are not features and are skipped.
   */
  readonly target?: string;
  readonly values: readonly string[];
}

/**
 * Why a column is flagged; the UI words each code in its own language from the evidence:
 * `name` its header says it is set after contact; `predicts_outcome` one value is (almost) only on one outcome;
 * `filled_only_for_outcome` it is filled (or empty) (almost) only for one outcome; `fill_rate_differs` it is
 * filled far more often for one outcome (`wonFillRate` vs `lostFillRate`); `separates_outcome` it alone tells
 * won from lost implausibly well (`auc`).
 */
export type LeakReason =
  'name' | 'predicts_outcome' | 'filled_only_for_outcome' | 'fill_rate_differs' | 'separates_outcome';

export interface LeakEvidence {
  /** The value (for `predicts_outcome`) or null (for `name` and `filled_only_for_outcome`). */
  readonly value: string | null;
  /** Won and lost rows holding the value (or, for missingness, filled / empty as `pattern` says). */
  readonly won: number;
  readonly lost: number;
  /** For `filled_only_for_outcome`: whether the rows counted are the filled or the empty ones. */
  readonly pattern?: 'filled' | 'empty';
  /** For `name`: the word in the header that looks like an after-the-sale field. */
  readonly matched?: string;
  /** For `fill_rate_differs`: share of won and of lost rows with the column filled, in [0, 1]. */
  readonly wonFillRate?: number;
  readonly lostFillRate?: number;
  /** For `separates_outcome`: max(AUC, 1 − AUC) of the column alone on its filled rows, in [0.5, 1]. */
  readonly auc?: number;
}

export interface LeakFlag {
  readonly column: string;
  /** The name to pass in trainConversionModel's `excludeFields` (`custom.<header>`, `industry`, `bant.budget`…). */
  readonly field: string;
  readonly reason: LeakReason;
  /** English, for logs; the UI builds its own sentence from `reason` and `evidence`. */
  readonly detail: string;
  readonly evidence: LeakEvidence;
  /** Always true: a flagged column stays out of learning unless the team lead puts it back. */
  readonly excludeByDefault: true;
}

export interface LeakReport {
  /** One flag per column and reason, in column order. */
  readonly flags: readonly LeakFlag[];
  /** Distinct `field` of the flags, in column order: the default `excludeFields` for learned scoring. */
  readonly excludeFields: readonly string[];
  /** Won and lost rows the data checks used. */
  readonly won: number;
  readonly lost: number;
  /** False when there were too few won or lost rows for the data checks (name checks still ran). */
  readonly dataChecked: boolean;
}

export interface DetectLeaksOptions {
  /** A value needs this many won + lost rows to be judged (default 30). */
  readonly minSupport?: number;
  /** At most this share of the value's rows may have the other outcome (default 0.01). */
  readonly maxImpurity?: number;
  /** The other outcome must have been expected on at least this many of the rows (default 10). */
  readonly minExpected?: number;
  /** Data checks need at least this many won and this many lost rows (default 20 each). */
  readonly minPerOutcome?: number;
  /** Flag a column whose fill rates for won and lost rows differ by at least this much (default 0.4). */
  readonly maxFillRateGap?: number;
  /** Flag a column that alone separates won from lost with at least this AUC (default 0.9). */
  readonly maxSeparation?: number;
}

// Header words of fields a rep fills while or after closing. Folded (see foldValue); checked as substrings.
const NAME_PATTERNS: readonly (readonly [string, readonly string[]])[] = [
  [
    'lost reason',
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
    'close date',
    [
      '成交日期',
      '成交时间',
      '签约日期',
      '签约时间',
      '成单时间',
      '赢单',
      '输单',
      '丢单',
      '关闭日期',
      '关闭时间',
      '结单',
      'closedate',
      'closedat',
      'closeddate',
      'dateclosed',
      'wondate',
      'datewon',
    ],
  ],
  [
    'won amount',
    [
      '合同金额',
      '成交金额',
      '签约金额',
      '回款',
      '订单金额',
      '实收',
      'wonamount',
      'dealvalue',
      'dealamount',
      'contractvalue',
    ],
  ],
  ['rep rating', ['质量', '评级', 'quality', 'rating']],
  ['rep tag', ['销售标签', '跟进标签', 'salesassigned', 'salestag', 'assignedtag']],
  [
    'stage',
    [
      '阶段',
      '状态',
      '结果',
      '是否成交',
      '成交',
      '签约',
      'stage',
      'status',
      'outcome',
      'converted',
      'won',
      'lost',
    ],
  ],
  [
    'follow-up',
    [
      '最后',
      '跟进次数',
      '跟进记录',
      '跟进结果',
      'lastactivity',
      'lastnotableactivity',
      'lastcontact',
      'lastcontacted',
      'lastmodified',
      'followup',
    ],
  ],
  // Set by staff or a tool once the lead was worked: tags, profiles, scores and indexes.
  ['after-contact mark', ['标签', '画像', 'tag', 'tags', 'profile', 'score', 'index']],
];

/** Lead fields whose learned-feature field differs from the import field name. */
const FEATURE_FIELD: Readonly<Record<string, string>> = { budget: 'bant.budget', cost: 'costFen' };

/**
 * A contact's own details: one value belongs to one lead or a handful, so no value of them can describe an outcome
 * for 30 leads; only whether they are filled is checked (a phone taken only once the deal was won is a leak).
 */
const CONTACT_TARGETS: ReadonlySet<string> = new Set(['name', 'phone', 'email', 'wechat']);

/** The `excludeFields` name of a column target: `custom.<header>` stays, `budget` → `bant.budget`. */
export function featureFieldOf(target: string): string {
  return FEATURE_FIELD[target] ?? target;
}

/** The after-the-sale word a header contains, or null. */
export function matchLeakyHeader(header: string): { kind: string; word: string } | null {
  for (const [kind, words] of NAME_PATTERNS) {
    const word = findHeaderWord(header, words);
    if (word !== null) return { kind, word };
  }
  return null;
}

/** What a filled contact detail is tallied as (never a folded value: it has a letter). */
const FILLED = '\u0000filled';

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** Lost rows count in units of this in a value's tally (won rows in ones): no history has 2^26 rows. */
const LOST = 2 ** 26;

/**
 * Flags likely leaks: by header (lost reason, close date, won amount, rep's rating, sales tag, stage,
 * follow-up, tags, profiles, scores, indexes) and by data — a column whose filled (or empty) rows are (almost)
 * all of one outcome, else one whose fill rates for won and lost differ by `maxFillRateGap`, else a value whose
 * won/lost split is (almost) pure although the base rate says the other outcome should have shown up at least
 * `minExpected` times, else a column that alone separates the outcomes with AUC ≥ `maxSeparation`.
 * A genuinely strong predictor (95% won, AUC 0.8) is not flagged; only near-perfect ones are.
 * Only won and lost rows count for the data checks. Every flag excludes by default; the team lead may override.
 * Deterministic; `outcomes` has one entry per row (null for rows without an outcome).
 */
export function detectLeaks(
  columns: readonly LeakColumn[],
  outcomes: readonly (FunnelStage | null)[],
  options: DetectLeaksOptions = {},
): LeakReport {
  const minSupport = options.minSupport ?? 30;
  const maxImpurity = options.maxImpurity ?? 0.01;
  const minExpected = options.minExpected ?? 10;
  const minPerOutcome = options.minPerOutcome ?? 20;
  const maxFillRateGap = options.maxFillRateGap ?? 0.4;
  const maxSeparation = options.maxSeparation ?? 0.9;
  let won = 0;
  let lost = 0;
  for (const o of outcomes) {
    if (o === 'won') won += 1;
    else if (o === 'lost') lost += 1;
  }
  const dataChecked = won >= minPerOutcome && lost >= minPerOutcome;
  const wonRate = won + lost === 0 ? 0 : won / (won + lost);

  /** Which outcome a (won, lost) split is nearly pure for, given the base rate; null when it is not. */
  const pureFor = (w: number, l: number): 'won' | 'lost' | null => {
    const n = w + l;
    if (n < minSupport) return null;
    if (l <= n * maxImpurity && n * (1 - wonRate) >= minExpected) return 'won';
    if (w <= n * maxImpurity && n * wonRate >= minExpected) return 'lost';
    return null;
  };

  const flags: LeakFlag[] = [];
  for (const column of columns) {
    const target = column.target ?? `custom.${column.header.trim()}`;
    if (target === 'ignore') continue;
    const field = featureFieldOf(target);
    const flag = (reason: LeakReason, detail: string, evidence: LeakEvidence) =>
      flags.push({ column: column.header, field, reason, detail, evidence, excludeByDefault: true });

    const named = matchLeakyHeader(column.header);
    if (named !== null)
      flag(
        'name',
        `The header "${column.header}" looks like a ${named.kind}, filled during or after the sale`,
        {
          value: null,
          won: 0,
          lost: 0,
          matched: named.word,
        },
      );
    if (!dataChecked) continue;

    // Tallies are won + lost * LOST in one number (no object per distinct value: a column of names or phones has
    // as many distinct values as rows), first per cell as written, then per folded value: each distinct cell is
    // folded once.
    // Distinct cells get a slot on first sight: one map look-up per cell, one insertion per distinct cell.
    const slotOf = new Map<string, number>();
    const cells: string[] = [];
    const cellCounts: number[] = [];
    const isContact = CONTACT_TARGETS.has(target);
    for (let i = 0; i < outcomes.length; i += 1) {
      const outcome = outcomes[i];
      if (outcome !== 'won' && outcome !== 'lost') continue;
      // A contact detail is tallied only as filled or empty: its values are as many as its leads.
      const cell = column.values[i] ?? '';
      const raw = !isContact || cell === '' ? cell : foldValue(cell) === '' ? '' : FILLED;
      let slot = slotOf.get(raw);
      if (slot === undefined) {
        slot = cells.length;
        slotOf.set(raw, slot);
        cells.push(raw);
        cellCounts.push(0);
      }
      cellCounts[slot] = (cellCounts[slot] ?? 0) + (outcome === 'won' ? 1 : LOST);
    }
    const perValue = new Map<string, number>();
    const filled = { won: 0, lost: 0 };
    const empty = { won: 0, lost: 0 };
    const tallies: CellTally[] = [];
    for (let slot = 0; slot < cells.length; slot += 1) {
      const raw = cells[slot] ?? '';
      const count = cellCounts[slot] ?? 0;
      const key = foldValue(raw);
      const counts = key === '' ? empty : filled;
      counts.won += count % LOST;
      counts.lost += Math.floor(count / LOST);
      if (key !== '' && !isContact) {
        perValue.set(key, (perValue.get(key) ?? 0) + count);
        tallies.push({ cell: raw, key, won: count % LOST, lost: Math.floor(count / LOST) });
      }
    }

    // Missingness first: a column filled only for won leads is one finding, not one per value.
    const filledPure = pureFor(filled.won, filled.lost);
    const emptyPure =
      filledPure === null && empty.won + empty.lost > 0 ? pureFor(empty.won, empty.lost) : null;
    if (filledPure !== null || emptyPure !== null) {
      const pattern = filledPure !== null ? 'filled' : 'empty';
      const counts = filledPure !== null ? filled : empty;
      flag(
        'filled_only_for_outcome',
        `The column is ${pattern} on ${counts.won} won and ${counts.lost} lost leads`,
        { value: null, won: counts.won, lost: counts.lost, pattern },
      );
      continue;
    }
    const wonFillRate = filled.won / won;
    const lostFillRate = filled.lost / lost;
    if (Math.abs(wonFillRate - lostFillRate) >= maxFillRateGap) {
      flag(
        'fill_rate_differs',
        `The column is filled on ${percent(wonFillRate)} of won and ${percent(lostFillRate)} of lost leads`,
        { value: null, won: filled.won, lost: filled.lost, pattern: 'filled', wonFillRate, lostFillRate },
      );
      continue;
    }
    // A value only on won leads is the classic after-the-sale mark, so it is named before one only on lost leads.
    const sides = new Map<string, { won: number; lost: number; side: 'won' | 'lost' }>();
    for (const [key, count] of perValue) {
      const won = count % LOST;
      const lost = Math.floor(count / LOST);
      const side = pureFor(won, lost);
      if (side !== null) sides.set(key, { won, lost, side });
    }
    // Each value is shown as the first row wrote it.
    const shown = new Map<string, string>();
    if (sides.size > 0)
      outcomes.forEach((outcome, i) => {
        if (outcome !== 'won' && outcome !== 'lost') return;
        const raw = column.values[i] ?? '';
        const key = foldValue(raw);
        if (sides.has(key) && !shown.has(key)) shown.set(key, raw.trim());
      });
    const pure = [...sides]
      .map(([key, v]) => ({ ...v, value: shown.get(key) ?? key }))
      .sort(
        (a, b) =>
          (a.side === 'won' ? 0 : 1) - (b.side === 'won' ? 0 : 1) ||
          b.won + b.lost - (a.won + a.lost) ||
          compareText(a.value, b.value),
      );
    const top = pure[0];
    if (top !== undefined) {
      flag(
        'predicts_outcome',
        `The value "${top.value}" appears on ${top.won} won and ${top.lost} lost leads`,
        {
          value: top.value,
          won: top.won,
          lost: top.lost,
        },
      );
      continue;
    }
    // No single value gives it away, yet the column as a whole may: a number set after the deal, a status.
    const auc =
      isContact || filled.won < minPerOutcome || filled.lost < minPerOutcome
        ? null
        : separationOf(tallies, minSupport);
    if (auc !== null && auc >= maxSeparation) {
      flag('separates_outcome', `The column alone separates won from lost with AUC ${auc.toFixed(3)}`, {
        value: null,
        won: filled.won,
        lost: filled.lost,
        auc,
      });
    }
  }
  const excludeFields = [...new Set(flags.map((f) => f.field))];
  return { flags, excludeFields, won, lost, dataChecked };
}

// Turns one validated row of a history file into the fields of a past lead, or says what is wrong, cell by cell.
import type { FunnelStage } from '../funnel';
import type { RepId } from '../ids';
import type { LeadDraft } from '../lead';
import { cleanText, stripControlChars } from '../normalize/text';
import type { DateRole, HistoryColumns, HistoryRole } from './history-columns';
import type { OutcomeMapping } from './outcome-mapping';
import { applyOutcomeMapping } from './outcome-mapping';
import type { OwnerMapping } from './owner-matching';
import { resolveOwner } from './owner-matching';
import { parseAmountFen } from './parse-amount';
import type { DecimalStyle } from '../scoring/column-profile';
import type { DateColumnFormat, DateErrorReason } from './parse-dates';
import { DATE_ERROR_MESSAGES, DEFAULT_OFFSET_MINUTES, parseDateValue } from './parse-dates';

/** The lead fields an import row provides (what core/import's validateRow returns). */
export type HistoryDraft = LeadDraft;

/** The Lead fields of a past lead; the store adds id, events, score, grade and the import batch. */
export type HistoryLeadFields = HistoryDraft & {
  readonly isHistory: true;
  readonly stage: FunnelStage;
  readonly ownerId: RepId | null;
  /** Epoch ms the lead arrived in the old CRM. */
  readonly createdAt: number;
  /** Close time for won/lost leads (learned scoring measures behaviour as of it), else the latest known time. */
  readonly updatedAt: number;
  /** Integer fen; only on won leads. */
  readonly wonAmountFen: number | null;
  /** Epoch ms; only on won and lost leads. */
  readonly closedAt: number | null;
  /** Only on leads not won. */
  readonly lostReason: string | null;
};

/** Times that are not Lead fields: for follow-up history and response-time figures. Epoch ms. */
export interface HistoryActivity {
  readonly firstContactAt: number | null;
  readonly lastActivityAt: number | null;
  /** Set when the row's dates are unknown (context.datesUnknown): keep it out of replay and SLA history. */
  readonly isDateUnknown?: true;
}

export type HistoryIssueCode =
  | 'missing_created_at'
  | 'invalid_date'
  | 'future_date'
  | 'missing_outcome'
  | 'unmapped_outcome'
  | 'unknown_owner'
  | 'invalid_amount'
  | 'value_too_long'
  // warnings: the row imports, the odd value is dropped or kept as said
  | 'closed_before_created'
  | 'amount_not_won'
  | 'closed_at_on_open_lead'
  | 'lost_reason_on_won';

/** A problem with one history cell; same shape as core/import's RowIssue, with history reasons. */
export interface HistoryIssue {
  readonly severity: 'error' | 'warning';
  readonly row: number;
  readonly line: number | null;
  /** Header of the column. */
  readonly column?: string;
  /** 1-based column position. */
  readonly columnIndex?: number;
  readonly role?: HistoryRole;
  readonly reason: HistoryIssueCode;
  /** For `invalid_date`: why the date did not parse. */
  readonly dateReason?: DateErrorReason;
  /** English, for logs and the error file; the UI translates `reason`. */
  readonly message: string;
  /** The offending value, clipped to 200 characters. */
  readonly value?: string;
}

export const HISTORY_ISSUE_MESSAGES: Readonly<Record<HistoryIssueCode, string>> = {
  missing_created_at: 'The row has no arrival (created) time',
  invalid_date: 'The date is not valid',
  future_date: 'The date is in the future',
  missing_outcome: 'The row has no outcome or stage',
  unmapped_outcome: 'The outcome or stage value is not mapped to a Fairlead stage',
  unknown_owner: 'The owner is not a known rep: create the rep or merge the name into one',
  invalid_amount: 'The won amount is not an amount of money',
  value_too_long: 'The value is longer than the field allows',
  closed_before_created: 'The close time is before the arrival time',
  amount_not_won: 'A won amount on a lead that was not won was left out',
  closed_at_on_open_lead: 'A close time on a lead that is still open was left out',
  lost_reason_on_won: 'A lost reason on a won lead was left out',
};

export interface HistoryRowContext {
  /** Header texts, so issues can name their column. */
  readonly headers: readonly string[];
  readonly columns: HistoryColumns;
  /** Per date role, the format analyzeDateColumn settled on (an ambiguous column must be answered first). */
  readonly dateFormats?: Readonly<Partial<Record<DateRole, DateColumnFormat>>>;
  /**
   * Per date role, dates analyzeDateColumn already read with that format, by spreadsheet row (epoch ms): such a
   * cell is not parsed again.
   */
  readonly parsedDates?: Readonly<Partial<Record<DateRole, ReadonlyMap<number, number>>>>;
  /** Minutes east of UTC for dates without a zone (default +480). */
  readonly offsetMinutes?: number;
  /** Needed when there is an outcome column. */
  readonly outcomes?: OutcomeMapping;
  /** Needed when there is an owner column. */
  readonly owners?: OwnerMapping;
  /** Epoch ms (the clock): a history date after it is an error. */
  readonly now: number;
  /** Arrival time for every row when the file has no created column (e.g. the end of the export month). */
  readonly fallbackCreatedAt?: number;
  /**
   * The team lead's other answer when the file has no created column: "dates unknown". Rows then import with
   * createdAt = updatedAt = `now` and `activity.isDateUnknown`, so they train the learned model but the caller
   * leaves them out of time-based replay and SLA history. Ignored when `fallbackCreatedAt` is given.
   */
  readonly datesUnknown?: boolean;
  /** Stage for every row when the file has no outcome column. */
  readonly defaultStage?: FunnelStage;
  /** How the won amount column writes decimals (`1.200,50` is comma); default dot. */
  readonly wonAmountDecimal?: DecimalStyle;
}

export interface HistoryRowInput {
  /** Spreadsheet row number. */
  readonly row: number;
  readonly line?: number | null;
  /** The raw cells, one per header. */
  readonly cells: readonly string[];
  /** validateRow's draft for the same row (built with the history columns masked). */
  readonly draft: HistoryDraft;
}

export type HistoryRowResult =
  | {
      readonly ok: true;
      readonly row: number;
      readonly lead: HistoryLeadFields;
      readonly activity: HistoryActivity;
      readonly warnings: readonly HistoryIssue[];
    }
  | {
      readonly ok: false;
      readonly row: number;
      readonly errors: readonly HistoryIssue[];
      readonly warnings: readonly HistoryIssue[];
    };

const MAX_LOST_REASON_CHARS = 2_000;

/**
 * Builds a history lead from a validated draft and the row's history cells. Invariants: never throws; every
 * issue names its row, and its column when about one cell; isHistory is true; createdAt ≤ now; a won amount only
 * on a won lead, a close time only on a won or lost lead, a lost reason only on a lead not won (others are
 * dropped with a warning); dates are read with the column's settled format, never guessed.
 */
export function buildHistoryLead(input: HistoryRowInput, context: HistoryRowContext): HistoryRowResult {
  const errors: HistoryIssue[] = [];
  const warnings: HistoryIssue[] = [];
  const { row, cells } = input;
  const line = input.line ?? null;
  const offset = context.offsetMinutes ?? DEFAULT_OFFSET_MINUTES;

  const cellOf = (role: HistoryRole): string | null => {
    const index = context.columns[role];
    return index === undefined ? null : (cells[index] ?? '');
  };
  const issue = (
    severity: 'error' | 'warning',
    reason: HistoryIssueCode,
    role?: HistoryRole,
    extra: Partial<Pick<HistoryIssue, 'dateReason' | 'message'>> = {},
  ): HistoryIssue => {
    const index = role === undefined ? undefined : context.columns[role];
    const located =
      index === undefined
        ? {}
        : {
            column: context.headers[index] ?? `列${index + 1}`,
            columnIndex: index + 1,
            value: clip(cells[index] ?? ''),
          };
    return {
      severity,
      row,
      line,
      ...located,
      ...(role === undefined ? {} : { role }),
      reason,
      message: HISTORY_ISSUE_MESSAGES[reason],
      ...extra,
    };
  };
  const readDate = (role: DateRole): number | null => {
    const raw = cellOf(role);
    if (raw === null || raw.trim() === '') return null;
    const format = context.dateFormats?.[role] ?? { order: null };
    // A date the column's analysis already read with this format is not parsed again.
    let value = context.parsedDates?.[role]?.get(row);
    if (value === undefined) {
      const parsed = parseDateValue(raw, format, offset);
      if (!parsed.ok) {
        errors.push(
          issue('error', 'invalid_date', role, {
            dateReason: parsed.reason,
            message: `${HISTORY_ISSUE_MESSAGES.invalid_date}: ${DATE_ERROR_MESSAGES[parsed.reason]}`,
          }),
        );
        return null;
      }
      value = parsed.value;
    }
    if (value > context.now) {
      errors.push(issue('error', 'future_date', role));
      return null;
    }
    return value;
  };

  const created = readDate('createdAt');
  let createdAt = created;
  if (createdAt === null && !errors.some((e) => e.role === 'createdAt')) {
    if (context.columns.createdAt === undefined && context.fallbackCreatedAt !== undefined)
      createdAt = context.fallbackCreatedAt;
    else if (context.columns.createdAt === undefined && context.datesUnknown === true)
      createdAt = context.now;
    else errors.push(issue('error', 'missing_created_at', 'createdAt'));
  }
  let closedAt = readDate('closedAt');
  const firstContactAt = readDate('firstContactAt');
  const lastActivityAt = readDate('lastActivityAt');

  let stage: FunnelStage | null = null;
  const outcomeCell = cellOf('outcome');
  if (outcomeCell === null) {
    if (context.defaultStage !== undefined) stage = context.defaultStage;
    else errors.push(issue('error', 'missing_outcome'));
  } else {
    const result = applyOutcomeMapping(outcomeCell, context.outcomes ?? EMPTY_OUTCOMES);
    if (result.ok) stage = result.stage;
    else errors.push(issue('error', 'unmapped_outcome', 'outcome'));
  }

  let ownerId: RepId | null = null;
  const ownerCell = cellOf('owner');
  if (ownerCell !== null) {
    const result = resolveOwner(ownerCell, context.owners ?? EMPTY_OWNERS);
    if (result.ok) ownerId = result.repId;
    else errors.push(issue('error', 'unknown_owner', 'owner'));
  }

  let wonAmountFen: number | null = null;
  const amountCell = cellOf('wonAmount');
  if (amountCell !== null) {
    const amount = parseAmountFen(amountCell, context.wonAmountDecimal ?? 'dot');
    if (amount === 'invalid') errors.push(issue('error', 'invalid_amount', 'wonAmount'));
    else wonAmountFen = amount;
  }

  let lostReason: string | null = null;
  const reasonCell = cellOf('lostReason');
  if (reasonCell !== null) {
    const text = cleanText(stripControlChars(reasonCell));
    if (text.length > MAX_LOST_REASON_CHARS) errors.push(issue('error', 'value_too_long', 'lostReason'));
    else if (text !== '') lostReason = text;
  }

  if (errors.length > 0 || stage === null || createdAt === null) return { ok: false, row, errors, warnings };

  if (wonAmountFen !== null && stage !== 'won') {
    warnings.push(issue('warning', 'amount_not_won', 'wonAmount'));
    wonAmountFen = null;
  }
  const isClosed = stage === 'won' || stage === 'lost';
  if (closedAt !== null && !isClosed) {
    warnings.push(issue('warning', 'closed_at_on_open_lead', 'closedAt'));
    closedAt = null;
  }
  if (closedAt !== null && closedAt < createdAt)
    warnings.push(issue('warning', 'closed_before_created', 'closedAt'));
  if (lostReason !== null && stage === 'won') {
    warnings.push(issue('warning', 'lost_reason_on_won', 'lostReason'));
    lostReason = null;
  }
  const updatedAt = closedAt ?? Math.max(createdAt, firstContactAt ?? createdAt, lastActivityAt ?? createdAt);

  const lead: HistoryLeadFields = {
    ...pickDraft(input.draft),
    isHistory: true,
    stage,
    ownerId,
    createdAt,
    updatedAt,
    wonAmountFen,
    closedAt,
    lostReason,
  };
  const isDateUnknown =
    context.columns.createdAt === undefined &&
    context.fallbackCreatedAt === undefined &&
    context.datesUnknown === true;
  const activity: HistoryActivity = isDateUnknown
    ? { firstContactAt, lastActivityAt, isDateUnknown: true }
    : { firstContactAt, lastActivityAt };
  return { ok: true, row, lead, activity, warnings };
}

const EMPTY_OUTCOMES: OutcomeMapping = new Map();
const EMPTY_OWNERS: OwnerMapping = new Map();

// Copy exactly the draft's fields, so extra properties of a wider object never reach the store.
function pickDraft(d: HistoryDraft): HistoryDraft {
  return {
    name: d.name,
    phone: d.phone,
    email: d.email,
    wechat: d.wechat,
    company: d.company,
    title: d.title,
    industry: d.industry,
    region: d.region,
    companySize: d.companySize,
    product: d.product,
    source: d.source,
    campaign: d.campaign,
    costFen: d.costFen,
    needs: d.needs,
    bant: d.bant,
    customFields: d.customFields,
  };
}

function clip(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

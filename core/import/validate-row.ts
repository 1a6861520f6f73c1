// Turns one row's cells into a lead draft (normalized values) or the list of what is wrong with it, column by column.
import type { LeadDraft } from '../domain/lead';
import { cleanText, collapseSpaces, foldWidth, stripControlChars } from '../domain/normalize/text';
import { formatPhone } from '../domain/normalize/phone';
import { normalizeEmail } from '../domain/normalize/email';
import { normalizePersonName } from '../domain/normalize/name';
import { isLeadField } from './column-mapping';
import { normalizePhoneNumber } from './phone';
import type { DefaultCountry } from './phone';
import { THOUSANDS_COMMAS } from '../domain/history/parse-amount';
import type { DecimalStyle } from '../domain/scoring/column-profile';
import { clipValue, ISSUE_MESSAGES } from './types';
import type { LeadField } from '../domain/lead-fields';
import type { ColumnMapping, RowIssue, RowIssueCode } from './types';

/**
 * The fields of a Lead that an import row provides, normalized. The store adds id, events ([]), stage, owner,
 * score, grade, timestamps and isHistory. `phone` is E.164 with an optional `;ext=NNN`; `company` keeps the
 * original name (width folded), use `companyKey` to match; `bant.budget` is in yuan, `costFen` in fen.
 */
export type { LeadDraft } from '../domain/lead';

export type RowValidation =
  | {
      readonly ok: true;
      readonly row: number;
      readonly draft: LeadDraft;
      readonly warnings: readonly RowIssue[];
    }
  | {
      readonly ok: false;
      readonly row: number;
      readonly errors: readonly RowIssue[];
      readonly warnings: readonly RowIssue[];
    };

export interface ValidateRowContext {
  /** Header texts, so errors can name their column. */
  readonly headers?: readonly string[];
  /** Physical line of the row in a CSV file. */
  readonly line?: number | null;
  /** Columns (0-based) whose money is written with decimal commas (`1.200,50`); see detectDecimalColumns. */
  readonly decimalCommaColumns?: ReadonlySet<number>;
  /** The workspace's country for numbers written without a country code (default `CN`). */
  readonly defaultCountry?: DefaultCountry;
}

const MAX_CHARS: Readonly<Record<LeadField | 'custom', number>> = {
  name: 200,
  firstName: 100,
  lastName: 100,
  phone: 100,
  email: 254,
  wechat: 100,
  company: 300,
  title: 200,
  industry: 200,
  region: 200,
  companySize: 100,
  product: 300,
  source: 200,
  campaign: 300,
  cost: 100,
  budget: 100,
  needs: 10_000,
  custom: 2_000,
};

/**
 * Validates and normalizes one row. Invariants: never throws; a row with no name, no phone and no email is an
 * error (`no_contact`), and so is one with neither a name nor a company (`no_name`: nothing to call the lead by); every error names its row and, when about one cell, its column and field; cell text is never evaluated
 * (a formula-looking `=cmd|…` is kept as plain text).
 */
export function validateRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  rowNumber: number,
  context: ValidateRowContext = {},
): RowValidation {
  const errors: RowIssue[] = [];
  const line = context.line ?? null;
  const headers = context.headers;
  // Column index per lead field (first mapped column wins), -1 when absent or empty.
  const at: Record<LeadField, number> = {
    name: -1,
    firstName: -1,
    lastName: -1,
    phone: -1,
    email: -1,
    wechat: -1,
    company: -1,
    title: -1,
    industry: -1,
    region: -1,
    companySize: -1,
    product: -1,
    source: -1,
    campaign: -1,
    cost: -1,
    budget: -1,
    needs: -1,
  };
  const customFields: Record<string, string> = {};

  for (let columnIndex = 0; columnIndex < mapping.length; columnIndex += 1) {
    const target = mapping[columnIndex];
    const value = cells[columnIndex] ?? '';
    if (target === undefined || target === 'ignore' || isBlank(value)) continue;
    if (isLeadField(target)) {
      if (value.length > MAX_CHARS[target])
        errors.push(cellError('value_too_long', rowNumber, line, headers, mapping, columnIndex, value));
      else if (at[target] === -1) at[target] = columnIndex;
      continue;
    }
    const key = target.slice(CUSTOM_PREFIX_LENGTH);
    const text = stripControlChars(value).trim();
    if (text.length > MAX_CHARS.custom)
      errors.push(cellError('value_too_long', rowNumber, line, headers, mapping, columnIndex, value));
    else if (text !== '' && key !== '') customFields[key] = text;
  }

  const name =
    at.name !== -1
      ? normalizePersonName(cells[at.name] ?? '')
      : joinNameParts(cleanField(cells, at.firstName) ?? '', cleanField(cells, at.lastName) ?? '');

  // What people typed is stored (trimmed, control characters gone); normalized forms live only in match keys.
  let email: string | null = null;
  const rawEmail = at.email === -1 ? '' : (cells[at.email] ?? '');
  if (at.email !== -1 && normalizeEmail(rawEmail).isValid) email = stripControlChars(rawEmail).trim();

  let phone: string | null = null;
  const warnings: RowIssue[] = [];
  if (at.phone !== -1) {
    const raw = cells[at.phone] ?? '';
    const result = normalizePhoneNumber(raw, context.defaultCountry);
    const hasOtherContact = email !== null || (at.wechat !== -1 && !isBlank(cells[at.wechat] ?? ''));
    if (result.isValid) phone = formatPhone(result);
    else if (hasOtherContact) {
      // A number that is not valid in the default country is kept as typed, never guessed into another one; text
      // that is no number at all (`电话待定`) is not stored as a phone.
      const isNumberLike = raw.replace(/\D/g, '').length >= 6;
      phone = isNumberLike ? cleanText(raw) : null;
      const reason = isNumberLike ? 'phone_kept_as_typed' : 'phone_dropped';
      warnings.push({
        ...cellError(reason, rowNumber, line, headers, mapping, at.phone, raw),
        severity: 'warning',
      });
    } else errors.push(cellError('invalid_phone', rowNumber, line, headers, mapping, at.phone, raw));
  }
  if (at.email !== -1 && email === null)
    errors.push(cellError('invalid_email', rowNumber, line, headers, mapping, at.email, rawEmail));

  let costFen = 0;
  if (at.cost !== -1) {
    const raw = cells[at.cost] ?? '';
    const parsed = parseMoneyFen(raw, styleOf(context, at.cost));
    if (parsed === null)
      errors.push(cellError('invalid_cost', rowNumber, line, headers, mapping, at.cost, raw));
    else costFen = parsed;
  }

  let budget: number | undefined;
  if (at.budget !== -1) {
    const raw = cells[at.budget] ?? '';
    const parsed = parseMoneyFen(raw, styleOf(context, at.budget));
    if (parsed === null)
      errors.push(cellError('invalid_budget', rowNumber, line, headers, mapping, at.budget, raw));
    else budget = Math.round(parsed / 100);
  }

  let companySize: number | null = null;
  if (at.companySize !== -1) {
    const raw = cells[at.companySize] ?? '';
    companySize = parseCompanySize(raw);
    if (companySize === null)
      errors.push(cellError('invalid_company_size', rowNumber, line, headers, mapping, at.companySize, raw));
  }

  const company = at.company === -1 ? '' : keepTyped(cells[at.company] ?? '');
  // One rule with the lead form: a lead is called by its name or its company; a row with neither is an error.
  const missing =
    name === '' && at.phone === -1 && at.email === -1
      ? 'no_contact'
      : name === '' && company === ''
        ? 'no_name'
        : null;
  if (missing !== null) {
    errors.push({
      severity: 'error',
      row: rowNumber,
      line,
      reason: missing,
      message: ISSUE_MESSAGES[missing],
    });
  }
  if (errors.length > 0) return { ok: false, row: rowNumber, errors, warnings };

  const needs =
    at.needs === -1
      ? ''
      : stripControlChars(cells[at.needs] ?? '')
          .replace(/\r\n?/g, '\n')
          .trim();
  const wechat = at.wechat === -1 ? '' : cleanText(cells[at.wechat] ?? '').replace(/\s+/g, '');
  const draft: LeadDraft = {
    name,
    phone,
    email,
    wechat: wechat === '' ? null : wechat,
    company: company === '' ? null : company,
    title: cleanField(cells, at.title),
    industry: cleanField(cells, at.industry),
    region: cleanField(cells, at.region),
    companySize,
    product: cleanField(cells, at.product),
    source: cleanField(cells, at.source),
    campaign: cleanField(cells, at.campaign),
    costFen,
    needs: needs === '' ? null : needs,
    bant: budget === undefined ? {} : { budget },
    customFields,
  };
  return { ok: true, row: rowNumber, draft, warnings: warnings.length === 0 ? NO_ISSUES : warnings };
}

const NO_ISSUES: readonly RowIssue[] = Object.freeze([]);

function styleOf(context: ValidateRowContext, columnIndex: number): DecimalStyle {
  return context.decimalCommaColumns?.has(columnIndex) === true ? 'comma' : 'dot';
}
/** A one-line value as typed: control characters gone, white space collapsed; width and case kept (（）, ＡＢＣ). */
function keepTyped(text: string): string {
  return collapseSpaces(stripControlChars(text));
}

const CJK = /[\u3400-\u9FFF\uF900-\uFAFF]/;

/**
 * A name from its given and family parts, in the language's order: 张 + 伟 → 张伟 (family first, no space),
 * Ada + Lovelace → "Ada Lovelace". Either part may be empty.
 */
export function joinNameParts(first: string, last: string): string {
  if (first === '' || last === '') return normalizePersonName(first + last);
  return CJK.test(first) || CJK.test(last)
    ? normalizePersonName(`${last}${first}`)
    : normalizePersonName(`${first} ${last}`);
}
const CUSTOM_PREFIX_LENGTH = 'custom.'.length;

function cellError(
  reason: RowIssueCode,
  row: number,
  line: number | null,
  headers: readonly string[] | undefined,
  mapping: ColumnMapping,
  columnIndex: number,
  value: string,
): RowIssue {
  const target = mapping[columnIndex];
  return {
    severity: 'error',
    row,
    line,
    column: headers?.[columnIndex] ?? `列${columnIndex + 1}`,
    columnIndex: columnIndex + 1,
    ...(target === undefined ? {} : { field: target }),
    reason,
    message: ISSUE_MESSAGES[reason],
    value: clipValue(value),
  };
}

function cleanField(cells: readonly string[], columnIndex: number): string | null {
  if (columnIndex === -1) return null;
  const cleaned = cleanText(cells[columnIndex] ?? '');
  return cleaned === '' ? null : cleaned;
}

function isBlank(value: string): boolean {
  if (value.length === 0) return true;
  const first = value.charCodeAt(0);
  // Fast path: a cell that starts with a visible ASCII or CJK character is not blank.
  if (first > 0x20 && first !== 0x3000 && first !== 0xfeff && first < 0x2000) return false;
  return value.trim() === '';
}

// After width folding, spaces and thousands separators removed: currency, amount, unit, currency again.
const MONEY = /^(?:rmb|cny|人民币|[¥$])?(\d+(?:\.\d+)?|\.\d+)(亿|万|w|千|k)?(?:元|块|rmb|cny)?$/i;
const MONEY_SCALE_DIGITS: Readonly<Record<string, number>> = { 亿: 10, 万: 6, w: 6, W: 6, 千: 5, k: 5, K: 5 };

/**
 * Money text to integer fen: `¥1,200.50` → 120050, `1200` → 120000, `1.2万` → 1200000, `3k元` → 300000.
 * Empty → 0. Negative, non-numeric or beyond Number.MAX_SAFE_INTEGER → null. Rounds half up to the fen.
 */
export function parseMoneyFen(raw: string, decimal: DecimalStyle = 'dot'): number | null {
  if (/^\d{1,13}$/.test(raw)) return Number(raw) * 100;
  let folded = foldWidth(raw);
  // A comma column writes `1.200,50`: its dots and spaces group thousands and its comma is the decimal point.
  if (decimal === 'comma') folded = folded.replace(/[.\s]/g, '').replace(',', '.');
  // In a dot column a comma only groups thousands: `85,5` is not 855.
  else if (folded.includes(',') && !THOUSANDS_COMMAS.test(folded)) return null;
  const text = folded.replace(/[\s,_]/g, '').replace('￥', '¥');
  if (text === '') return 0;
  const match = MONEY.exec(text);
  if (!match) return null;
  const [whole = '0', fraction = ''] = (match[1] ?? '').split('.');
  const scaleDigits = match[2] === undefined ? 2 : (MONEY_SCALE_DIGITS[match[2]] ?? 2);
  // Decimal arithmetic on digits, so `0.1万` is exactly 100000 fen rather than a float's neighbour.
  let fen = Number(`${whole}${fraction.padEnd(scaleDigits, '0').slice(0, scaleDigits)}`);
  if (fraction.length > scaleDigits && Number(fraction[scaleDigits]) >= 5) fen += 1;
  return Number.isSafeInteger(fen) ? fen : null;
}

const SIZE =
  /^(?:约|大约|大概|about|approx\.?|~)?(<|少于|小于|不到|under|lessthan|fewerthan|>=|>|≥|超过|大于|多于|over|morethan)?(\d+(?:\.\d+)?)(万|w|k|千)?(?:(?:-|~|～|—|–|至|到|to)\d+(?:\.\d+)?(?:万|w|k|千)?)?(?:人|名|员工|people|employees|staff|persons?)*(\+|及以上|以上|ormore|以下|以内)?(?:人|名|员工|people|employees|staff|persons?)*$/;
const BELOW = new Set(['<', '少于', '小于', '不到', 'under', 'lessthan', 'fewerthan', '以下', '以内']);

/**
 * Company head count from what people write: `200`, `200人`, `50-100人` (→ 50, the lower bound, so the value falls
 * in the same size bucket), `500+`/`500人以上` (→ 500), `少于50人`/`<50` (→ 49), `1万人` (→ 10000), `2k`. Null when
 * there is no number.
 */
export function parseCompanySize(raw: string): number | null {
  if (/^\d{1,15}$/.test(raw)) return Number(raw);
  const match = SIZE.exec(
    foldWidth(raw)
      .toLowerCase()
      .replace(/[\s,，]/g, ''),
  );
  if (!match || match[2] === undefined) return null;
  const unit = match[3];
  const factor = unit === '万' || unit === 'w' ? 10_000 : unit === 'k' || unit === '千' ? 1_000 : 1;
  const count = Math.round(Number(match[2]) * factor);
  if (!Number.isSafeInteger(count)) return null;
  const below =
    (match[1] !== undefined && BELOW.has(match[1])) || (match[4] !== undefined && BELOW.has(match[4]));
  return below ? Math.max(count - 1, 0) : count;
}

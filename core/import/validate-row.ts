// Turns one row's cells into a lead draft (normalized values) or the list of what is wrong with it, column by column.
import type { Lead } from '../domain/lead';
import {
  cleanText,
  foldWidth,
  formatPhone,
  normalizeCompanyName,
  normalizeEmail,
  normalizePersonName,
  stripControlChars,
} from '../domain/normalize/index';
import { isLeadField } from './column-mapping';
import { normalizePhoneNumber } from './phone';
import { clipValue, ISSUE_MESSAGES } from './types';
import type { ColumnMapping, LeadField, RowIssue, RowIssueCode } from './types';

/**
 * The fields of a Lead that an import row provides, normalized. The store adds id, events ([]), stage, owner,
 * score, grade, timestamps and isHistory. `phone` is E.164 with an optional `;ext=NNN`; `company` keeps the
 * original name (width folded), use `companyKey` to match; `bant.budget` is in yuan, `costFen` in fen.
 */
export type LeadDraft = Pick<
  Lead,
  | 'name'
  | 'phone'
  | 'email'
  | 'wechat'
  | 'company'
  | 'title'
  | 'industry'
  | 'region'
  | 'companySize'
  | 'product'
  | 'source'
  | 'campaign'
  | 'costFen'
  | 'needs'
  | 'bant'
  | 'customFields'
>;

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
}

const MAX_CHARS: Readonly<Record<LeadField | 'custom', number>> = {
  name: 200,
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
 * error; every error names its row and, when about one cell, its column and field; cell text is never evaluated
 * (a formula-looking `=cmd|…` is kept as plain text).
 */
export function validateRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  rowNumber: number,
  context: ValidateRowContext = {},
): RowValidation {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const line = context.line ?? null;
  const fields: Partial<Record<LeadField, { value: string; columnIndex: number }>> = {};
  const customFields: Record<string, string> = {};

  const fail = (reason: RowIssueCode, columnIndex: number, value: string): void => {
    const target = mapping[columnIndex];
    errors.push({
      severity: 'error',
      row: rowNumber,
      line,
      column: context.headers?.[columnIndex] ?? `列${columnIndex + 1}`,
      columnIndex: columnIndex + 1,
      ...(target === undefined ? {} : { field: target }),
      reason,
      message: ISSUE_MESSAGES[reason],
      value: clipValue(value),
    });
  };

  mapping.forEach((target, columnIndex) => {
    const value = cells[columnIndex] ?? '';
    if (target === 'ignore' || value.trim() === '') return;
    if (isLeadField(target)) {
      if (value.length > MAX_CHARS[target]) fail('value_too_long', columnIndex, value);
      else fields[target] = { value, columnIndex };
      return;
    }
    const key = target.slice('custom.'.length);
    const text = stripControlChars(value).trim();
    if (text.length > MAX_CHARS.custom) fail('value_too_long', columnIndex, value);
    else if (text !== '' && key !== '') customFields[key] = text;
  });

  const name = fields.name ? normalizePersonName(fields.name.value) : '';

  let phone: string | null = null;
  if (fields.phone) {
    const result = normalizePhoneNumber(fields.phone.value);
    if (result.isValid) phone = formatPhone(result);
    else fail('invalid_phone', fields.phone.columnIndex, fields.phone.value);
  }

  let email: string | null = null;
  if (fields.email) {
    const result = normalizeEmail(fields.email.value);
    if (result.isValid) email = result.normalized;
    else fail('invalid_email', fields.email.columnIndex, fields.email.value);
  }

  let costFen = 0;
  if (fields.cost) {
    const parsed = parseMoneyFen(fields.cost.value);
    if (parsed === null) fail('invalid_cost', fields.cost.columnIndex, fields.cost.value);
    else costFen = parsed;
  }

  let budget: number | undefined;
  if (fields.budget) {
    const parsed = parseMoneyFen(fields.budget.value);
    if (parsed === null) fail('invalid_budget', fields.budget.columnIndex, fields.budget.value);
    else budget = Math.round(parsed / 100);
  }

  let companySize: number | null = null;
  if (fields.companySize) {
    companySize = parseCompanySize(fields.companySize.value);
    if (companySize === null)
      fail('invalid_company_size', fields.companySize.columnIndex, fields.companySize.value);
  }

  const hasContact = name !== '' || fields.phone !== undefined || fields.email !== undefined;
  if (!hasContact) {
    errors.push({
      severity: 'error',
      row: rowNumber,
      line,
      reason: 'no_contact',
      message: ISSUE_MESSAGES.no_contact,
    });
  }
  if (errors.length > 0) return { ok: false, row: rowNumber, errors, warnings };

  const text = (field: LeadField): string | null => {
    const found = fields[field];
    if (!found) return null;
    const cleaned = cleanText(found.value);
    return cleaned === '' ? null : cleaned;
  };
  const company = fields.company ? normalizeCompanyName(fields.company.value) : '';
  const needs = fields.needs ? stripControlChars(fields.needs.value).replace(/\r\n?/g, '\n').trim() : '';
  const draft: LeadDraft = {
    name,
    phone,
    email,
    wechat: fields.wechat ? cleanText(fields.wechat.value).replace(/\s+/g, '') || null : null,
    company: company === '' ? null : company,
    title: text('title'),
    industry: text('industry'),
    region: text('region'),
    companySize,
    product: text('product'),
    source: text('source'),
    campaign: text('campaign'),
    costFen,
    needs: needs === '' ? null : needs,
    bant: budget === undefined ? {} : { budget },
    customFields,
  };
  return { ok: true, row: rowNumber, draft, warnings };
}

const CURRENCY_PREFIX = /^(?:rmb|cny|人民币|[¥￥$])/i;
const CURRENCY_SUFFIX = /(?:元|块|rmb|cny)$/i;
const MULTIPLIERS: readonly (readonly [RegExp, number])[] = [
  [/亿$/, 100_000_000],
  [/(?:万|w)$/i, 10_000],
  [/(?:千|k)$/i, 1_000],
];

/**
 * Money text to integer fen: `¥1,200.50` → 120050, `1200` → 120000, `1.2万` → 1200000, `3k元` → 300000.
 * Empty → 0. Negative, non-numeric or beyond Number.MAX_SAFE_INTEGER → null. Rounds half away from zero to the fen.
 */
export function parseMoneyFen(raw: string): number | null {
  let text = foldWidth(raw).replace(/[\s,，_]/g, '');
  if (text === '') return 0;
  text = text.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
  let multiplier = 1;
  for (const [pattern, factor] of MULTIPLIERS) {
    if (pattern.test(text)) {
      multiplier = factor;
      text = text.replace(pattern, '');
      break;
    }
  }
  text = text.replace(CURRENCY_SUFFIX, '').replace(CURRENCY_PREFIX, '');
  if (!/^\d+(?:\.\d+)?$|^\.\d+$/.test(text)) return null;
  const [whole = '0', fraction = ''] = text.split('.');
  // Decimal arithmetic on digits, so `0.1万` is exactly 100000 fen rather than a float's neighbour.
  const scaleDigits = Math.round(Math.log10(multiplier * 100));
  const digits = `${whole}${fraction.padEnd(scaleDigits, '0').slice(0, scaleDigits)}`;
  const rest = fraction.slice(scaleDigits);
  let fen = Number(digits);
  if (rest !== '' && Number(rest[0]) >= 5) fen += 1;
  return Number.isSafeInteger(fen) ? fen : null;
}

/**
 * Company head count from what people write: `200`, `200人`, `50-100人` (→ 50, the lower bound, so the value falls
 * in the same size bucket), `500+`/`500人以上` (→ 500), `少于50人`/`<50` (→ 49), `1万人` (→ 10000), `2k`. Null when
 * there is no number.
 */
export function parseCompanySize(raw: string): number | null {
  let text = foldWidth(raw)
    .toLowerCase()
    .replace(/[\s,，]/g, '')
    .replace(/^(?:约|大约|大概|about|approx\.?|~)/, '')
    .replace(/(?:人|名|员工|people|employees|staff|persons?)/g, '');
  let below = false;
  if (/^(?:<|少于|小于|不到|under|lessthan|fewerthan)/.test(text) || /(?:以下|以内)$/.test(text)) {
    below = true;
    text = text.replace(/^(?:<|少于|小于|不到|under|lessthan|fewerthan)/, '').replace(/(?:以下|以内)$/, '');
  }
  text = text
    .replace(/^(?:>|≥|>=|超过|大于|多于|over|morethan)/, '')
    .replace(/(?:\+|及以上|以上|ormore)$/, '');
  const lower = /^(\d+(?:\.\d+)?)(万|w|k|千)?(?:(?:-|~|～|—|–|至|到|to)\d+(?:\.\d+)?(?:万|w|k|千)?)?$/.exec(
    text,
  );
  if (!lower || lower[1] === undefined) return null;
  const unit = lower[2];
  const factor = unit === '万' || unit === 'w' ? 10_000 : unit === 'k' || unit === '千' ? 1_000 : 1;
  const count = Math.round(Number(lower[1]) * factor);
  if (!Number.isSafeInteger(count)) return null;
  return below ? Math.max(count - 1, 0) : count;
}

// Whether a column's sampled values look the part of a lead field: emails, phones, money, head counts, dates.
import { looksLikeDate, readBoolean } from '../domain/scoring/column-profile';
import { normalizeEmail } from '../domain/normalize/email';
import type { LeadField } from '../domain/lead-fields';
import { parseCompanySize, parseMoneyFen } from './validate-row';

/** What the sampled, non-blank cells of one column look like, as shares of those cells. */
export interface ColumnContent {
  readonly filled: number;
  readonly distinct: number;
  readonly emailShare: number;
  readonly phoneShare: number;
  readonly dateShare: number;
  readonly moneyShare: number;
  readonly countShare: number;
  /** Two or fewer distinct values, all yes/no words (0/1 included). */
  readonly isBoolean: boolean;
}

/** A share of sampled values a column needs to be taken for a typed field (email, phone, money, date). */
export const MIN_CONTENT_SHARE = 0.8;
/**
 * The share a column whose whole header names the field (邮箱, Email) needs: its header is strong evidence, so
 * a few bad cells (errors the report names by row) do not turn it into a custom field; yes/no columns still never fit.
 */
export const MIN_EXACT_HEADER_SHARE = 0.6;

// Digits with the punctuation phone numbers are written with; 6 to 20 digits; an optional extension.
const PHONE_SHAPE =
  /^[+＋]?[\d\s\-().\uFF08\uFF09\uFF0D\u3000０-９]{6,30}(?:\s*(?:ext|x|转|分机)\.?\s*\d{1,6})?$/i;

function looksLikePhone(value: string): boolean {
  if (!PHONE_SHAPE.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 20;
}

/** Profiles the sampled cells of one column (blank cells are left out of every share). */
export function sniffColumn(values: readonly string[]): ColumnContent {
  let filled = 0;
  let email = 0;
  let phone = 0;
  let date = 0;
  let money = 0;
  let count = 0;
  let booleans = 0;
  const distinct = new Set<string>();
  for (const raw of values) {
    const value = raw.trim();
    if (value === '') continue;
    filled += 1;
    distinct.add(value.toLowerCase());
    if (readBoolean(value) !== null) booleans += 1;
    if (value.includes('@') && normalizeEmail(value).isValid) email += 1;
    if (looksLikePhone(value)) phone += 1;
    if (looksLikeDate(value)) date += 1;
    // Either decimal style: `85,5` is money in a decimal-comma file.
    if (parseMoneyFen(value) !== null || parseMoneyFen(value, 'comma') !== null) money += 1;
    if (parseCompanySize(value) !== null) count += 1;
  }
  const share = (n: number) => (filled === 0 ? 0 : n / filled);
  return {
    filled,
    distinct: distinct.size,
    emailShare: share(email),
    phoneShare: share(phone),
    dateShare: share(date),
    moneyShare: share(money),
    countShare: share(count),
    isBoolean: filled > 0 && booleans === filled && distinct.size <= 2,
  };
}

/**
 * Whether a column with this content may hold the field. Email, phone, cost, budget and company size need
 * `minShare` (default MIN_CONTENT_SHARE) of the sampled values to parse as such; a yes/no column is never any
 * lead field; text fields refuse columns that are mostly emails, phones or dates. A column with no sampled value fits by header alone.
 */
export function contentFits(
  field: LeadField,
  content: ColumnContent,
  minShare: number = MIN_CONTENT_SHARE,
): boolean {
  if (content.filled === 0) return true;
  if (content.isBoolean) return false;
  switch (field) {
    case 'email':
      return content.emailShare >= minShare;
    case 'phone':
      return content.phoneShare >= minShare && content.dateShare < MIN_CONTENT_SHARE;
    case 'cost':
    case 'budget':
      return content.moneyShare >= minShare && content.dateShare < MIN_CONTENT_SHARE;
    case 'companySize':
      return content.countShare >= minShare && content.dateShare < MIN_CONTENT_SHARE;
    case 'needs':
      return true;
    default:
      return (
        content.emailShare < MIN_CONTENT_SHARE &&
        content.phoneShare < MIN_CONTENT_SHARE &&
        content.dateShare < MIN_CONTENT_SHARE
      );
  }
}

// Guesses which lead field each column holds from its header and, when rows are sampled, from its values.
import type { ColumnContent } from './column-content';
import { contentFits, MIN_CONTENT_SHARE, MIN_EXACT_HEADER_SHARE, sniffColumn } from './column-content';
import {
  EXACT_HEADERS,
  foldHeader,
  HEADER_NEEDLES,
  isExternalId,
  isNotAField,
  SYSTEM_COLUMNS,
} from './header-dictionary';
import { LEAD_FIELDS, type LeadField } from '../domain/lead-fields';
import type { ColumnTarget } from './types';

export { foldHeader } from './header-dictionary';

interface Candidate {
  readonly column: number;
  readonly field: LeadField;
  /** 2 for a whole-header match, else 1. */
  readonly rank: number;
  readonly specificity: number;
  /** Sampled cells filled, when rows were sampled: the fuller column wins a tie. */
  readonly filled: number;
}

function candidateOf(header: string, column: number, content: ColumnContent | null): Candidate | null {
  const folded = foldHeader(header);
  if (folded === '' || isNotAField(folded)) return null;
  const filled = content?.filled ?? 0;
  const exact = EXACT_HEADERS[folded];
  if (exact !== undefined) return { column, field: exact, rank: 2, specificity: 9, filled };
  for (const [field, needles] of HEADER_NEEDLES) {
    let specificity = -1;
    for (const [needle, value] of Object.entries(needles)) {
      if (folded.includes(needle)) specificity = Math.max(specificity, value);
    }
    if (specificity >= 0) return { column, field, rank: 1, specificity, filled };
  }
  return null;
}

/**
 * One target per column. System columns of our own export (阶段, 评分…) and external ids (`id`, `Record ID`,
 * `company_id/id`) are ignored; a consent flag (`Do Not Email`) or a country never becomes a lead field. With
 * `sampleRows` (the first rows of the file, cells by column), a column must also look the part (contentFits:
 * ≥ 80% emails for email, phones for phone, amounts for money — ≥ 60% when the whole header names the field;
 * never a yes/no column). When several columns fit a
 * field, the best wins — whole-header match, then the more specific word (city over address), then the fuller
 * column, then the first — and the rest become custom fields, each kept apart: a header repeated exactly, or by
 * case, gets its own `custom.<header> (n)`. Deterministic; never maps two columns to one field.
 */
export function guessColumnMapping(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[] = [],
): ColumnTarget[] {
  const hasSamples = sampleRows.length > 0;
  const out: (ColumnTarget | null)[] = headers.map(() => null);
  const candidates: Candidate[] = [];
  headers.forEach((header, column) => {
    if (SYSTEM_COLUMNS.has(foldHeader(header)) || (isExternalId(header) && !isWechat(header))) {
      out[column] = 'ignore';
      return;
    }
    const content = hasSamples ? sniffColumn(sampleRows.map((row) => row[column] ?? '')) : null;
    const candidate = candidateOf(header, column, content);
    const minShare = candidate?.rank === 2 ? MIN_EXACT_HEADER_SHARE : MIN_CONTENT_SHARE;
    if (candidate !== null && (content === null || contentFits(candidate.field, content, minShare))) {
      candidates.push(candidate);
    }
  });
  candidates.sort(
    (a, b) => b.rank - a.rank || b.specificity - a.specificity || b.filled - a.filled || a.column - b.column,
  );
  const taken = new Set<LeadField>();
  for (const c of candidates) {
    if (taken.has(c.field)) continue;
    taken.add(c.field);
    out[c.column] = c.field;
  }
  const usedKeys = new Set<string>();
  return out.map((target, column) => {
    if (target !== null) return target;
    const header = headers[column] ?? '';
    let key = header.trim();
    for (let n = 2; usedKeys.has(key.toLowerCase()); n += 1) key = `${header.trim()} (${n})`;
    usedKeys.add(key.toLowerCase());
    return customTarget(key);
  });
}

function isWechat(header: string): boolean {
  return /wechat|weixin|微信/i.test(header);
}

/** The custom-field target of a header. */
export function customTarget(header: string): ColumnTarget {
  return `custom.${header.trim()}`;
}

/** Whether a column target is one of the lead's own fields (not custom, not ignored). */
export function isLeadField(target: ColumnTarget): target is LeadField {
  return LEAD_FIELD_SET.has(target);
}

const LEAD_FIELD_SET: ReadonlySet<string> = new Set(LEAD_FIELDS);

// How each money column of an upload writes decimals (`1.200,50` or `1,200.50`), settled from the sampled rows
// and the team lead's answers; an undecided column is a question that blocks the commit, as a date order is.
import { detectDecimalStyle, type DecimalStyle } from '../../domain/scoring/column-profile';
import type { ColumnTarget } from '../../import/types';

/** The lead fields read as money (the history's won amount is added by its column). */
const MONEY_FIELDS: ReadonlySet<string> = new Set(['cost', 'budget']);

export interface NumberColumnReport {
  readonly columnIndex: number;
  readonly column: string;
  /** `cost`, `budget` or `wonAmount`. */
  readonly field: string;
  /** The style rows are read with: the answer when given, else the sample's. */
  readonly style: DecimalStyle;
  /** The sample alone does not decide (only `1,200`-like values, or both styles) and no answer was given. */
  readonly isQuestion: boolean;
  /** Up to five distinct sampled values, as written. */
  readonly examples: readonly string[];
}

/**
 * One report per money column (cost, budget, and the history's won amount column when given), in column order.
 * `answers` is keyed by the 0-based column index as a string.
 */
export function settleNumberColumns(
  headers: readonly string[],
  mapping: readonly ColumnTarget[],
  sampleCells: readonly (readonly string[])[],
  answers: Readonly<Record<string, DecimalStyle>>,
  wonAmountColumn: number | undefined,
): NumberColumnReport[] {
  const reports: NumberColumnReport[] = [];
  mapping.forEach((target, columnIndex) => {
    const field = columnIndex === wonAmountColumn ? 'wonAmount' : MONEY_FIELDS.has(target) ? target : null;
    if (field === null) return;
    const values = sampleCells.map((row) => row[columnIndex] ?? '').filter((v) => v.trim() !== '');
    const detected = detectDecimalStyle(values);
    const answer = answers[String(columnIndex)];
    reports.push({
      columnIndex,
      column: headers[columnIndex] ?? '',
      field,
      style: answer ?? detected.style,
      isQuestion: answer === undefined && detected.isAmbiguous,
      examples: [...new Set(values)].slice(0, 5),
    });
  });
  return reports;
}

/** The columns whose money is read with decimal commas. */
export function commaColumnsOf(reports: readonly NumberColumnReport[]): ReadonlySet<number> {
  return new Set(reports.filter((r) => r.style === 'comma').map((r) => r.columnIndex));
}

// Per column, whether money is written with decimal commas (`1.200,50`, `85,5`) or decimal points (`1,200.50`).
import { detectDecimalStyle } from '../domain/scoring/column-profile';
import type { ColumnMapping } from './types';

/** The money fields read per column's decimal style. */
const MONEY_FIELDS: ReadonlySet<string> = new Set(['cost', 'budget']);

export interface DecimalColumns {
  /** Columns (0-based) whose sampled money is written with decimal commas. */
  readonly comma: ReadonlySet<number>;
  /**
   * Columns whose samples do not decide (only `1,200`-like values, or both styles): the wizard asks with these
   * examples, as it does for the day/month order of dates. Until answered they are read with decimal points.
   */
  readonly ambiguous: readonly { readonly columnIndex: number; readonly examples: readonly string[] }[];
}

/** Decides the decimal style of each money column from the sampled rows (cells by column). */
export function detectDecimalColumns(
  mapping: ColumnMapping,
  sampleRows: readonly (readonly string[])[],
): DecimalColumns {
  const comma = new Set<number>();
  const ambiguous: { columnIndex: number; examples: string[] }[] = [];
  mapping.forEach((target, columnIndex) => {
    if (!MONEY_FIELDS.has(target)) return;
    const values = sampleRows.map((row) => row[columnIndex] ?? '').filter((v) => v.trim() !== '');
    const { style, isAmbiguous } = detectDecimalStyle(values);
    if (style === 'comma') comma.add(columnIndex);
    if (isAmbiguous) ambiguous.push({ columnIndex, examples: [...new Set(values)].slice(0, 5) });
  });
  return { comma, ambiguous };
}

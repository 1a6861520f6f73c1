// How well one history column alone tells won from lost: a single-column AUC from grouped won/lost counts.
import { detectDecimalStyle, parseNumberCell } from '../scoring/column-profile';

/** Rows that share a score: how many were won and lost. */
export interface ScoredGroup {
  readonly score: number;
  readonly won: number;
  readonly lost: number;
}

/**
 * AUC of ranking rows by their group's score (ties count half), from counts alone — O(groups log groups),
 * whatever the number of rows. Null when a class is absent.
 */
export function groupedAuc(groups: readonly ScoredGroup[]): number | null {
  const sorted = [...groups].sort((a, b) => a.score - b.score);
  let won = 0;
  let lost = 0;
  for (const g of sorted) {
    won += g.won;
    lost += g.lost;
  }
  if (won === 0 || lost === 0) return null;
  let lostBelow = 0;
  let pairs = 0;
  for (let i = 0; i < sorted.length;) {
    let tiedWon = 0;
    let tiedLost = 0;
    const score = sorted[i]?.score;
    while (i < sorted.length && sorted[i]?.score === score) {
      tiedWon += sorted[i]?.won ?? 0;
      tiedLost += sorted[i]?.lost ?? 0;
      i += 1;
    }
    pairs += tiedWon * lostBelow + 0.5 * tiedWon * tiedLost;
    lostBelow += tiedLost;
  }
  return pairs / (won * lost);
}

/** One distinct cell of a column (as written) with its won and lost rows. */
export interface CellTally {
  readonly cell: string;
  readonly key: string;
  readonly won: number;
  readonly lost: number;
}

/**
 * How well the column's filled cells alone separate won from lost, as max(AUC, 1 − AUC) in [0.5, 1], or null
 * when there is nothing to judge. A column whose filled rows are ≥ 90% numbers (in its decimal style) ranks by
 * value; any other ranks by each value's won rate, values with fewer than `minSupport` rows pooled into one group
 * (so an id-like column, every value once, separates nothing).
 */
export function separationOf(tallies: readonly CellTally[], minSupport: number): number | null {
  const filled = tallies.filter((t) => t.key !== '');
  let rows = 0;
  for (const t of filled) rows += t.won + t.lost;
  if (rows === 0) return null;
  const { style } = detectDecimalStyle(filled.map((t) => t.cell));
  const numeric: ScoredGroup[] = [];
  let numericRows = 0;
  for (const t of filled) {
    const x = parseNumberCell(t.cell, style);
    if (x === null) continue;
    numeric.push({ score: x, won: t.won, lost: t.lost });
    numericRows += t.won + t.lost;
  }
  let groups: ScoredGroup[];
  if (numericRows >= rows * 0.9 && numeric.length >= 3) groups = numeric;
  else {
    const byKey = new Map<string, { won: number; lost: number }>();
    for (const t of filled) {
      const g = byKey.get(t.key);
      if (g) {
        g.won += t.won;
        g.lost += t.lost;
      } else byKey.set(t.key, { won: t.won, lost: t.lost });
    }
    const pooled = { won: 0, lost: 0 };
    groups = [];
    for (const g of byKey.values()) {
      if (g.won + g.lost >= minSupport) groups.push({ score: g.won / (g.won + g.lost), ...g });
      else {
        pooled.won += g.won;
        pooled.lost += g.lost;
      }
    }
    const n = pooled.won + pooled.lost;
    if (n > 0) groups.push({ score: pooled.won / n, ...pooled });
  }
  const auc = groupedAuc(groups);
  return auc === null ? null : Math.max(auc, 1 - auc);
}

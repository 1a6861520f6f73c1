// The learned model read out per column ("more time on the website → more likely to win"), never per exact value.

/** The part of a learned feature a column readout needs. */
export interface FeatureWeight {
  readonly name: string;
  readonly field: string;
  readonly coefficient: number;
  readonly support: number;
  readonly probe?: string | number;
}

export interface ColumnFactor {
  /** The lead field (`industry`, `custom.Total Time Spent`, `events.visit`…). */
  readonly field: string;
  /**
   * `number`: one scaled feature (coefficient per interquartile step, or per unit for built-in counts);
   * `category`: one-hots (and `other`/missing), read as the spread between the best and the worst value.
   */
  readonly kind: 'number' | 'category';
  /** For numbers: more of it raises or lowers the odds. For categories: `mixed` unless every value leans one way. */
  readonly direction: 'raises' | 'lowers' | 'mixed';
  /** Log-odds between the column's most and least favourable reading (≥ 0): how much the column matters. */
  readonly strength: number;
  /** For categories: the value that raises the odds most / lowers them most (`other`, `(missing)` included). */
  readonly best?: string;
  readonly worst?: string;
  /** Training leads with any of the column's features. */
  readonly support: number;
}

function valueOf(f: FeatureWeight): string {
  if (f.probe !== undefined) return String(f.probe);
  if (f.name.endsWith(':missing')) return '(missing)';
  if (f.name.endsWith(':other')) return '(other)';
  const eq = f.name.indexOf('=');
  return eq >= 0 ? f.name.slice(eq + 1) : f.name;
}

/** A feature that measures an amount (not a presence): no `=`, not a missing/other/bin indicator. */
function isAmount(f: FeatureWeight): boolean {
  return !f.name.includes('=') && !/:(missing|other|bin\d+)$/.test(f.name) && f.name !== 'has_needs';
}

/**
 * One factor per field, strongest first (ties by field). A field with an amount feature is a number (its missing
 * indicator and bins do not change that); otherwise its features are values of a category, compared with the
 * leads that had none of them (log-odds 0).
 */
export function readColumnFactors(features: readonly FeatureWeight[]): ColumnFactor[] {
  const byField = new Map<string, FeatureWeight[]>();
  for (const f of features) {
    const group = byField.get(f.field);
    if (group) group.push(f);
    else byField.set(f.field, [f]);
  }
  const out: ColumnFactor[] = [];
  for (const [field, group] of byField) {
    const support = Math.max(...group.map((f) => f.support));
    const amount = group.find(isAmount);
    if (amount !== undefined) {
      out.push({
        field,
        kind: 'number',
        direction: amount.coefficient >= 0 ? 'raises' : 'lowers',
        strength: Math.abs(amount.coefficient),
        support,
      });
      continue;
    }
    const sorted = [...group].sort(
      (a, b) => b.coefficient - a.coefficient || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    const top = sorted[0];
    const bottom = sorted[sorted.length - 1];
    if (top === undefined || bottom === undefined) continue;
    const high = Math.max(0, top.coefficient);
    const low = Math.min(0, bottom.coefficient);
    out.push({
      field,
      kind: 'category',
      direction: bottom.coefficient >= 0 ? 'raises' : top.coefficient <= 0 ? 'lowers' : 'mixed',
      strength: high - low,
      best: valueOf(top),
      worst: valueOf(bottom),
      support,
    });
  }
  return out.sort((a, b) => b.strength - a.strength || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

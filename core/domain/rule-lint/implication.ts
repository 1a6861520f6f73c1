// When one rule condition can never hold without another also holding: the basis of "this rule is shadowed".
import type { Condition } from '../distribution/condition-types';
import type { DistributionRule } from '../distribution/types';

function fold(value: string | number): string {
  return typeof value === 'number' ? String(value) : value.trim().toLowerCase();
}

function asNumber(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value.trim() === '') return null;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : null;
}

/** The folded values a positive equals/in condition allows, or null when it is not one of those. */
function allowedValues(c: Condition): string[] | null {
  if (c.negate === true) return null;
  if (c.op === 'equals') return [fold(c.value)];
  if (c.op === 'in') return c.values.map(fold);
  return null;
}

function isCyclic(c: Condition): boolean {
  return c.field === 'arrival.hour' || c.field === 'arrival.weekday';
}

function rangeBounds(c: Condition): { min: number; max: number } | null {
  if (c.op !== 'range' || c.negate === true) return null;
  const min = c.min ?? -Infinity;
  const max = c.max ?? Infinity;
  if (min > max && isCyclic(c)) return null;
  return { min, max };
}

function sameCondition(a: Condition, b: Condition): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * True when every lead passing `narrow` also passes `wide` (both on the same field). Conservative: false means
 * "not proven", never "proven not".
 */
export function conditionImplies(narrow: Condition, wide: Condition): boolean {
  if (narrow.field !== wide.field) return false;
  if (sameCondition(narrow, wide)) return true;
  const narrowValues = allowedValues(narrow);
  const narrowRange = rangeBounds(narrow);
  // Any positive test but `exists` negated needs a value, so it implies `exists`.
  if (wide.op === 'exists') return wide.negate !== true && narrow.negate !== true && narrow.op !== 'exists';
  if (wide.negate === true) {
    // not-in W: implied by a positive value list that avoids W.
    const excluded = allowedValues({ ...wide, negate: false });
    return narrowValues !== null && excluded !== null && narrowValues.every((v) => !excluded.includes(v));
  }
  switch (wide.op) {
    case 'equals':
    case 'in': {
      const allowed = allowedValues(wide) ?? [];
      if (narrowValues !== null) return narrowValues.every((v) => allowed.includes(v));
      return false;
    }
    case 'contains': {
      const part = wide.value.trim().toLowerCase();
      if (narrowValues !== null) return narrowValues.every((v) => v.includes(part));
      if (narrow.op === 'contains' && narrow.negate !== true)
        return narrow.value.trim().toLowerCase().includes(part);
      return false;
    }
    case 'range': {
      const bounds = rangeBounds(wide);
      if (bounds === null) return false;
      if (narrowRange !== null) return narrowRange.min >= bounds.min && narrowRange.max <= bounds.max;
      if (narrowValues !== null && narrow.op !== 'exists') {
        const raw = narrow.op === 'equals' ? [narrow.value] : narrow.op === 'in' ? narrow.values : [];
        return raw.every((v) => {
          const n = asNumber(v);
          return n !== null && n >= bounds.min && n <= bounds.max;
        });
      }
      return false;
    }
    default:
      return false;
  }
}

/** An existing-customer step lets unmatched leads pass on; it neither hides nor is hidden. */
export function isDestinationRule(rule: DistributionRule): boolean {
  return rule.enabled && rule.method !== 'existing-customer';
}

/**
 * True when every lead matching `later` also matches `earlier` (so `later` can never be reached): each of
 * `earlier`'s conditions is implied by one of `later`'s. An earlier rule without conditions hides everything.
 */
export function ruleShadows(earlier: DistributionRule, later: DistributionRule): boolean {
  if (!isDestinationRule(earlier) || !isDestinationRule(later)) return false;
  return earlier.conditions.every((wide) =>
    later.conditions.some((narrow) => conditionImplies(narrow, wide)),
  );
}

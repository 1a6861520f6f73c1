// Which pool a lead belongs to: the first pool (by position) whose entry rules all hold; the default pool takes
// the rest.
import type { PoolConfig, PoolEntryRules, PoolLeadFacts } from './types';

function holds(list: readonly string[], value: string | null): boolean {
  return list.length === 0 || (value !== null && list.includes(value));
}

/** True when every non-empty list of the rules contains the lead's value. */
export function matchesEntry(rules: PoolEntryRules, lead: PoolLeadFacts): boolean {
  return (
    holds(rules.regions, lead.region) &&
    holds(rules.industries, lead.industry) &&
    holds(rules.grades, lead.grade ?? 'ungraded') &&
    holds(rules.sources, lead.source)
  );
}

/** Pools in the order a lead tries them: non-default by position then id, the default last. */
export function orderPools<P extends Pick<PoolConfig, 'id' | 'isDefault' | 'position'>>(
  pools: readonly P[],
): P[] {
  return [...pools].sort(
    (a, b) =>
      Number(a.isDefault) - Number(b.isDefault) ||
      a.position - b.position ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The pool of a lead: the first of `ordered` (as `orderPools` sorts them) whose entry rules hold, the default
 * pool matching anything. Null only when there is no default pool and nothing matches.
 */
export function poolOfLead<P extends Pick<PoolConfig, 'isDefault' | 'entry'>>(
  ordered: readonly P[],
  lead: PoolLeadFacts,
): P | null {
  for (const pool of ordered) if (pool.isDefault || matchesEntry(pool.entry, lead)) return pool;
  return null;
}

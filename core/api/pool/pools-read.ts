// The pools in force, read and validated once per call, and the pool of a lead by the entry rules.
import type { Database } from 'better-sqlite3';
import { orderPools, poolOfLead } from '../../domain/pool/match';
import { defaultPoolConfig, type PoolConfig, type PoolLeadFacts } from '../../domain/pool/types';
import { listPoolRows } from '../../store/pools';
import { storedPoolConfigSchema, toPoolConfig } from './schemas';

/**
 * Live pools in the order a lead tries them (the default last). A stored config that no longer validates reads
 * as the default pool's settings under its own id and name, so a bad row never opens contact data it masked.
 */
export function readPools(db: Database): PoolConfig[] {
  const fallback = defaultPoolConfig();
  const pools = listPoolRows(db).map((row) => {
    const parsed = storedPoolConfigSchema.safeParse(row.config);
    const { id: _id, name: _name, position: _position, isDefault: _isDefault, ...settings } = fallback;
    return toPoolConfig({
      ...row,
      settings: parsed.success ? parsed.data : { ...settings, isOpenToAll: false },
    });
  });
  if (!pools.some((pool) => pool.isDefault)) pools.push(fallback);
  return orderPools(pools);
}

/** The pool of a lead; there is always a default pool, so always one. */
export function poolOf(pools: readonly PoolConfig[], lead: PoolLeadFacts): PoolConfig {
  return poolOfLead(pools, lead) ?? pools[pools.length - 1] ?? defaultPoolConfig();
}

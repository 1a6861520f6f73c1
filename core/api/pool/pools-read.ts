// The pools in force, read and validated once per call, and the pool of a lead by the entry rules.
import type { Database } from 'better-sqlite3';
import { orderPools, poolOfLead } from '../../domain/pool/match';
import { defaultPoolConfig, type PoolConfig, type PoolLeadFacts } from '../../domain/pool/types';
import { listPoolRows } from '../../store/pools';
import { storedPoolConfigSchema, toPoolConfig } from './schemas';

type StoredSettings = Omit<PoolConfig, 'id' | 'name' | 'position' | 'isDefault'>;

/** Parsed configs by their stored text: validating one costs more than the rest of a claim (measured). */
const parsedByText = new Map<string, StoredSettings>();

function settingsOf(configJson: string): StoredSettings {
  const cached = parsedByText.get(configJson);
  if (cached) return cached;
  const {
    id: _id,
    name: _name,
    position: _position,
    isDefault: _isDefault,
    ...fallback
  } = defaultPoolConfig();
  let settings: StoredSettings = { ...fallback, isOpenToAll: false };
  try {
    const parsed = storedPoolConfigSchema.safeParse(JSON.parse(configJson));
    if (parsed.success) settings = parsed.data;
  } catch {
    // Not JSON: read as the fallback below.
  }
  if (parsedByText.size > 200) parsedByText.clear();
  parsedByText.set(configJson, settings);
  return settings;
}

/**
 * Live pools in the order a lead tries them (the default last). A stored config that no longer validates reads
 * as the default pool's settings closed to all but its admins, so a bad row never opens contact data it masked.
 */
export function readPools(db: Database): PoolConfig[] {
  const pools = listPoolRows(db).map((row) => toPoolConfig({ ...row, settings: settingsOf(row.configJson) }));
  if (!pools.some((pool) => pool.isDefault)) pools.push(defaultPoolConfig());
  return orderPools(pools);
}

/** The pool of a lead; there is always a default pool, so always one. */
export function poolOf(pools: readonly PoolConfig[], lead: PoolLeadFacts): PoolConfig {
  return poolOfLead(pools, lead) ?? pools[pools.length - 1] ?? defaultPoolConfig();
}

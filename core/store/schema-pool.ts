// Row shapes of the public pools: pools, claims, protection locks and recycles (part of schema.ts's Schema).
import type { Generated } from 'kysely';

export interface PoolClaimsTable {
  id: string;
  lead_id: string;
  rep_id: string;
  /** Schema version 12; older claims belong to the default pool. */
  pool_id: Generated<string>;
  at: number;
}

/** Schema version 12: the public pools; config_json is validated by the API on read. */
export interface PoolsTable {
  id: string;
  name: string;
  position: number;
  is_default: number;
  config_json: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** Schema version 12: protection locks against recycling. */
export interface LeadLocksTable {
  id: string;
  lead_id: string;
  rep_id: string;
  pool_id: string;
  locked_at: number;
  expires_at: number;
  released_at: number | null;
  changed_by: string;
}

export interface LeadRecyclesTable {
  id: string;
  lead_id: string;
  from_rep_id: string;
  reason: string;
  at: number;
}

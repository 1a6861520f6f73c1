// Row shapes of the "working the leads" tables (schema version 6) and a query builder that knows them.
import { qb } from './sql';

export type StageHistoryTable = {
  id: string;
  lead_id: string;
  from_stage: string;
  to_stage: string;
  actor: string;
  note: string | null;
  at: number;
};

export type SlaActionsTable = {
  lead_id: string;
  kind: string;
  trigger: string;
  clock_start: number;
  rep_id: string | null;
  due_at: number;
  applied_at: number;
};

export type NotificationsTable = {
  id: string;
  /** 'lead' for the team lead, else a rep id. */
  recipient: string;
  kind: string;
  lead_id: string | null;
  detail_json: string;
  dedupe_key: string | null;
  created_at: number;
  read_at: number | null;
};

export type PoolClaimsTable = {
  id: string;
  lead_id: string;
  rep_id: string;
  at: number;
};

export type LeadRecyclesTable = {
  id: string;
  lead_id: string;
  from_rep_id: string;
  reason: string;
  at: number;
};

export type NurtureWakeupsTable = {
  lead_id: string;
  wake_at: number;
  return_stage: string;
  parked_by: string;
  parked_at: number;
};

export type WorkSchema = {
  stage_history: StageHistoryTable;
  sla_actions: SlaActionsTable;
  notifications: NotificationsTable;
  pool_claims: PoolClaimsTable;
  lead_recycles: LeadRecyclesTable;
  nurture_wakeups: NurtureWakeupsTable;
};

/**
 * Type aliases (not interfaces) because `withTables` needs index-compatible shapes.
 * The shared builder plus these tables. Kept beside schema.ts (not in it) so this feature's tables land without
 * touching a file several features edit at once; merging them into `Schema` later changes no call site.
 */
export const workQb = qb.withTables<WorkSchema>();

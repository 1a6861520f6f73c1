// The SQLite schema as Kysely types: where row shapes are declared (columns are snake_case; who-is-calling tables in
// schema-identity.ts, the public pools' in schema-pool.ts).
import type { DevicesTable, PairingCodesTable, SessionsTable, SignInFailuresTable } from './schema-identity';
import type { LeadLocksTable, LeadRecyclesTable, PoolClaimsTable, PoolsTable } from './schema-pool';
import type { Generated, GeneratedAlways } from 'kysely';

export interface RepsTable {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  tier: string;
  skills_json: string;
  regions_json: string;
  weight: number;
  cap_open: number | null;
  cap_daily: number | null;
  is_active: number;
  is_out_of_office: number;
  leave_json: string;
  joined_on: string;
  pin_hash: string | null;
  created_at: number;
  updated_at: number;
}

export interface LeadsTable {
  id: string;
  name: string;
  phone: string | null;
  phone_key: string | null;
  email: string | null;
  email_key: string | null;
  wechat: string | null;
  company: string | null;
  company_key: string | null;
  company_name_key: string | null;
  title: string | null;
  industry: string | null;
  region: string | null;
  company_size: number | null;
  product: string | null;
  source: string | null;
  campaign: string | null;
  cost_fen: number;
  needs: string | null;
  bant_json: string;
  custom_json: string;
  events_json: string;
  stage: string;
  won_amount_fen: number | null;
  lost_reason: string | null;
  closed_at: number | null;
  owner_id: string | null;
  score: number | null;
  grade: string | null;
  score_model_version: number | null;
  scored_at: number | null;
  is_history: number;
  import_batch_id: string | null;
  search_text: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface AssignmentsTable {
  id: string;
  lead_id: string;
  rep_id: string | null;
  kind: string;
  rule_id: string | null;
  reason: string;
  /** The explanation's JSON text; '' when it is long and kept deflated (core/store/explanation-codec.ts). */
  explanation_json: string;
  /** The explanation's JSON text raw-DEFLATEd, when long (migration 0025); else null. */
  explanation_deflated: Uint8Array | null;
  /** The engine's method the explanation recorded (round-robin, …, affinity); null when none (migration 0025). */
  method: string | null;
  /** A recycle's reason as its explanation recorded it (sla, stale, nurture, released); else null (migration 0025). */
  recycle_reason: string | null;
  actor: string;
  at: number;
  /** The grade the explanation recorded, else the lead's grade at insert (migration 0016); never updated. */
  grade_then: string | null;
  /** The rep's first follow-up on the lead at or after `at`; kept by core/store/kpi-facts.ts. */
  first_contact_at: number | null;
  /**
   * When this rep was last handed this lead before this hand-over (by time, then insertion); null for the pair's
   * first, and with no rep (migration 0024). Kept by core/store/assignments.ts.
   */
  prev_pair_at: number | null;
}

interface FollowUpsTable {
  id: string;
  lead_id: string;
  rep_id: string | null;
  channel: string;
  said: string;
  reaction: string | null;
  next_step: string | null;
  next_at: number | null;
  at: number;
}

interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: number;
}

interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  detail_json: string;
}

interface ScoringModelsTable {
  version: number;
  model_json: string;
  actor: string;
  created_at: number;
}

interface LearnedModelsTable {
  id: string;
  model_json: string;
  actor: string;
  created_at: number;
}

interface DistributionRuleSetsTable {
  version: number;
  rules_json: string;
  actor: string;
  created_at: number;
}

interface DistributionRuleStateTable {
  rule_id: string;
  pointer: string | null;
  credits_json: string;
  updated_at: number;
}

interface RepOpenLoadsTable {
  rep_id: string;
  open_count: number;
}

interface RepDayCountsTable {
  rep_id: string;
  day: number;
  n: number;
}

interface DistributionVersionsTable {
  key: string;
  token: number;
}

export interface AppealsTable {
  id: string;
  lead_id: string;
  assignment_id: string;
  rep_id: string;
  message: string;
  state: string;
  reply: string | null;
  resolved_to_rep_id: string | null;
  resolved_by: string | null;
  created_at: number;
  resolved_at: number | null;
}

export interface ImportBatchesTable {
  id: string;
  file_name: string;
  actor: string;
  state: string;
  duplicate_action: string;
  total_rows: number;
  inserted: number;
  merged: number;
  flagged: number;
  skipped: number;
  errors: number;
  started_at: number;
  finished_at: number | null;
  undone_at: number | null;
  undone_by: string | null;
}

interface ImportMergeSnapshotsTable {
  batch_id: string;
  lead_id: string;
  lead_json: string;
  score_model_version: number | null;
  scored_at: number | null;
}

export interface ImportTemplatesTable {
  id: string;
  name: string;
  headers_key: string;
  headers_json: string;
  mapping_json: string;
  actor: string;
  created_at: number;
  updated_at: number;
}

interface LeadDuplicateFlagsTable {
  lead_id: string;
  duplicate_of: string;
  matched_by: string;
  batch_id: string | null;
  at: number;
}

interface LeadMergesTable {
  merged_lead_id: string;
  kept_lead_id: string;
  kept_before_json: string;
  merged_json: string;
  choices_json: string;
  moved_follow_ups: number;
  actor: string;
  at: number;
}

/** Schema version 11: the reps' monthly satisfaction pulse. */
export interface PulseAnswersTable {
  id: string;
  month: string;
  rep_id: string;
  score: number;
  comment: string | null;
  is_signed: number;
  answered_at: number;
}

/**
 * Facts of a lead's follow-ups, recycles and stage history kept on the lead (migration 0016) by the repositories
 * that write those tables (core/store/kpi-facts.ts), so the Dashboard reads them without a subquery per lead.
 */
interface LeadActivityColumns {
  /** 1 once any follow-up of the lead is logged (or moved to it by a merge). */
  has_follow_up: Generated<number>;
  /** 1 once the lead was recycled to a pool. */
  is_recycled: Generated<number>;
  /** The furthest main-path rank (raw 0 … won 4) its stage history moved it to; its current stage aside. */
  history_rank: Generated<number>;
  /** The time of its latest follow-up, by anyone (migration 0021); null: none. */
  last_follow_up_at: Generated<number | null>;
  /** The time of its latest assignment and that assignment's rep (on a tie, one of them); null: never assigned. */
  last_assigned_at: Generated<number | null>;
  last_assigned_rep: Generated<string | null>;
  /** Derived by SQLite from the three above and the owner (virtual): 0 first contact, 1 follow-up, 2 look it up. */
  clock_kind: GeneratedAlways<number>;
  /** Derived: when that clock started (the latest follow-up if since the latest hand-over, else the hand-over). */
  clock_start: GeneratedAlways<number | null>;
}

export interface Schema {
  reps: RepsTable;
  leads: LeadsTable & LeadActivityColumns;
  assignments: AssignmentsTable;
  follow_ups: FollowUpsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  scoring_models: ScoringModelsTable;
  learned_models: LearnedModelsTable;
  import_batches: ImportBatchesTable;
  import_merge_snapshots: ImportMergeSnapshotsTable;
  import_templates: ImportTemplatesTable;
  lead_duplicate_flags: LeadDuplicateFlagsTable;
  lead_merges: LeadMergesTable;
  distribution_rule_sets: DistributionRuleSetsTable;
  distribution_rule_state: DistributionRuleStateTable;
  rep_open_loads: RepOpenLoadsTable;
  appeals: AppealsTable;
  distribution_versions: DistributionVersionsTable;
  rep_day_counts: RepDayCountsTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  devices: DevicesTable;
  pairing_codes: PairingCodesTable;
  jobs: JobsTable;
  stage_history: StageHistoryTable;
  sla_actions: SlaActionsTable;
  notifications: NotificationsTable;
  pool_claims: PoolClaimsTable;
  lead_recycles: LeadRecyclesTable;
  nurture_wakeups: NurtureWakeupsTable;
  activities: ActivitiesTable;
  pools: PoolsTable;
  lead_locks: LeadLocksTable;
  pulse_answers: PulseAnswersTable;
  rep_out_of_office: RepOutOfOfficeTable;
  arrival_days: ArrivalDaysTable;
}

/**
 * A local day's counted arrivals, kept until a lead of that day changes or is deleted (migrations 0026, 0027;
 * arrival-days.ts), with how many leads of any kind were created in the day when it was counted.
 */
interface ArrivalDaysTable {
  from_at: number;
  to_at: number;
  version: number;
  rows_json: string;
  lead_count: number;
}

/** A stretch a rep was out of office: epoch ms, to_at exclusive, null while still out (migration 0019). */
interface RepOutOfOfficeTable {
  rep_id: string;
  from_at: number;
  to_at: number | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  actor: string;
  state: string;
  done: number;
  total: number;
  message: string | null;
  /** What the job needs to run again after a restart (its input), JSON. */
  params_json: string;
  result_json: string | null;
  error_json: string | null;
  started_at: number;
  finished_at: number | null;
}

interface StageHistoryTable {
  id: string;
  lead_id: string;
  from_stage: string;
  to_stage: string;
  actor: string;
  note: string | null;
  at: number;
  /** The lead's move before this one (by at, id), null for its first: kept by kpi-facts.ts (migration 0018). */
  prev_at: number | null;
  /** Its lead's creation time (immutable): kept by stage-history.ts, null only on a raw row not yet refreshed
   * (migration 0022). */
  lead_created_at: number | null;
}

interface SlaActionsTable {
  lead_id: string;
  kind: string;
  trigger: string;
  clock_start: number;
  rep_id: string | null;
  due_at: number;
  applied_at: number;
}

interface NotificationsTable {
  id: string;
  /** 'lead' for the team lead, else a rep id. */
  recipient: string;
  kind: string;
  lead_id: string | null;
  detail_json: string;
  dedupe_key: string | null;
  created_at: number;
  read_at: number | null;
}

interface NurtureWakeupsTable {
  lead_id: string;
  wake_at: number;
  return_stage: string;
  parked_by: string;
  parked_at: number;
}

export interface ActivitiesTable {
  id: string;
  lead_id: string;
  rep_id: string | null;
  kind: string;
  title: string | null;
  due_at: number | null;
  follow_up_id: string | null;
  created_at: number;
  done_at: number | null;
  cancelled_at: number | null;
}

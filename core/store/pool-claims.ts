// Repository for the public pool's bookkeeping: claims (daily limits) and recycles (who may not re-claim a lead).
import type { Database } from 'better-sqlite3';
import { decodeExplanation } from './explanation-codec';
import { noteRecycle } from './kpi-facts';
import { allCompiled, execute, getCompiled, qb, runCompiled, selectAll } from './sql';

/** Why a lead left its rep for the pool: an SLA, the stale list, a nurture wake-up, or the rep released it. */
export type RecycleReason = 'sla' | 'stale' | 'nurture' | 'released';

export interface RecycleRecord {
  readonly id: string;
  readonly leadId: string;
  readonly fromRepId: string;
  readonly reason: RecycleReason;
  readonly at: number;
}

const INSERT_CLAIM = qb
  .insertInto('pool_claims')
  .values({ id: '', lead_id: '', rep_id: '', pool_id: '', at: 0 })
  .compile().sql;

/** A claim from a pool (schema version 12 keeps which pool; older rows belong to the default pool). */
export function insertClaim(
  db: Database,
  claim: { id: string; leadId: string; repId: string; poolId: string; at: number },
): void {
  runCompiled(db, INSERT_CLAIM, [claim.id, claim.leadId, claim.repId, claim.poolId, claim.at]);
}

// A lead's rows unordered, the latest picked here: the same read as ORDER BY at, id LIMIT ? cost ~10 µs a run
// with its parameters bound (~3 µs with them written in; ~2 µs this way, two statements included; measured). The
// bound parameters were what cost: SQLite prepared that statement again on every run, as it no longer does with the
// builder's `+?` parameters (core/store/sql.ts).
const ASSIGNMENT_TIMES_OF_LEAD = qb
  .selectFrom('assignments')
  .select(['id', 'at'])
  .where('lead_id', '=', '')
  .compile().sql;

const ASSIGNMENT_FACTS_BY_ID = qb
  .selectFrom('assignments')
  .select(['rep_id', 'kind', 'explanation_json', 'explanation_deflated', 'at'])
  .where('id', '=', '')
  .compile().sql;

/**
 * A lead's latest assignment row (the latest `at`, then the greatest id), the facts that say why it is where it
 * is; compiled once (every claim reads it).
 */
export function findLatestAssignmentFacts(
  db: Database,
  leadId: string,
): { repId: string | null; kind: string; explanation: unknown; at: number } | undefined {
  let latest: { id: string; at: number } | undefined;
  for (const row of allCompiled<{ id: string; at: number }>(db, ASSIGNMENT_TIMES_OF_LEAD, [leadId])) {
    if (latest === undefined || row.at > latest.at || (row.at === latest.at && row.id > latest.id))
      latest = row;
  }
  if (latest === undefined) return undefined;
  const row = getCompiled<{
    rep_id: string | null;
    kind: string;
    explanation_json: string;
    explanation_deflated: Uint8Array | null;
    at: number;
  }>(db, ASSIGNMENT_FACTS_BY_ID, [latest.id]);
  return (
    row && {
      repId: row.rep_id,
      kind: row.kind,
      explanation: decodeExplanation({ json: row.explanation_json, deflated: row.explanation_deflated }),
      at: row.at,
    }
  );
}

export function insertRecycle(db: Database, record: RecycleRecord): void {
  execute(
    db,
    qb.insertInto('lead_recycles').values({
      id: record.id,
      lead_id: record.leadId,
      from_rep_id: record.fromRepId,
      reason: record.reason,
      at: record.at,
    }),
  );
  noteRecycle(db, record.leadId);
}

// The rows, their latest taken here: as max(at) with bound parameters it cost ~7 µs a run, this way ~1 µs (measured).
const RECYCLE_TIMES_FROM_REP = qb
  .selectFrom('lead_recycles')
  .select('at')
  .where('lead_id', '=', '')
  .where('from_rep_id', '=', '')
  .where('at', '>', 0)
  .compile().sql;

/** The latest time `repId` lost `leadId` to a recycle after `since`; null if never. On every claim's path. */
export function findRecycleFromRep(
  db: Database,
  leadId: string,
  repId: string,
  since: number,
): number | null {
  let latest: number | null = null;
  for (const row of allCompiled<{ at: number }>(db, RECYCLE_TIMES_FROM_REP, [leadId, repId, since]))
    if (latest === null || row.at > latest) latest = row.at;
  return latest;
}

export function listRecyclesForLead(db: Database, leadId: string): RecycleRecord[] {
  return selectAll(
    db,
    qb.selectFrom('lead_recycles').selectAll().where('lead_id', '=', leadId).orderBy('at'),
  ).map((row) => ({
    id: row.id,
    leadId: row.lead_id,
    fromRepId: row.from_rep_id,
    reason: row.reason as RecycleReason,
    at: row.at,
  }));
}

// Repository for merged and flagged duplicates: who was merged into whom (with the pre-merge state), follow-ups
// moved to the kept lead, and "keep both" flags.
import type { Database } from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { Lead } from '../domain/lead';
import { refreshFollowUpFacts } from './kpi-facts';
import { applyOpenLoadChange, readLoadFacts } from './rep-loads';
import type { LeadsTable } from './schema';
import { allCompiled, execute, qb, runCompiled, selectAll } from './sql';

interface LeadMergeRecord {
  readonly mergedLeadId: string;
  readonly keptLeadId: string;
  readonly keptBefore: Lead;
  readonly merged: Lead;
  readonly choices: Readonly<Record<string, string>>;
  readonly movedFollowUps: number;
  readonly actor: string;
  readonly at: number;
}

export function insertLeadMerge(db: Database, record: LeadMergeRecord): void {
  execute(
    db,
    qb.insertInto('lead_merges').values({
      merged_lead_id: record.mergedLeadId,
      kept_lead_id: record.keptLeadId,
      kept_before_json: JSON.stringify(record.keptBefore),
      merged_json: JSON.stringify(record.merged),
      choices_json: JSON.stringify(record.choices),
      moved_follow_ups: record.movedFollowUps,
      actor: record.actor,
      at: record.at,
    }),
  );
}

/**
 * Every lead merged into `keptId`, directly or through a chain (A into B, then B into C: both for C).
 * Bounded by the number of merges; a cycle cannot form because a merged lead is deleted.
 */
export function listLeadsMergedInto(db: Database, keptId: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>([keptId]);
  let frontier = [keptId];
  while (frontier.length > 0) {
    const rows = selectAll(
      db,
      qb.selectFrom('lead_merges').select('merged_lead_id').where('kept_lead_id', 'in', frontier),
    );
    frontier = [];
    for (const row of rows) {
      if (seen.has(row.merged_lead_id)) continue;
      seen.add(row.merged_lead_id);
      found.push(row.merged_lead_id);
      frontier.push(row.merged_lead_id);
    }
  }
  return found.sort();
}

/** Re-points a lead's follow-ups to another lead (the log itself is never rewritten). Returns how many moved. */
export function moveFollowUps(db: Database, fromLeadId: string, toLeadId: string): number {
  const moved = execute(
    db,
    qb.updateTable('follow_ups').set({ lead_id: toLeadId }).where('lead_id', '=', fromLeadId),
  );
  if (moved > 0) refreshFollowUpFacts(db, [fromLeadId, toLeadId]);
  return moved;
}

export function markLeadMerged(db: Database, leadId: string, at: number): void {
  const before = readLoadFacts(db, leadId);
  execute(db, qb.updateTable('leads').set({ deleted_at: at, updated_at: at }).where('id', '=', leadId));
  if (before !== null) applyOpenLoadChange(db, before, { ...before, isDeleted: true });
}

/** Compiled once: an import flags thousands of duplicates in its committing transaction. */
const INSERT_DUPLICATE_FLAG_SQL = qb
  .insertInto('lead_duplicate_flags')
  .values({ lead_id: '', duplicate_of: '', matched_by: '', batch_id: '', at: 0 })
  .onConflict((oc) => oc.doNothing())
  .compile().sql;

export function insertDuplicateFlag(
  db: Database,
  flag: {
    leadId: string;
    duplicateOf: string;
    matchedBy: readonly string[];
    batchId: string | null;
    at: number;
  },
): void {
  runCompiled(db, INSERT_DUPLICATE_FLAG_SQL, [
    flag.leadId,
    flag.duplicateOf,
    flag.matchedBy.join(','),
    flag.batchId,
    flag.at,
  ]);
}

export function deleteDuplicateFlagsOfBatch(db: Database, batchId: string): number {
  return execute(db, qb.deleteFrom('lead_duplicate_flags').where('batch_id', '=', batchId));
}

/** Removes flags once the flagged lead was merged away or the pair was resolved. */
export function deleteDuplicateFlagsOf(db: Database, leadId: string): void {
  execute(
    db,
    qb
      .deleteFrom('lead_duplicate_flags')
      .where((eb) => eb.or([eb('lead_id', '=', leadId), eb('duplicate_of', '=', leadId)])),
  );
}

interface DuplicateCandidate {
  readonly id: string;
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly company: string | null;
}

const SHARED_KEY_COLUMNS = ['phone_key', 'email_key', 'company_name_key'] as const;

/** Live leads sharing a stored dedupe key with another live lead (found by the key indexes, not a scan in JS). */
export function listDuplicateCandidates(db: Database): DuplicateCandidate[] {
  return selectAll(
    db,
    qb
      .selectFrom('leads')
      .select(['id', 'name', 'phone', 'email', 'company'])
      .where('deleted_at', 'is', null)
      .where((eb) =>
        eb.or(
          SHARED_KEY_COLUMNS.map((column) =>
            eb(
              column,
              'in',
              eb
                .selectFrom('leads')
                .select(column)
                .where('deleted_at', 'is', null)
                .where(column, 'is not', null)
                .groupBy(column)
                .having((having) => having.fn.countAll(), '>', 1),
            ),
          ),
        ),
      ),
  );
}

/**
 * Live leads holding any of the three stored keys, compiled once (every lead entered runs it); an absent key binds
 * NULL, which `=` never matches.
 */
const ROWS_BY_KEYS = qb
  .selectFrom('leads')
  .selectAll()
  .where('deleted_at', 'is', null)
  .where((eb) => eb.or([eb('phone_key', '=', ''), eb('email_key', '=', ''), eb('company_name_key', '=', '')]))
  .orderBy('created_at')
  .orderBy('id')
  .limit(1)
  .compile().sql;

/** Live leads holding any of these stored keys, oldest first. */
export function findLeadRowsByKeys(
  db: Database,
  keys: { phoneKey: string | null; emailKey: string | null; companyNameKey: string | null },
  limit: number,
): Selectable<LeadsTable>[] {
  if (!keys.phoneKey && !keys.emailKey && !keys.companyNameKey) return [];
  return allCompiled<Selectable<LeadsTable>>(db, ROWS_BY_KEYS, [
    keys.phoneKey || null,
    keys.emailKey || null,
    keys.companyNameKey || null,
    limit,
  ]);
}

// Who a lead was recycled from, read for distribution: previous owners per lead and the recycles of a period (replay).
import type { Database } from 'better-sqlite3';
import { asRepId, type RepId } from '../domain/ids';
import { allCompiled, qb, selectAll } from './sql';

/**
 * SQL text by number of lead ids (parameters: the ids, then `since`), compiled once per count: every new lead runs it
 * with one id, and building it with Kysely each time showed in the distribution API bench's profile (2026-12-03).
 */
const previousOwnersSql = new Map<number, string>();

function previousOwnersSqlFor(count: number): string {
  let text = previousOwnersSql.get(count);
  if (text === undefined) {
    text = qb
      .selectFrom('lead_recycles')
      .select(['lead_id', 'from_rep_id', 'at'])
      .where(
        'lead_id',
        'in',
        Array.from({ length: count }, () => ''),
      )
      .where('at', '>=', 0)
      .orderBy('at')
      .orderBy('id')
      .compile().sql;
    previousOwnersSql.set(count, text);
  }
  return text;
}

/** lead id → the reps it was recycled from at or after `since` (epoch ms), oldest first. */
export function listPreviousOwners(
  db: Database,
  leadIds: readonly string[],
  since: number,
): Map<string, { repId: RepId; at: number }[]> {
  const owners = new Map<string, { repId: RepId; at: number }[]>();
  for (let i = 0; i < leadIds.length; i += 500) {
    const chunk = leadIds.slice(i, i + 500);
    const rows = allCompiled<{ lead_id: string; from_rep_id: string; at: number }>(
      db,
      previousOwnersSqlFor(chunk.length),
      [...chunk, since],
    );
    for (const row of rows) {
      const list = owners.get(row.lead_id) ?? [];
      list.push({ repId: asRepId(row.from_rep_id), at: row.at });
      owners.set(row.lead_id, list);
    }
  }
  return owners;
}

/** Recycles in [from, to) that took a lead from a rep (nurture wake-ups are not recorded), by time. */
export function listRecyclesBetween(
  db: Database,
  from: number,
  to: number,
): { leadId: string; at: number; fromRepId: RepId }[] {
  return selectAll(
    db,
    qb
      .selectFrom('lead_recycles')
      .select(['lead_id', 'from_rep_id', 'at'])
      .where('at', '>=', from)
      .where('at', '<', to)
      .orderBy('at')
      .orderBy('id'),
  ).map((row) => ({ leadId: row.lead_id, at: row.at, fromRepId: asRepId(row.from_rep_id) }));
}

// Who a lead was recycled from, read for distribution: previous owners per lead and the recycles of a period (replay).
import type { Database } from 'better-sqlite3';
import { asRepId, type RepId } from '../domain/ids';
import { qb, selectAll } from './sql';

/** lead id → the reps it was recycled from at or after `since` (epoch ms), oldest first. */
export function listPreviousOwners(
  db: Database,
  leadIds: readonly string[],
  since: number,
): Map<string, { repId: RepId; at: number }[]> {
  const owners = new Map<string, { repId: RepId; at: number }[]>();
  for (let i = 0; i < leadIds.length; i += 500) {
    const rows = selectAll(
      db,
      qb
        .selectFrom('lead_recycles')
        .select(['lead_id', 'from_rep_id', 'at'])
        .where('lead_id', 'in', leadIds.slice(i, i + 500))
        .where('at', '>=', since)
        .orderBy('at')
        .orderBy('id'),
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

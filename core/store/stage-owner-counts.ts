// Open leads per stage and owner, for the kanban's per-rep work-in-progress limits.
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { FunnelStage } from '../domain/funnel';
import { qb, selectAll } from './sql';

/** stage → owner → live, non-history leads; unowned leads are left out. */
export function countLeadsByStageAndOwner(db: Database): Map<FunnelStage, Record<string, number>> {
  const rows = selectAll(
    db,
    qb
      .selectFrom('leads')
      .select(['stage', 'owner_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deleted_at', 'is', null)
      .where('is_history', '=', sql.lit(0))
      .where('owner_id', 'is not', null)
      .groupBy(['stage', 'owner_id']),
  );
  const out = new Map<FunnelStage, Record<string, number>>();
  for (const row of rows) {
    const stage = row.stage as FunnelStage;
    const perOwner = out.get(stage) ?? {};
    perOwner[row.owner_id ?? ''] = row.n;
    out.set(stage, perOwner);
  }
  return out;
}

// "Say what will happen": what a distribution run would do, computed by the same engine on the same state, then
// rolled back (a savepoint), so the preview and the run agree as long as nothing changes in between.
import type { Database } from 'better-sqlite3';
import { listPoolLeadIds } from '../../store/distribution-state';
import { inTransaction } from '../../store/sql';
import type { CallContext } from '../call-context';
import type { DistributeResult } from '../distribution/calls';
import { distributeNewLeads } from '../distribution/distribute-new-leads';
import { mapRepNames } from '../sla/cards';

/** As `distribution.distribute` takes them: the given leads, plus up to this many from the pool. */
const POOL_BATCH_LIMIT = 10_000;

const ROLLBACK = Symbol('preview rollback');

function dryRun(db: Database, run: () => DistributeResult): DistributeResult {
  let result: DistributeResult | undefined;
  try {
    inTransaction(db, () => {
      result = run();
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  if (result === undefined) throw new Error('the preview did not run');
  return result;
}

export function previewDistribution(
  ctx: CallContext,
  input: { readonly leadIds?: readonly string[] | undefined; readonly pool?: boolean | undefined },
) {
  const ids = [
    ...(input.leadIds ?? []),
    ...(input.pool === true ? listPoolLeadIds(ctx.db, POOL_BATCH_LIMIT) : []),
  ];
  // Events of the dry run are dropped: nothing happened.
  const result = dryRun(ctx.db, () => distributeNewLeads({ ...ctx, emit: () => undefined }, ids));
  const names = mapRepNames(ctx.db);
  const counts = new Map<string, number>();
  for (const r of result.results) if (r.repId !== null) counts.set(r.repId, (counts.get(r.repId) ?? 0) + 1);
  return {
    total: new Set(ids).size,
    assigned: result.assigned,
    pooled: result.pooled,
    manual: result.manual,
    skipped: result.skipped.length,
    perRep: [...counts]
      .map(([repId, count]) => ({ repId, name: names.get(repId) ?? repId, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN')),
  };
}

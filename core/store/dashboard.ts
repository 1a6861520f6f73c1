// Repository for the Dashboard: aggregates over leads and recycles for one period ([from, to) in epoch ms).
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { FunnelStage } from '../domain/funnel';
import { liveLeads, type NowFilter } from './now-counts';
import { leadsIndexedBy, qb, selectAll, selectFirst } from './sql';

/**
 * When a closed lead closed: its close time, else its last update (older rows and some history imports carry no
 * close time).
 */
const closedAt = sql<number>`coalesce(leads.closed_at, leads.updated_at)`;

/** Live (not history, not deleted) leads per stage now. */
export function countLiveLeadsByStage(db: Database): Partial<Record<FunnelStage, number>> {
  const rows = selectAll(
    db,
    qb
      .selectFrom('leads')
      .select(['stage', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deleted_at', 'is', null)
      .where('is_history', '=', sql.lit(0))
      .groupBy('stage'),
  );
  const counts: Partial<Record<FunnelStage, number>> = {};
  for (const row of rows) counts[row.stage as FunnelStage] = row.n;
  return counts;
}

/** Won and lost leads closed in [from, to), history included, and the won amount in fen. */
export function countClosedInPeriod(
  db: Database,
  from: number,
  to: number,
): { won: number; lost: number; wonAmountFen: number } {
  const row = selectFirst(
    db,
    qb
      .selectFrom('leads')
      .select([
        sql<number>`coalesce(sum(leads.stage = 'won'), 0)`.as('won'),
        sql<number>`coalesce(sum(leads.stage = 'lost'), 0)`.as('lost'),
        sql<number>`coalesce(sum(CASE WHEN leads.stage = 'won' THEN leads.won_amount_fen END), 0)`.as(
          'amount',
        ),
      ])
      .where('deleted_at', 'is', null)
      .where('stage', 'in', ['won', 'lost'])
      .where(closedAt, '>=', from)
      .where(closedAt, '<', to),
  );
  return { won: row?.won ?? 0, lost: row?.lost ?? 0, wonAmountFen: row?.amount ?? 0 };
}

/** Won leads closed in [from, to) per owner, history included. */
export function countWonByOwner(db: Database, from: number, to: number): Map<string, number> {
  const rows = selectAll(
    db,
    qb
      .selectFrom('leads')
      .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deleted_at', 'is', null)
      .where('stage', '=', 'won')
      .where('owner_id', 'is not', null)
      .where(closedAt, '>=', from)
      .where(closedAt, '<', to)
      .groupBy('owner_id'),
  );
  return new Map(rows.map((row) => [row.owner_id ?? '', row.n]));
}

/**
 * Live, non-history leads created in [from, to), per local day: day = floor((epoch ms + offset) / 1 day), the
 * numbering rep_day_counts uses.
 */
export function countNewLeadsByDay(
  db: Database,
  from: number,
  to: number,
  utcOffsetMinutes: number,
): Map<number, number> {
  const offsetMs = utcOffsetMinutes * 60_000;
  // better-sqlite3 binds a JS number as REAL; the cast keeps the division an integer one.
  const day = sql<number>`(leads.created_at + CAST(${offsetMs} AS INTEGER)) / 86400000`;
  const rows = selectAll(
    db,
    qb
      .selectFrom('leads')
      .select([day.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('deleted_at', 'is', null)
      .where('is_history', '=', sql.lit(0))
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .groupBy(day),
  );
  return new Map(rows.map((row) => [row.day, row.n]));
}

/** Recycles (SLA, stale, nurture) of live leads in [from, to). */
export function countRecyclesInPeriod(db: Database, from: number, to: number): number {
  return (
    selectFirst(
      db,
      qb
        .selectFrom('lead_recycles as r')
        .innerJoin('leads', 'leads.id', 'r.lead_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('leads.deleted_at', 'is', null)
        .where('r.at', '>=', from)
        .where('r.at', '<', to),
    )?.n ?? 0
  );
}

/** The leads, read through leads_board (flattened: the WHERE and GROUP BY apply to the index). */
const boardLeads = leadsIndexedBy('leads_board');

/**
 * Live leads per stage now (stages without leads absent), as countLiveLeadsPerStage counts them, from leads_board
 * (stage, …, is_history, owner_id, source, deleted_at since migration 0021) in its stage order, covering: no sort. Sums
 * per stage over the wider leads_cohort cost ~35 ms of 100k leads, a GROUP BY over it ~28 ms with its sort, this
 * ~5 ms. INDEXED BY: with no statistics SQLite would rather walk leads_cohort and sort.
 */
export function countLiveLeadsPerStageSummed(
  db: Database,
  filter: NowFilter,
): { stage: string; count: number }[] {
  return selectAll(
    db,
    qb
      .selectFrom(boardLeads)
      .where(liveLeads(filter))
      .select(['leads.stage', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('leads.stage'),
  );
}

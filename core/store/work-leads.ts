// Repository for working leads: SLA clock inputs, compact kanban/queue/pool cards, and conditional owner/stage writes.
import type { Database } from 'better-sqlite3';
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { BUILT_IN_STAGES, isOpenStage, type FunnelStage, type Grade } from '../domain/funnel';
import { asLeadId, asRepId } from '../domain/ids';
import type { SlaAppliedAction, SlaLeadInput } from '../domain/sla/due-actions';
import type { Schema } from './schema';
import { whereCommonLeadFilter, type CommonLeadFilter } from './lead-filter';
import { applyOpenLoadChange, loadFactsOf, readLoadFacts } from './rep-loads';
import { execute, getCompiled, leadsIndexedBy, qb, runCompiled, selectAll, selectFirst } from './sql';

type Db = Schema;
type LeadsFrom = SelectQueryBuilder<Db, 'leads', object>;

/** The stages that are not on a clock, from the domain's `isOpenStage` (custom stages are always open). */
export const NOT_OPEN: FunnelStage[] = BUILT_IN_STAGES.filter((stage) => !isOpenStage(stage));

/** What the SLA engine and the cards need beyond the lead row: when the clock started and the last contact. */
function withClockColumns<O>(query: SelectQueryBuilder<Db, 'leads', O>) {
  return query.select((eb: ExpressionBuilder<Db, 'leads'>) => [
    // Pinned to the (lead, rep, at) index, which answers it alone: the planner otherwise walks every assignment
    // of the owner (quadratic); the (lead, at) index reads each of the lead's assignment rows for its rep.
    sql<number | null>`(SELECT max(a.at) FROM assignments AS a INDEXED BY assignments_lead_rep
      WHERE a.lead_id = leads.id AND a.rep_id = leads.owner_id)`.as('assigned_at'),
    eb
      .selectFrom('follow_ups')
      .select((e) => e.fn.max<number>('follow_ups.at').as('m'))
      .whereRef('follow_ups.lead_id', '=', 'leads.id')
      .as('last_follow_up_at'),
    eb
      .selectFrom('stage_history')
      .select((e) => e.fn.max<number>('stage_history.at').as('m'))
      .whereRef('stage_history.lead_id', '=', 'leads.id')
      .as('stage_changed_at'),
  ]);
}

export interface LeadFilterInput extends CommonLeadFilter {
  /** Only owned, open, non-history leads (the ones an SLA clock can run on). */
  readonly onClockOnly?: boolean | undefined;
  readonly leadIds?: readonly string[] | undefined;
  readonly excludeHistory?: boolean | undefined;
  /** Only leads whose latest hand-over took them back to the pool (a recycle, not their rep's release). */
  readonly recycledOnly?: boolean | undefined;
  /** Only leads in an open stage (built-in working stages and every custom one). */
  readonly openOnly?: boolean | undefined;
}

/**
 * The lead's latest assignment row (latest `at`, then greatest id, as findLatestAssignmentFacts reads it) is a
 * recycle that was not its rep's release: the pool row's reason "recycled", not "released".
 */
const latestHandOverIsRecycle = sql<boolean>`EXISTS (SELECT 1 FROM assignments AS a
  WHERE a.lead_id = leads.id AND a.kind = 'recycle'
    AND coalesce(a.recycle_reason, '') <> 'released'
    AND NOT EXISTS (SELECT 1 FROM assignments AS b WHERE b.lead_id = a.lead_id
      AND (b.at > a.at OR (b.at = a.at AND b.id > a.id))))`;

function applyFilter(query: LeadsFrom, filter: LeadFilterInput): LeadsFrom {
  let q = whereCommonLeadFilter(query, filter);
  if (filter.onClockOnly) {
    q = q
      .where('leads.owner_id', 'is not', null)
      .where('leads.is_history', '=', sql.lit(0))
      .where('leads.stage', 'not in', NOT_OPEN);
  }
  if (filter.excludeHistory) q = q.where('leads.is_history', '=', sql.lit(0));
  if (filter.openOnly) q = q.where('leads.stage', 'not in', NOT_OPEN);
  if (filter.recycledOnly) q = q.where(latestHandOverIsRecycle);
  if (filter.leadIds) q = q.where('leads.id', 'in', filter.leadIds.length > 0 ? [...filter.leadIds] : ['']);
  return q;
}

/** A lead as a card: enough for the kanban, the queue and the pool, nothing more. */
export interface LeadCardRow {
  readonly id: string;
  readonly name: string;
  readonly company: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly grade: Grade | null;
  readonly score: number | null;
  readonly ownerId: string | null;
  readonly stage: FunnelStage;
  readonly source: string | null;
  readonly isHistory: boolean;
  readonly createdAt: number;
  readonly assignedAt: number | null;
  readonly lastFollowUpAt: number | null;
  readonly stageChangedAt: number | null;
}

type CardRaw = {
  id: string;
  name: string;
  company: string | null;
  phone: string | null;
  email: string | null;
  grade: string | null;
  score: number | null;
  owner_id: string | null;
  stage: string;
  source: string | null;
  is_history: number;
  created_at: number;
  assigned_at: number | null;
  last_follow_up_at: number | null;
  stage_changed_at: number | null;
};

function toCard(row: CardRaw): LeadCardRow {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    phone: row.phone,
    email: row.email,
    grade: row.grade as Grade | null,
    score: row.score,
    ownerId: row.owner_id,
    stage: row.stage as FunnelStage,
    source: row.source,
    isHistory: row.is_history === 1,
    createdAt: row.created_at,
    assignedAt: row.assigned_at,
    lastFollowUpAt: row.last_follow_up_at,
    stageChangedAt: row.stage_changed_at,
  };
}

const CARD_COLUMNS = [
  'leads.id',
  'leads.name',
  'leads.company',
  'leads.phone',
  'leads.email',
  'leads.grade',
  'leads.score',
  'leads.owner_id',
  'leads.stage',
  'leads.source',
  'leads.is_history',
  'leads.created_at',
] as const;

/** Cards matching `filter`, best score first then by id (the kanban column order), one page. */
export function listLeadCards(
  db: Database,
  filter: LeadFilterInput,
  page: { offset: number; limit: number },
): LeadCardRow[] {
  const query = withClockColumns(applyFilter(qb.selectFrom('leads'), filter).select(CARD_COLUMNS))
    .orderBy('leads.score', 'desc')
    .orderBy('leads.id')
    .limit(page.limit)
    .offset(page.offset);
  return selectAll(db, query).map(toCard);
}

/** Every card matching `filter`, unordered: for views that sort by SLA deadline (queue, overdue filters). */
export function listAllLeadCards(db: Database, filter: LeadFilterInput): LeadCardRow[] {
  return selectAll(
    db,
    withClockColumns(applyFilter(qb.selectFrom('leads'), filter).select(CARD_COLUMNS)),
  ).map(toCard);
}

/** One lead's card query, compiled once (every call answering a card reads it); the id binds at its slot. */
const ONE_CARD_ID = '\u0000lead-id';
const ONE_CARD = withClockColumns(
  applyFilter(qb.selectFrom('leads'), { leadIds: [ONE_CARD_ID] }).select(CARD_COLUMNS),
).compile();

/** The card of one live lead, as `listAllLeadCards` with `leadIds: [leadId]` answers it; undefined if none. */
export function findLeadCard(db: Database, leadId: string): LeadCardRow | undefined {
  const parameters = ONE_CARD.parameters.map((value) => (value === ONE_CARD_ID ? leadId : value));
  const row = getCompiled<CardRaw>(db, ONE_CARD.sql, parameters);
  return row === undefined ? undefined : toCard(row);
}

export function countLeadsWhere(db: Database, filter: LeadFilterInput): number {
  return (
    selectFirst(
      db,
      applyFilter(qb.selectFrom('leads'), filter).select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0
  );
}

/** Lead counts per stage for `filter` (stages without leads are absent). */
export function countLeadsByStage(db: Database, filter: LeadFilterInput): Map<FunnelStage, number> {
  const rows = selectAll(
    db,
    applyFilter(qb.selectFrom('leads'), filter)
      .select(['leads.stage', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('leads.stage'),
  );
  return new Map(rows.map((row) => [row.stage as FunnelStage, row.n]));
}

/** A card as the SLA engine's input. */
export function toSlaInput(card: LeadCardRow, applied: readonly SlaAppliedAction[]): SlaLeadInput {
  return {
    id: asLeadId(card.id),
    grade: card.grade,
    ownerId: card.ownerId === null ? null : asRepId(card.ownerId),
    stage: card.stage,
    assignedAt: card.assignedAt,
    firstContactAt: null,
    lastFollowUpAt: card.lastFollowUpAt,
    isHistory: card.isHistory,
    appliedActions: applied,
    stageChangedAt: card.stageChangedAt,
  };
}

/**
 * Only the columns the SLA engine reads: a live non-history lead's are all in a covering index (leads_cohort), so
 * the scheduler's tick reads no wide lead row (a card's name, phone… would cost ~4x on 100k leads).
 */
const SLA_COLUMNS = ['leads.id', 'leads.grade', 'leads.owner_id', 'leads.stage', 'leads.is_history'] as const;

/**
 * The leads read through leads_cohort, which covers the SLA columns: one pass over a narrow index. Since the clock
 * facts' virtual columns (migration 0021) SQLite chose leads_queue by owner instead, reading every owned lead's row;
 * INDEXED BY in a subquery SQLite flattens pins it (a bad name fails the query, and the plan test).
 */
const everyLeadByCohort = leadsIndexedBy('leads_cohort');

/** Every lead an SLA clock may run on, as engine input (as toSlaInput makes it from the lead's card). */
export function listSlaInputs(
  db: Database,
  applied: ReadonlyMap<string, readonly SlaAppliedAction[]>,
  filter: LeadFilterInput = {},
): SlaLeadInput[] {
  const rows = selectAll(
    db,
    withClockColumns(
      applyFilter(qb.selectFrom(everyLeadByCohort), { ...filter, onClockOnly: true }).select(SLA_COLUMNS),
    ),
  );
  return rows.map((row) => ({
    id: asLeadId(row.id),
    grade: row.grade as Grade | null,
    ownerId: row.owner_id === null ? null : asRepId(row.owner_id),
    stage: row.stage as FunnelStage,
    assignedAt: row.assigned_at,
    firstContactAt: null,
    lastFollowUpAt: row.last_follow_up_at,
    isHistory: row.is_history === 1,
    appliedActions: applied.get(row.id) ?? [],
    stageChangedAt: row.stage_changed_at,
  }));
}

// Compiled once (on every claim's and recycle's path); `IS ?` matches null and a rep id alike.
const SET_OWNER_IF = qb
  .updateTable('leads')
  .set({ owner_id: '', updated_at: 0 })
  .where('id', '=', '')
  .where('deleted_at', 'is', null)
  .where('owner_id', 'is', '')
  .compile().sql;

/**
 * Sets the owner only if it is still `expected` (null = unowned): the atomic step behind claims and recycles.
 * Answers false when someone else changed it first.
 */
export function setLeadOwnerIf(
  db: Database,
  leadId: string,
  expected: string | null,
  owner: string | null,
  now: number,
): boolean {
  const before = readLoadFacts(db, leadId);
  const changed = runCompiled(db, SET_OWNER_IF, [owner, now, leadId, expected]) === 1;
  if (changed && before !== null) applyOpenLoadChange(db, before, { ...before, ownerId: owner });
  return changed;
}

export function setLeadStage(
  db: Database,
  leadId: string,
  change: {
    stage: FunnelStage;
    wonAmountFen: number | null;
    lostReason: string | null;
    closedAt: number | null;
  },
  now: number,
): void {
  const before = readLoadFacts(db, leadId);
  const changed = execute(
    db,
    qb
      .updateTable('leads')
      .set({
        stage: change.stage,
        won_amount_fen: change.wonAmountFen,
        lost_reason: change.lostReason,
        closed_at: change.closedAt,
        updated_at: now,
      })
      .where('id', '=', leadId),
  );
  if (changed === 1 && before !== null) applyOpenLoadChange(db, before, { ...before, stage: change.stage });
}

/**
 * Moves every live (not deleted, not history) lead in stage `from` to the open stage `to`, for a stage the team
 * lead hides or removes; returns the ids moved, oldest first. The caller records each move in the stage history.
 */
export function moveLiveLeadsToStage(
  db: Database,
  from: FunnelStage,
  to: FunnelStage,
  now: number,
): string[] {
  const rows = selectAll(
    db,
    qb
      .selectFrom('leads')
      .select(['id', 'owner_id', 'stage', 'is_history', 'deleted_at'])
      .where('stage', '=', from)
      .where('deleted_at', 'is', null)
      .where('is_history', '=', sql.lit(0))
      .orderBy('created_at')
      .orderBy('id'),
  );
  if (rows.length === 0) return [];
  for (const row of rows) {
    const before = loadFactsOf(row);
    applyOpenLoadChange(db, before, { ...before, stage: to });
  }
  execute(
    db,
    qb
      .updateTable('leads')
      .set({ stage: to, updated_at: now })
      .where('stage', '=', from)
      .where('deleted_at', 'is', null)
      .where('is_history', '=', sql.lit(0)),
  );
  return rows.map((row) => row.id);
}

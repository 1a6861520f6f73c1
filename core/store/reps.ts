// Repository for reps: the team, with tiers, skills, territories, caps and availability.
import type { Database } from 'better-sqlite3';
import { sql, type Selectable } from 'kysely';
import type { Rep, RepTier } from '../domain/rep';
import { asRepId, type RepId } from '../domain/ids';
import type { RepsTable } from './schema';
import { execute, getCompiled, qb, selectAll, selectFirst } from './sql';

function rowToRep(row: Selectable<RepsTable>): Rep {
  return {
    id: asRepId(row.id),
    name: row.name,
    email: row.email,
    phone: row.phone,
    tier: row.tier as RepTier,
    skills: JSON.parse(row.skills_json) as string[],
    regions: JSON.parse(row.regions_json) as string[],
    weight: row.weight,
    capOpen: row.cap_open,
    capDaily: row.cap_daily,
    isActive: row.is_active === 1,
    isOutOfOffice: row.is_out_of_office === 1,
    leave: JSON.parse(row.leave_json) as Rep['leave'],
    joinedOn: row.joined_on,
  };
}

function repToRow(rep: Rep, now: number): Omit<RepsTable, 'pin_hash' | 'created_at'> {
  return {
    id: rep.id,
    name: rep.name,
    email: rep.email,
    phone: rep.phone,
    tier: rep.tier,
    skills_json: JSON.stringify(rep.skills),
    regions_json: JSON.stringify(rep.regions),
    weight: rep.weight,
    cap_open: rep.capOpen,
    cap_daily: rep.capDaily,
    is_active: rep.isActive ? 1 : 0,
    is_out_of_office: rep.isOutOfOffice ? 1 : 0,
    leave_json: JSON.stringify(rep.leave),
    joined_on: rep.joinedOn,
    updated_at: now,
  };
}

export function listReps(db: Database, options: { includeInactive: boolean }): Rep[] {
  let query = qb.selectFrom('reps').selectAll().orderBy('name').orderBy('id');
  if (!options.includeInactive) query = query.where('is_active', '=', sql.lit(1));
  return selectAll(db, query).map(rowToRep);
}

/** Compiled once: every claim, hand-over and check of a rep reads one by id. */
const REP_BY_ID = qb.selectFrom('reps').selectAll().where('id', '=', '').compile().sql;

export function findRepById(db: Database, id: RepId | string): Rep | undefined {
  const row = getCompiled<Selectable<RepsTable>>(db, REP_BY_ID, [id]);
  return row ? rowToRep(row) : undefined;
}

export function insertRep(db: Database, rep: Rep, now: number): void {
  execute(db, qb.insertInto('reps').values({ ...repToRow(rep, now), pin_hash: null, created_at: now }));
}

export function updateRep(db: Database, rep: Rep, now: number): void {
  execute(db, qb.updateTable('reps').set(repToRow(rep, now)).where('id', '=', rep.id));
}

export function findRepPinHash(db: Database, id: RepId): string | null {
  return selectFirst(db, qb.selectFrom('reps').select('pin_hash').where('id', '=', id))?.pin_hash ?? null;
}

export function setRepPinHash(db: Database, id: RepId, pinHash: string | null, now: number): void {
  execute(db, qb.updateTable('reps').set({ pin_hash: pinHash, updated_at: now }).where('id', '=', id));
}

export function countReps(db: Database): number {
  return (
    selectFirst(
      db,
      qb.selectFrom('reps').select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0
  );
}

export function listRepIdsWithPin(db: Database): string[] {
  return selectAll(db, qb.selectFrom('reps').select('id').where('pin_hash', 'is not', null)).map(
    (row) => row.id,
  );
}

/**
 * Reps a past-leads import created start on the local day of their first lead in that batch (not the import day):
 * the ledger counts them available and replays give them leads from then. `utcOffsetMinutes` dates the day.
 */
export function startRepsAtFirstLead(
  db: Database,
  repIds: readonly string[],
  batchId: string,
  utcOffsetMinutes: number,
): void {
  if (repIds.length === 0) return;
  execute(
    db,
    qb
      .updateTable('reps')
      .set((eb) => ({
        joined_on: eb
          .selectFrom('leads')
          .select(
            sql<string>`date((min(leads.created_at) + ${utcOffsetMinutes * 60_000}) / 1000, 'unixepoch')`.as(
              'first_day',
            ),
          )
          .whereRef('leads.owner_id', '=', 'reps.id')
          .where('leads.import_batch_id', '=', batchId),
      }))
      .where('id', 'in', repIds)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('leads')
            .select('leads.id')
            .whereRef('leads.owner_id', '=', 'reps.id')
            .where('leads.import_batch_id', '=', batchId),
        ),
      ),
  );
}

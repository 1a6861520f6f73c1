// Repository for the public pools (schema version 13): the pools and their stored config, claims per pool, and the
// facts of leads that decide their pool.
import type { Database } from 'better-sqlite3';
import type { Grade } from '../domain/funnel';
import { execute, qb, selectAll, selectFirst } from './sql';

export interface PoolRow {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly isDefault: boolean;
  /** Parsed JSON; the API validates it. */
  readonly config: unknown;
  readonly updatedAt: number;
}

/** Live pools, in stored order. */
export function listPoolRows(db: Database): PoolRow[] {
  return selectAll(
    db,
    qb.selectFrom('pools').selectAll().where('deleted_at', 'is', null).orderBy('position').orderBy('id'),
  ).map((row) => ({
    id: row.id,
    name: row.name,
    position: row.position,
    isDefault: row.is_default === 1,
    config: JSON.parse(row.config_json) as unknown,
    updatedAt: row.updated_at,
  }));
}

export function upsertPoolRow(
  db: Database,
  pool: { id: string; name: string; position: number; isDefault: boolean; config: unknown },
  now: number,
): void {
  const config_json = JSON.stringify(pool.config);
  execute(
    db,
    qb
      .insertInto('pools')
      .values({
        id: pool.id,
        name: pool.name,
        position: pool.position,
        is_default: pool.isDefault ? 1 : 0,
        config_json,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({ name: pool.name, position: pool.position, config_json, updated_at: now }),
      ),
  );
}

/** Soft-deletes a non-default pool; answers whether one was deleted. */
export function deletePoolRow(db: Database, id: string, now: number): boolean {
  return (
    execute(
      db,
      qb
        .updateTable('pools')
        .set({ deleted_at: now, updated_at: now })
        .where('id', '=', id)
        .where('is_default', '=', 0)
        .where('deleted_at', 'is', null),
    ) === 1
  );
}

/** Claims a rep made from one pool at or after `since` (epoch ms). */
export function countPoolClaimsSince(db: Database, repId: string, poolId: string, since: number): number {
  return (
    selectFirst(
      db,
      qb
        .selectFrom('pool_claims as c')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('c.rep_id', '=', repId)
        .where('c.pool_id', '=', poolId)
        .where('c.at', '>=', since),
    )?.n ?? 0
  );
}

/** A lead's facts that decide its pool and whether a rep sees its contact data. */
export interface LeadPoolFacts {
  readonly id: string;
  readonly ownerId: string | null;
  readonly region: string | null;
  readonly industry: string | null;
  readonly grade: Grade | null;
  readonly source: string | null;
  readonly stage: string;
  readonly isHistory: boolean;
}

type FactsRow = {
  id: string;
  owner_id: string | null;
  region: string | null;
  industry: string | null;
  grade: string | null;
  source: string | null;
  stage: string;
  is_history: number;
};

function factsOf(row: FactsRow): LeadPoolFacts {
  return {
    id: row.id,
    ownerId: row.owner_id,
    region: row.region,
    industry: row.industry,
    grade: row.grade as Grade | null,
    source: row.source,
    stage: row.stage,
    isHistory: row.is_history === 1,
  };
}

const FACT_COLUMNS = [
  'id',
  'owner_id',
  'region',
  'industry',
  'grade',
  'source',
  'stage',
  'is_history',
] as const;

/** Facts of the given leads that exist and are not deleted, by id. */
export function readLeadPoolFacts(db: Database, leadIds: readonly string[]): Map<string, LeadPoolFacts> {
  const out = new Map<string, LeadPoolFacts>();
  const unique = [...new Set(leadIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = selectAll(
      db,
      qb
        .selectFrom('leads')
        .select([...FACT_COLUMNS])
        .where('id', 'in', unique.slice(i, i + 500))
        .where('deleted_at', 'is', null),
    );
    for (const row of rows) out.set(row.id, factsOf(row));
  }
  return out;
}

/** A lead's pool facts and its contact data as stored (as typed and as dedupe keys): what masking hides. */
export interface LeadContacts extends LeadPoolFacts {
  readonly phone: string | null;
  readonly phoneKey: string | null;
  readonly email: string | null;
  readonly emailKey: string | null;
  readonly wechat: string | null;
}

/** Contacts of the given ids that are leads (deleted ones too: their data is no less private). */
export function readLeadContacts(db: Database, ids: readonly string[]): LeadContacts[] {
  const out: LeadContacts[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = selectAll(
      db,
      qb
        .selectFrom('leads')
        .select([...FACT_COLUMNS, 'phone', 'phone_key', 'email', 'email_key', 'wechat'])
        .where('id', 'in', ids.slice(i, i + 500)),
    );
    for (const row of rows) {
      out.push({
        ...factsOf(row),
        phone: row.phone,
        phoneKey: row.phone_key,
        email: row.email,
        emailKey: row.email_key,
        wechat: row.wechat,
      });
    }
  }
  return out;
}

/** Every unowned, open, live lead's facts: the pools' contents before paging. */
export function listPooledLeadFacts(db: Database, notOpen: readonly string[]): LeadPoolFacts[] {
  return selectAll(
    db,
    qb
      .selectFrom('leads')
      .select([...FACT_COLUMNS])
      .where('owner_id', 'is', null)
      .where('deleted_at', 'is', null)
      .where('is_history', '=', 0)
      .where('stage', 'not in', [...notOpen])
      .orderBy('created_at', 'desc')
      .orderBy('id'),
  ).map(factsOf);
}

/** A rep's open load as distribution keeps it (rep_open_loads). */
export function readOpenLoad(db: Database, repId: string): number {
  return (
    selectFirst(db, qb.selectFrom('rep_open_loads').select('open_count').where('rep_id', '=', repId))
      ?.open_count ?? 0
  );
}

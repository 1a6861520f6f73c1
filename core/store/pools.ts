// Repository for the public pools (schema version 12): the pools and their stored config, claims per pool, and the
// facts of leads that decide their pool.
import type { Database } from 'better-sqlite3';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Grade } from '../domain/funnel';
import { allCompiled, execute, getCompiled, qb, selectAll } from './sql';

export interface PoolRow {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly isDefault: boolean;
  /** The stored JSON text; the API parses and validates it. */
  readonly configJson: string;
  readonly updatedAt: number;
}

type PoolsRow = {
  id: string;
  name: string;
  position: number;
  is_default: number;
  config_json: string;
  updated_at: number;
};

/** Compiled once: every call a rep makes reads the pools (the masking gate). */
const LIST_POOL_ROWS = qb
  .selectFrom('pools')
  .select(['id', 'name', 'position', 'is_default', 'config_json', 'updated_at'])
  .where('deleted_at', 'is', null)
  .orderBy('position')
  .orderBy('id')
  .compile().sql;

/** Live pools, in stored order. */
export function listPoolRows(db: Database): PoolRow[] {
  return allCompiled<PoolsRow>(db, LIST_POOL_ROWS, []).map((row) => ({
    id: row.id,
    name: row.name,
    position: row.position,
    isDefault: row.is_default === 1,
    configJson: row.config_json,
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
        .where('is_default', '=', sql.lit(0))
        .where('deleted_at', 'is', null),
    ) === 1
  );
}

const COUNT_POOL_CLAIMS = qb
  .selectFrom('pool_claims')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('rep_id', '=', '')
  .where('pool_id', '=', '')
  .where('at', '>=', 0)
  .compile().sql;

/** Claims a rep made from one pool at or after `since` (epoch ms); on every claim's path, so compiled once. */
export function countPoolClaimsSince(db: Database, repId: string, poolId: string, since: number): number {
  return getCompiled<{ n: number }>(db, COUNT_POOL_CLAIMS, [repId, poolId, since])?.n ?? 0;
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

type ContactsRow = FactsRow & {
  phone: string | null;
  phone_key: string | null;
  email: string | null;
  email_key: string | null;
  wechat: string | null;
};

const CONTACT_COLUMNS = [...FACT_COLUMNS, 'phone', 'phone_key', 'email', 'email_key', 'wechat'] as const;
const CHUNK = 500;
/** The contacts query's SQL by how many ids it takes, compiled once per size (every rep answer runs it). */
const contactsSql = new Map<number, string>();

function contactsSqlFor(count: number): string {
  let text = contactsSql.get(count);
  if (text === undefined) {
    text = qb
      .selectFrom('leads')
      .select([...CONTACT_COLUMNS])
      .where(
        'id',
        'in',
        Array.from({ length: count }, () => ''),
      )
      .compile().sql;
    contactsSql.set(count, text);
  }
  return text;
}

/** Contacts of the given ids that are leads (deleted ones too: their data is no less private). */
export function readLeadContacts(db: Database, ids: readonly string[]): LeadContacts[] {
  const out: LeadContacts[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = allCompiled<ContactsRow>(db, contactsSqlFor(chunk.length), chunk);
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
      .where('is_history', '=', sql.lit(0))
      .where('stage', 'not in', [...notOpen])
      .orderBy('created_at', 'desc')
      .orderBy('id'),
  ).map(factsOf);
}

const OPEN_LOAD = qb.selectFrom('rep_open_loads').select('open_count').where('rep_id', '=', '').compile().sql;

/** A rep's open load as distribution keeps it (rep_open_loads); compiled once (every claim reads it). */
export function readOpenLoad(db: Database, repId: string): number {
  return getCompiled<{ open_count: number }>(db, OPEN_LOAD, [repId])?.open_count ?? 0;
}

/** The latest audit entries of one action (newest first): the pools' reveal log. */
export function listAuditOfAction(
  db: Database,
  action: string,
  limit: number,
): { at: number; actor: string; entityId: string | null; detail: unknown }[] {
  return selectAll(
    db,
    qb
      .selectFrom('audit_log')
      .select(['at', 'actor', 'entity_id', 'detail_json'])
      .where('action', '=', action)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit),
  ).map((row) => ({
    at: row.at,
    actor: row.actor,
    entityId: row.entity_id,
    detail: JSON.parse(row.detail_json) as unknown,
  }));
}

/**
 * `where` (when given) and only owned leads: for a rep's search by contact text, which must not find a pool lead
 * whose contact data is masked from them.
 */
export function ownedLeadsOnly(where: Expression<SqlBool> | undefined): Expression<SqlBool> {
  return where === undefined
    ? sql<SqlBool>`leads.owner_id IS NOT NULL`
    : sql<SqlBool>`(${where}) AND leads.owner_id IS NOT NULL`;
}

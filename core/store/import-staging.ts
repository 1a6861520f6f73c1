// Where a running import's new leads wait until the one transaction that commits its batch moves them into `leads`:
// a temporary table of the connection, or a scratch SQLite file written on a worker thread (lead-staging.ts in
// core/api/import), attached for the move. The layout says which columns every lead of the batch shares.
import type { Database, Statement } from 'better-sqlite3';
import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';
import type { Lead } from '../domain/lead';
import { markClosedLeadsChanged } from './closed-leads-stamp';
import { LEAD_COLUMNS, leadToRow, type LeadKeys, type LeadMeta } from './leads';
import type { LeadsTable } from './schema';
import { executeOnce, prepareQuery, qb, selectAll, selectFirst } from './sql';

/** Column values all the leads of one batch have (its id, its time, a new lead's stage and owner…). */
export type SharedLeadColumns = Partial<LeadsTable>;

/** How a batch's leads are staged: what they share (written once by the move), the columns staged per row. */
export interface StagingLayout {
  readonly shared: SharedLeadColumns;
  readonly columns: readonly (keyof LeadsTable)[];
  /** The shared columns as pairs, walked once per staged lead (a `for…in` over `shared` showed in the profile). */
  readonly sharedEntries: readonly (readonly [keyof LeadsTable, unknown])[];
}

export function stagingLayout(shared: SharedLeadColumns): StagingLayout {
  return {
    shared,
    columns: LEAD_COLUMNS.filter((column) => !Object.hasOwn(shared, column)),
    sharedEntries: LEAD_COLUMNS.filter((column) => Object.hasOwn(shared, column)).map(
      (column) => [column, shared[column]] as const,
    ),
  };
}

/**
 * A lead of a running import as its staging table holds it; it becomes visible when `moveStagedLeads` runs. A lead
 * that differs from the batch's shared columns is refused (it would be stored with the batch's values). Runs once
 * per imported lead, so plain indexed loops.
 */
export function stagedLeadValues(
  layout: StagingLayout,
  lead: Lead,
  keys: LeadKeys,
  meta: LeadMeta,
): unknown[] {
  const row = leadToRow(lead, keys, meta);
  const { sharedEntries, columns } = layout;
  for (let i = 0; i < sharedEntries.length; i += 1) {
    const [column, value] = sharedEntries[i] as readonly [keyof LeadsTable, unknown];
    if (row[column] !== value)
      throw new Error(
        `import staging: lead ${lead.id} has ${column} = ${String(row[column])}, not the batch's ${String(value)}`,
      );
  }
  const values = new Array<unknown>(columns.length);
  for (let i = 0; i < columns.length; i += 1) values[i] = row[columns[i] as keyof LeadsTable];
  return values;
}

/**
 * Where the rows of a running import wait, with no indexes and no triggers, until they move into `leads` in the one
 * transaction that commits the batch: a scratch SQLite file beside the upload, written on a worker thread and attached
 * for the move (attachImportStaging), or a temporary table of this connection (createImportStaging). Nothing in the
 * main file changes before that transaction, so a crashed or killed import leaves the database as it was.
 */
export interface ImportStaging {
  /** The staged rows' table, qualified by its schema (`temp.staged_<batch>`, `staging_<batch>.staged_leads`). */
  readonly table: string;
  readonly shared: SharedLeadColumns;
}

/**
 * The temporary table: no other connection sees it and it ends with the process; filled by `insert` (values in the
 * layout's column order) in the job's own transactions.
 */
export interface TempImportStaging extends ImportStaging {
  readonly insert: Statement;
}

/** The staged rows' table inside a scratch file. */
const SCRATCH_STAGING_TABLE = 'staged_leads';

/** The attached scratch file's schema name for one batch. */
const scratchSchemaOf = (batchId: string) => `staging_${batchId.replace(/[^A-Za-z0-9]/g, '_')}`;

/** A staging table's rows as the builder sees them: any of the lead columns, untyped (the table declares none). */
type StagedTables = Record<string, Partial<LeadsTable>>;

/** The builder, for the staging tables of running batches: their names are made per batch, not in the schema. */
const stagingQb = qb as unknown as Kysely<StagedTables>;

/** Creates the staging table of one batch (outside any transaction or inside one: it is the connection's own). */
export function createImportStaging(
  db: Database,
  batchId: string,
  { shared, columns }: StagingLayout,
): TempImportStaging {
  const table = `temp.staged_${batchId.replace(/[^A-Za-z0-9]/g, '_')}`;
  dropStagingTable(db, table);
  // BLOB affinity, as a column declared with no type has: values are stored as the import gives them.
  let create = stagingQb.schema.createTable(table);
  for (const column of columns) create = create.addColumn(column, 'blob');
  executeOnce(db, create);
  const placeholders = Object.fromEntries(columns.map((column) => [column, null]));
  return {
    table,
    shared,
    insert: prepareQuery(db, stagingQb.insertInto(table).values(placeholders)),
  };
}

/**
 * Moves every staged lead into `leads` (call inside the committing transaction); returns how many moved. Only leads
 * that count towards no rep's open load move in bulk — a new lead has no owner, a past one is history — since the
 * move does not update rep_open_loads (the repositories keep it, not a trigger: migration 0009).
 */
export function moveStagedLeads(db: Database, staging: ImportStaging): number {
  const { shared, table } = staging;
  if (shared.owner_id !== null && shared.is_history !== 1)
    throw new Error('import staging: only leads without an owner or past leads are moved in bulk');
  // Past leads may arrive closed, around applyOpenLoadChange: the closed leads' stamp moves here instead.
  markClosedLeadsChanged(db);
  const move = qb
    .insertInto('leads')
    .columns([...LEAD_COLUMNS])
    .expression(
      stagingQb
        .selectFrom(table)
        .select((eb) =>
          LEAD_COLUMNS.map((column) =>
            Object.hasOwn(shared, column) ? eb.val(shared[column]).as(column) : eb.ref(column).as(column),
          ),
        )
        .orderBy(sql`rowid`) as never,
    );
  const rebuilt = outnumbersStoredLeads(db, table) ? dropLeadIndexes(db) : [];
  const moved = executeOnce(db, move);
  for (const definition of rebuilt) executeOnce(db, rawQuery(sql.raw(definition)));
  return moved;
}

/**
 * How many times the leads already stored a batch must bring for the move to build the table's indexes once after
 * it instead of entering each row: a first import into a new workspace (an old CRM's past leads: 100k into none, the
 * move's CPU ~2.0 -> ~1.6 s at load 10), not an import among as many stored leads (94k onto 100k: 1.6 -> 2.4 s).
 */
const REBUILD_INDEXES_FACTOR = 4;

/** A raw statement compiled by the store's builder, for SQL text the schema itself holds (an index's definition). */
const rawQuery = (query: RawBuilder<unknown>) => ({ compile: () => query.compile(qb) });

function outnumbersStoredLeads(db: Database, table: string): boolean {
  const count = (query: Compilable<{ n: number }>) => selectFirst(db, query)?.n ?? 0;
  const staged = count(stagingQb.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')));
  const stored = count(qb.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')));
  return staged > 0 && stored * REBUILD_INDEXES_FACTOR <= staged;
}

/** Drops every index of `leads` but its primary key's (inside the move's transaction); returns their definitions. */
function dropLeadIndexes(db: Database): string[] {
  const indexes = selectAll(
    db,
    rawQuery(
      sql<{ name: string; definition: string }>`SELECT name, sql AS definition FROM sqlite_master
        WHERE type = 'index' AND tbl_name = 'leads' AND sql IS NOT NULL ORDER BY rowid`,
    ),
  ) as { name: string; definition: string }[];
  for (const { name } of indexes) executeOnce(db, qb.schema.dropIndex(name));
  return indexes.map((index) => index.definition);
}

/**
 * The SQL a scratch file's own connection (the staging writer's) runs: create the staged rows' table (BLOB affinity,
 * as in the temporary table), insert one row (values in the layout's column order).
 */
export function scratchStagingSql({ columns }: StagingLayout): { createSql: string; insertSql: string } {
  let create = stagingQb.schema.createTable(SCRATCH_STAGING_TABLE);
  for (const column of columns) create = create.addColumn(column, 'blob');
  const placeholders = Object.fromEntries(columns.map((column) => [column, null]));
  return {
    createSql: create.compile().sql,
    insertSql: stagingQb.insertInto(SCRATCH_STAGING_TABLE).values(placeholders).compile().sql,
  };
}

/**
 * Attaches the closed scratch file of one batch for the move, read through memory mapping (the move reads it once,
 * start to end). Call outside any transaction (SQLite refuses ATTACH inside one).
 */
export function attachImportStaging(
  db: Database,
  batchId: string,
  path: string,
  { shared }: StagingLayout,
): ImportStaging {
  const schema = scratchSchemaOf(batchId);
  executeOnce(db, { compile: () => sql`ATTACH DATABASE ${path} AS ${sql.id(schema)}`.compile(qb) });
  db.pragma(`${schema}.mmap_size = ${1024 * 1024 * 1024}`);
  return { table: `${schema}.${SCRATCH_STAGING_TABLE}`, shared };
}

/**
 * Lets go of a batch's staged rows once they moved or the import stopped (outside any transaction): drops the
 * temporary table or detaches the scratch file (the caller deletes the file).
 */
export function dropImportStaging(db: Database, staging: ImportStaging): void {
  const [schema] = staging.table.split('.');
  if (schema === 'temp') dropStagingTable(db, staging.table);
  else if (schema) executeOnce(db, { compile: () => sql`DETACH DATABASE ${sql.id(schema)}`.compile(qb) });
}

function dropStagingTable(db: Database, table: string): void {
  executeOnce(db, stagingQb.schema.dropTable(table).ifExists());
}

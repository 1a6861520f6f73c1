// Where a running import's new leads wait until the one transaction that commits its batch moves them into `leads`:
// a temporary table of the connection. The layout says which columns every lead of the batch shares.
import type { Database, Statement } from 'better-sqlite3';
import { sql, type Kysely, type RawBuilder } from 'kysely';
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
 * transaction that commits the batch: a temporary table of this connection, filled by `insert` (values in the
 * layout's column order) in the job's own transactions. No other connection sees it and it ends with the process:
 * nothing in the database file changes before that transaction, so a crashed or killed import leaves it as it was.
 * (A scratch file written by a worker thread saved 6.6% of import_100k_s on a quiet machine, under the 10% an
 * optimisation must save to stay: README, import ablation.)
 */
export interface TempImportStaging {
  /** The staged rows' table, `temp.staged_<batch>`. */
  readonly table: string;
  readonly shared: SharedLeadColumns;
  readonly insert: Statement;
}

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
 * Moves the `staged` leads of the staging into `leads` (call inside the committing transaction); returns how many
 * moved. Only leads that count towards no rep's open load move in bulk — a new lead has no owner, a past one is
 * history — since the move does not update rep_open_loads (the repositories keep it, not a trigger: migration 0009).
 */
export function moveStagedLeads(db: Database, staging: TempImportStaging, staged: number): number {
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
  const rebuilt = outnumbersStoredLeads(db, staged) ? dropLeadIndexes(db, shared) : [];
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
const rawQuery = <R>(query: RawBuilder<R>) => ({ compile: () => query.compile(qb) });

/** Whether `staged` rows (the job counted them: no scan of the staged table) are at least 4x the stored leads. */
function outnumbersStoredLeads(db: Database, staged: number): boolean {
  const stored =
    selectFirst(
      db,
      qb.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0;
  return staged > 0 && stored * REBUILD_INDEXES_FACTOR <= staged;
}

/**
 * Drops the indexes of `leads` the batch's rows would enter (inside the move's transaction); returns their
 * definitions. Kept: the primary key's (no SQL of its own), and a partial index whose condition names only columns
 * the batch shares and is false for them (a new batch's leads are in no index of owned, closed, deleted or past
 * leads) — it gains no row, and building it again would read every lead for nothing.
 */
function dropLeadIndexes(db: Database, shared: SharedLeadColumns): string[] {
  const indexes = selectAll(
    db,
    rawQuery(
      sql<{ name: string; definition: string }>`SELECT name, sql AS definition FROM sqlite_master
        WHERE type = 'index' AND tbl_name = 'leads' AND sql IS NOT NULL ORDER BY rowid`,
    ),
  ) as { name: string; definition: string }[];
  const dropped = indexes.filter((index) => !isNeverEntered(db, index.definition, shared));
  for (const { name } of dropped) executeOnce(db, qb.schema.dropIndex(name));
  return dropped.map((index) => index.definition);
}

/** Whether a partial index's condition (from its definition) is false for any row with the `shared` values. */
function isNeverEntered(db: Database, definition: string, shared: SharedLeadColumns): boolean {
  const condition = /\)\s+WHERE\s+([\s\S]+)$/i.exec(definition)?.[1];
  if (!condition) return false;
  const named = LEAD_COLUMNS.filter((column) => new RegExp(`\\b${column}\\b`).test(condition));
  if (!named.every((column) => Object.hasOwn(shared, column))) return false;
  // The condition, as the index's own SQL text, over one row of the shared values.
  const values = sql.join(named.map((column) => sql`${shared[column]} AS ${sql.id(column)}`));
  const holds = selectFirst(
    db,
    rawQuery(sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT ${values}) WHERE ${sql.raw(condition)}`),
  );
  return holds?.n === 0;
}

/** Lets go of a batch's staged rows once they moved or the import stopped: drops the temporary table. */
export function dropImportStaging(db: Database, staging: TempImportStaging): void {
  dropStagingTable(db, staging.table);
}

function dropStagingTable(db: Database, table: string): void {
  executeOnce(db, stagingQb.schema.dropTable(table).ifExists());
}

// Repository for what distribution needs from the store: method state per rule, open loads (kept by the repositories),
// today's counts, existing-customer owners, lead owners, and the rows behind replays and fairness figures.
import type { Database } from 'better-sqlite3';
import { sql, type Selectable } from 'kysely';
import type { Lead } from '../domain/lead';
import { asRepId, type RepId } from '../domain/ids';
import { rowToAssignment, type AssignmentRecord } from './assignments';
import { rowToLead } from './leads';
import { applyOpenLoadChange, readLoadFacts } from './rep-loads';
import type { LeadsTable } from './schema';
import { allCompiled, getCompiled, qb, runCompiled, selectAll, selectFirst } from './sql';

export interface RuleMethodState {
  readonly pointers: Record<string, RepId>;
  readonly credits: Record<string, Record<string, number>>;
}

// The reads and writes below run for every new lead: each is compiled once, not per call (it showed in profiles).
const RULE_STATE_SQL = qb.selectFrom('distribution_rule_state').selectAll().compile().sql;
/** Parameters: rule id, pointer, credits JSON, time. */
const SAVE_RULE_STATE_SQL = qb
  .insertInto('distribution_rule_state')
  .values({ rule_id: '', pointer: null, credits_json: '', updated_at: 0 })
  .onConflict((oc) =>
    oc.column('rule_id').doUpdateSet((eb) => ({
      pointer: eb.ref('excluded.pointer'),
      credits_json: eb.ref('excluded.credits_json'),
      updated_at: eb.ref('excluded.updated_at'),
    })),
  )
  .compile().sql;
const OPEN_LOADS_SQL = qb.selectFrom('rep_open_loads').selectAll().compile().sql;
const DAY_COUNTS_SQL = qb
  .selectFrom('rep_day_counts')
  .select(['rep_id', 'n'])
  .where('day', '=', 0)
  .compile().sql;
const CHANGE_TOKENS_SQL = qb.selectFrom('distribution_versions').selectAll().compile().sql;
/** Parameters: owner, time, lead id. */
const SET_OWNER_SQL = qb
  .updateTable('leads')
  .set({ owner_id: '', updated_at: 0 })
  .where('id', '=', '')
  .compile().sql;

/** SQL text by number of ids, for queries taking a chunk of lead ids (one id per new lead, 500 per full chunk). */
function compiledPerCount(compile: (ids: readonly string[]) => string): (count: number) => string {
  const byCount = new Map<number, string>();
  return (count) => {
    let text = byCount.get(count);
    if (text === undefined) {
      text = compile(Array.from({ length: count }, () => ''));
      byCount.set(count, text);
    }
    return text;
  };
}

export function readRuleMethodState(db: Database): RuleMethodState {
  const pointers: Record<string, RepId> = {};
  const credits: Record<string, Record<string, number>> = {};
  for (const row of allCompiled<{ rule_id: string; pointer: string | null; credits_json: string }>(
    db,
    RULE_STATE_SQL,
    [],
  )) {
    if (row.pointer !== null) pointers[row.rule_id] = asRepId(row.pointer);
    const perRep = JSON.parse(row.credits_json) as Record<string, number>;
    if (Object.keys(perRep).length > 0) credits[row.rule_id] = perRep;
  }
  return { pointers, credits };
}

/** Writes the rules whose pointer or credits changed between `before` and `after`. */
export function writeRuleMethodState(
  db: Database,
  before: RuleMethodState,
  after: {
    readonly pointers: Readonly<Record<string, RepId>>;
    readonly credits: Readonly<Record<string, Readonly<Record<string, number>>>>;
  },
  now: number,
): void {
  const ruleIds = new Set([...Object.keys(after.pointers), ...Object.keys(after.credits)]);
  for (const ruleId of ruleIds) {
    const pointer = after.pointers[ruleId] ?? null;
    const creditsJson = JSON.stringify(after.credits[ruleId] ?? {});
    if (
      (before.pointers[ruleId] ?? null) === pointer &&
      JSON.stringify(before.credits[ruleId] ?? {}) === creditsJson
    )
      continue;
    runCompiled(db, SAVE_RULE_STATE_SQL, [ruleId, pointer, creditsJson, now]);
  }
}

/** Open leads per rep, kept by the repositories that write leads (rep-loads.ts). */
export function readOpenLoads(db: Database): Record<string, number> {
  const loads: Record<string, number> = {};
  for (const row of allCompiled<{ rep_id: string; open_count: number }>(db, OPEN_LOADS_SQL, []))
    loads[row.rep_id] = row.open_count;
  return loads;
}

/** Leads handed to each rep on a local day (`localDayNumber`), counted as assignments are appended (rep-loads.ts). */
export function countAssignedOnDay(db: Database, day: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of allCompiled<{ rep_id: string; n: number }>(db, DAY_COUNTS_SQL, [day]))
    counts[row.rep_id] = row.n;
  return counts;
}

interface AffinityKeys {
  readonly phoneKey: string | null;
  readonly emailKey: string | null;
  readonly companyKey: string | null;
  readonly companyNameKey: string | null;
}

const KEY_COLUMNS = ['phone_key', 'email_key', 'company_key', 'company_name_key'] as const;
type KeyColumn = (typeof KEY_COLUMNS)[number];

/** Other live leads with an owner holding the key (parameters: the key, the lead itself). */
function ownedByKey(column: KeyColumn) {
  return qb
    .selectFrom('leads')
    .where(column, '=', '')
    .where('owner_id', 'is not', null)
    .where('deleted_at', 'is', null)
    .where('id', '!=', '');
}

function compiledPerKey(compile: (column: KeyColumn) => string): Readonly<Record<KeyColumn, string>> {
  return Object.fromEntries(KEY_COLUMNS.map((column) => [column, compile(column)])) as Record<
    KeyColumn,
    string
  >;
}

/** Per key column, the newest other live lead's owner: compiled once (three or four run for every new lead). */
const OWNER_BY_KEY = compiledPerKey(
  (column) =>
    ownedByKey(column).select('owner_id').orderBy('updated_at', 'desc').limit(sql.lit(1)).compile().sql,
);

/**
 * Per key column, whether any other live lead with an owner holds the key: the index probe alone. Most new leads
 * share no key, and the owner read sorts by recency even for no row (a sorter per query, ~25 us each on the
 * distribution API bench; 2026-12-03).
 */
const ANY_OWNED_BY_KEY = compiledPerKey(
  (column) => ownedByKey(column).select('id').limit(sql.lit(1)).compile().sql,
);

function ownerByKey(db: Database, column: KeyColumn, value: string, excludeLeadId: string): RepId | null {
  if (getCompiled(db, ANY_OWNED_BY_KEY[column], [value, excludeLeadId]) === undefined) return null;
  const row = getCompiled<{ owner_id: string | null }>(db, OWNER_BY_KEY[column], [value, excludeLeadId]);
  return row?.owner_id ? asRepId(row.owner_id) : null;
}

/** The rep who already owns this contact (same phone, email, or person at the company), else the company. */
export function findExistingOwners(
  db: Database,
  leadId: string,
  keys: AffinityKeys,
): { readonly byContact: RepId | null; readonly byCompany: RepId | null } {
  let byContact: RepId | null = null;
  for (const [column, value] of [
    ['phone_key', keys.phoneKey],
    ['email_key', keys.emailKey],
    ['company_name_key', keys.companyNameKey],
  ] as const) {
    if (value === null || byContact !== null) continue;
    byContact = ownerByKey(db, column, value, leadId);
  }
  const byCompany = keys.companyKey === null ? null : ownerByKey(db, 'company_key', keys.companyKey, leadId);
  return { byContact, byCompany };
}

const AFFINITY_KEYS_SQL = compiledPerCount(
  (ids) =>
    qb
      .selectFrom('leads')
      .select(['id', 'phone_key', 'email_key', 'company_key', 'company_name_key'])
      .where('id', 'in', ids)
      .compile().sql,
);

export function readAffinityKeys(db: Database, leadIds: readonly string[]): Map<string, AffinityKeys> {
  const keys = new Map<string, AffinityKeys>();
  for (let i = 0; i < leadIds.length; i += 500) {
    const chunk = leadIds.slice(i, i + 500);
    const rows = allCompiled<{
      id: string;
      phone_key: string | null;
      email_key: string | null;
      company_key: string | null;
      company_name_key: string | null;
    }>(db, AFFINITY_KEYS_SQL(chunk.length), chunk);
    for (const row of rows)
      keys.set(row.id, {
        phoneKey: row.phone_key,
        emailKey: row.email_key,
        companyKey: row.company_key,
        companyNameKey: row.company_name_key,
      });
  }
  return keys;
}

const LEADS_BY_IDS_SQL = compiledPerCount(
  (ids) =>
    qb.selectFrom('leads').selectAll().where('id', 'in', ids).where('deleted_at', 'is', null).compile().sql,
);

export function findLeadsByIds(db: Database, leadIds: readonly string[]): Lead[] {
  const leads: Lead[] = [];
  for (let i = 0; i < leadIds.length; i += 500) {
    const chunk = leadIds.slice(i, i + 500);
    const rows = allCompiled<Selectable<LeadsTable>>(db, LEADS_BY_IDS_SQL(chunk.length), chunk);
    for (const row of rows) leads.push(rowToLead(row));
  }
  return leads;
}

/** Live, non-history leads nobody owns, oldest first. */
export function listPoolLeadIds(db: Database, limit: number): string[] {
  return selectAll(
    db,
    qb
      .selectFrom('leads')
      .select('id')
      .where('owner_id', 'is', null)
      .where('deleted_at', 'is', null)
      .where('is_history', '=', sql.lit(0))
      .where('stage', 'not in', ['won', 'lost', 'nurture'])
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit),
  ).map((row) => row.id);
}

/** Changes only the owner (and updatedAt): distribution never touches anything else on the lead. */
export function setLeadOwner(db: Database, leadId: string, repId: string | null, now: number): void {
  const before = readLoadFacts(db, leadId);
  runCompiled(db, SET_OWNER_SQL, [repId, now, leadId]);
  if (before !== null) applyOpenLoadChange(db, before, { ...before, ownerId: repId });
}

export function findAssignmentById(db: Database, id: string): AssignmentRecord | undefined {
  const row = selectFirst(db, qb.selectFrom('assignments').selectAll().where('id', '=', id));
  return row ? rowToAssignment(row) : undefined;
}

export function findLatestAssignment(db: Database, leadId: string): AssignmentRecord | undefined {
  const row = selectFirst(
    db,
    qb
      .selectFrom('assignments')
      .selectAll()
      .where('lead_id', '=', leadId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(sql.lit(1)),
  );
  return row ? rowToAssignment(row) : undefined;
}

/** A lead's existing-customer keys as the replay tracks them: contact keys (tagged by kind) in lookup order, then the company's. */
function customerKeysOf(row: {
  phone_key: string | null;
  email_key: string | null;
  company_name_key: string | null;
  company_key: string | null;
}): { contact: string[]; company: string | null } {
  const contact: string[] = [];
  if (row.phone_key !== null) contact.push(`phone:${row.phone_key}`);
  if (row.email_key !== null) contact.push(`email:${row.email_key}`);
  if (row.company_name_key !== null) contact.push(`person:${row.company_name_key}`);
  return { contact, company: row.company_key };
}

/** Owners of customers known before `at` (leads created before it, as owned now; the latest updated wins), by key. */
export function customerOwnersBefore(
  db: Database,
  at: number,
): { byContact: Record<string, RepId>; byCompany: Record<string, RepId> } {
  const byContact: Record<string, RepId> = {};
  const byCompany: Record<string, RepId> = {};
  const rows = selectAll(
    db,
    qb
      .selectFrom('leads')
      .select(['owner_id', 'phone_key', 'email_key', 'company_name_key', 'company_key'])
      .where('created_at', '<', at)
      .where('owner_id', 'is not', null)
      .where('deleted_at', 'is', null)
      .orderBy('updated_at')
      .orderBy('id'),
  );
  for (const row of rows) {
    const owner = asRepId(row.owner_id ?? '');
    const keys = customerKeysOf(row);
    for (const key of keys.contact) byContact[key] = owner;
    if (keys.company !== null) byCompany[keys.company] = owner;
  }
  return { byContact, byCompany };
}

/**
 * Live leads created in [from, to), in arrival order, who first got each (else its owner), and each lead's
 * existing-customer keys.
 */
export function listLeadsForReplay(
  db: Database,
  from: number,
  to: number,
): {
  leads: Lead[];
  actual: Record<string, RepId | null>;
  customerKeys: Record<string, { contact: string[]; company: string | null }>;
} {
  const rows = selectAll(
    db,
    qb
      .selectFrom('leads')
      .selectAll()
      .select(
        sql<
          string | null
        >`(SELECT a.rep_id FROM assignments a WHERE a.lead_id = leads.id AND a.rep_id IS NOT NULL ORDER BY a.at, a.id LIMIT 1)`.as(
          'first_rep_id',
        ),
      )
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id'),
  );
  const actual: Record<string, RepId | null> = {};
  const customerKeys: Record<string, { contact: string[]; company: string | null }> = {};
  const leads = rows.map((row) => {
    const lead = rowToLead(row);
    const first = row.first_rep_id ?? row.owner_id;
    actual[lead.id] = first === null ? null : asRepId(first);
    customerKeys[lead.id] = customerKeysOf(row);
    return lead;
  });
  return { leads, actual, customerKeys };
}

/** Open leads per rep at `at`: created before it, owned, and not closed by then (replay starting loads). */
export function openLoadsAt(db: Database, at: number): Record<string, number> {
  const rows = selectAll(
    db,
    qb
      .selectFrom('leads')
      .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('owner_id', 'is not', null)
      .where('deleted_at', 'is', null)
      .where('created_at', '<', at)
      .where((eb) =>
        eb.or([
          eb('stage', 'not in', ['won', 'lost', 'nurture']),
          eb('closed_at', '>=', at),
          eb.and([eb('closed_at', 'is', null), eb('updated_at', '>=', at)]),
        ]),
      )
      .groupBy('owner_id'),
  );
  const loads: Record<string, number> = {};
  for (const row of rows) if (row.owner_id !== null) loads[row.owner_id] = row.n;
  return loads;
}

/** Tokens that change whenever reps or rule sets change (kept by triggers). */
export function readChangeTokens(db: Database): { reps: number; rules: number } {
  const tokens = { reps: 0, rules: 0 };
  for (const row of allCompiled<{ key: string; token: number }>(db, CHANGE_TOKENS_SQL, [])) {
    if (row.key === 'reps' || row.key === 'rules') tokens[row.key] = row.token;
  }
  return tokens;
}

// Duplicate leads: matching keys (phone, email, company + name), an index of existing leads, duplicate groups and merging.
import type { LeadId } from './ids';
import type { Bant, BehaviourEvent, Lead } from './lead';
import { companyKey } from './normalize/company';
import type { MergeableField } from './mergeable-fields';
import { nameKey } from './normalize/name';
import { normalizeEmail } from './normalize/email';
import { normalizePhone, formatPhone } from './normalize/phone';

export type DedupeKeyKind = 'phone' | 'email' | 'companyName';
export const DEDUPE_KEY_KINDS: readonly DedupeKeyKind[] = ['phone', 'email', 'companyName'];

/** What dedupe looks at; a Lead or an import draft both fit. */
export interface DedupeSubject {
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly company: string | null;
}

export interface DedupeKeys {
  readonly phone: string | null;
  readonly email: string | null;
  readonly companyName: string | null;
}

/**
 * The matching keys of a lead. Invariants: a key is null when its inputs are missing or invalid, so two leads
 * never match on an empty value; the company+name key needs both a company and a name.
 */
export function dedupeKeys(lead: DedupeSubject): DedupeKeys {
  const { phone, email, companyName } = storedMatchKeys(lead);
  return { phone, email, companyName };
}

/**
 * The dedupe keys plus the company key on its own (what a lead stores for "a company a rep already owns"), each
 * normalization done once. Invariants as for `dedupeKeys`; `company` is null when the company normalizes to nothing.
 */
export function storedMatchKeys(lead: DedupeSubject): DedupeKeys & { readonly company: string | null } {
  let phone: string | null = null;
  if (lead.phone) {
    const result = normalizePhone(lead.phone);
    if (result.isValid) phone = formatPhone(result);
  }
  let email: string | null = null;
  if (lead.email) {
    const result = normalizeEmail(lead.email);
    if (result.isValid) email = result.normalized;
  }
  const company = lead.company ? companyKey(lead.company) : '';
  let companyName: string | null = null;
  if (company !== '' && lead.name) {
    const name = nameKey(lead.name);
    if (name !== '') companyName = `${company}|${name}`;
  }
  return { phone, email, companyName, company: company || null };
}

export interface DedupeIndex {
  readonly byKind: Readonly<Record<DedupeKeyKind, ReadonlyMap<string, readonly LeadId[]>>>;
  readonly size: number;
}

/** Indexes existing leads by every dedupe key. Ids under one key keep the input order. */
export function buildDedupeIndex(leads: Iterable<DedupeSubject & { readonly id: LeadId }>): DedupeIndex {
  const byKind: Record<DedupeKeyKind, Map<string, LeadId[]>> = {
    phone: new Map(),
    email: new Map(),
    companyName: new Map(),
  };
  let size = 0;
  for (const lead of leads) {
    size += 1;
    const keys = dedupeKeys(lead);
    for (const kind of DEDUPE_KEY_KINDS) {
      const key = keys[kind];
      if (key === null) continue;
      const ids = byKind[kind].get(key);
      if (ids) ids.push(lead.id);
      else byKind[kind].set(key, [lead.id]);
    }
  }
  return { byKind, size };
}

export interface ExistingMatch {
  readonly leadId: LeadId;
  /** Which keys matched, in DEDUPE_KEY_KINDS order. */
  readonly by: readonly DedupeKeyKind[];
}

export interface BatchMatch {
  /** Position of the earlier new lead in the same batch. */
  readonly index: number;
  readonly by: readonly DedupeKeyKind[];
}

export interface DuplicateMatch {
  /** Position of the new lead in the input. */
  readonly index: number;
  readonly existing: readonly ExistingMatch[];
  readonly earlierInBatch: readonly BatchMatch[];
}

/**
 * For each new lead that matches something, which existing leads (from the index) and which earlier leads of the
 * same batch it matches, and by which keys. Leads with no match are left out. Output is ordered by `index`;
 * `existing` keeps the index's order, so the first entry is the oldest-indexed match.
 */
export function findDuplicateMatches(
  newLeads: readonly DedupeSubject[],
  index: DedupeIndex,
): DuplicateMatch[] {
  const seen: Record<DedupeKeyKind, Map<string, number[]>> = {
    phone: new Map(),
    email: new Map(),
    companyName: new Map(),
  };
  const matches: DuplicateMatch[] = [];
  newLeads.forEach((lead, position) => {
    const keys = dedupeKeys(lead);
    const existing = new Map<LeadId, DedupeKeyKind[]>();
    const earlier = new Map<number, DedupeKeyKind[]>();
    for (const kind of DEDUPE_KEY_KINDS) {
      const key = keys[kind];
      if (key === null) continue;
      for (const id of index.byKind[kind].get(key) ?? []) appendKind(existing, id, kind);
      const before = seen[kind].get(key);
      if (before) {
        for (const other of before) appendKind(earlier, other, kind);
        before.push(position);
      } else {
        seen[kind].set(key, [position]);
      }
    }
    if (existing.size > 0 || earlier.size > 0) {
      matches.push({
        index: position,
        existing: [...existing].map(([leadId, by]) => ({ leadId, by })),
        earlierInBatch: [...earlier].sort((a, b) => a[0] - b[0]).map(([other, by]) => ({ index: other, by })),
      });
    }
  });
  return matches;
}

export interface DuplicateGroup {
  /** Sorted ascending; at least two ids. */
  readonly leadIds: readonly LeadId[];
  /** Keys that linked members of the group, in DEDUPE_KEY_KINDS order. */
  readonly by: readonly DedupeKeyKind[];
}

/**
 * Groups existing leads that are duplicates of each other, transitively (A shares a phone with B, B an email with C:
 * one group). Invariants: every id appears in at most one group; groups have two or more members; output is
 * independent of input order (groups sorted by their first id).
 */
export function groupDuplicates(
  leads: readonly (DedupeSubject & { readonly id: LeadId })[],
): DuplicateGroup[] {
  const sorted = [...leads].sort((a, b) => compareIds(a.id, b.id));
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    let node = i;
    while (parent[node] !== root) {
      const next = parent[node] ?? root;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  const linkedBy = new Map<number, Set<DedupeKeyKind>>();
  const firstWithKey: Record<DedupeKeyKind, Map<string, number>> = {
    phone: new Map(),
    email: new Map(),
    companyName: new Map(),
  };
  sorted.forEach((lead, i) => {
    const keys = dedupeKeys(lead);
    for (const kind of DEDUPE_KEY_KINDS) {
      const key = keys[kind];
      if (key === null) continue;
      const first = firstWithKey[kind].get(key);
      if (first === undefined) {
        firstWithKey[kind].set(key, i);
        continue;
      }
      const a = find(first);
      const b = find(i);
      const root = Math.min(a, b);
      const merged = new Set([...(linkedBy.get(a) ?? []), ...(linkedBy.get(b) ?? []), kind]);
      parent[a] = root;
      parent[b] = root;
      linkedBy.set(root, merged);
    }
  });
  const members = new Map<number, LeadId[]>();
  sorted.forEach((lead, i) => {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(lead.id);
    else members.set(root, [lead.id]);
  });
  const groups: DuplicateGroup[] = [];
  for (const [root, ids] of members) {
    if (ids.length < 2) continue;
    const kinds = linkedBy.get(root) ?? new Set<DedupeKeyKind>();
    groups.push({ leadIds: ids, by: DEDUPE_KEY_KINDS.filter((kind) => kinds.has(kind)) });
  }
  return groups.sort((a, b) => compareIds(a.leadIds[0] ?? '', b.leadIds[0] ?? ''));
}

/** Per field, whose value wins; fields not listed keep the target's value unless it is empty. */
export type MergeChoices = Partial<Record<MergeableField, 'target' | 'source'>>;

/**
 * Merges `source` into `target`. Invariants: the result keeps target's id, owner, stage, score and grade;
 * an empty target field (null, '' or 0 cost) is filled from source; `choices` override field by field;
 * custom fields and BANT are filled key by key; events are the union, deduplicated by (kind, at) and sorted by `at`;
 * createdAt is the earlier of the two, updatedAt the later; the result is history only if both were.
 */
export function mergeLeads(target: Lead, source: Lead, choices: MergeChoices = {}): Lead {
  const pick = <K extends MergeableField>(field: K): Lead[K] => {
    const choice = choices[field];
    if (choice === 'source') return source[field];
    if (choice === 'target') return target[field];
    return isEmptyValue(target[field]) ? source[field] : target[field];
  };
  const targetBant = Object.fromEntries(
    Object.entries(target.bant).filter(([, value]) => value !== null && value !== undefined),
  );
  const bant: Bant = { ...source.bant, ...targetBant };
  const customFields: Record<string, string> = { ...source.customFields };
  for (const [key, value] of Object.entries(target.customFields)) {
    if (value !== '' || customFields[key] === undefined) customFields[key] = value;
  }
  return {
    ...target,
    name: pick('name'),
    phone: pick('phone'),
    email: pick('email'),
    wechat: pick('wechat'),
    company: pick('company'),
    title: pick('title'),
    industry: pick('industry'),
    region: pick('region'),
    companySize: pick('companySize'),
    product: pick('product'),
    source: pick('source'),
    campaign: pick('campaign'),
    costFen: pick('costFen'),
    needs: pick('needs'),
    bant,
    customFields,
    events: mergeEvents(target.events, source.events),
    createdAt: Math.min(target.createdAt, source.createdAt),
    updatedAt: Math.max(target.updatedAt, source.updatedAt),
    isHistory: target.isHistory && source.isHistory,
  };
}

function mergeEvents(a: readonly BehaviourEvent[], b: readonly BehaviourEvent[]): BehaviourEvent[] {
  const seen = new Set<string>();
  const out: BehaviourEvent[] = [];
  for (const event of [...a, ...b]) {
    const key = `${event.kind}@${event.at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(event);
  }
  // Stable sort: equal timestamps keep target-first order.
  return out.sort((x, y) => x.at - y.at);
}

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === 0;
}

function appendKind<K>(map: Map<K, DedupeKeyKind[]>, key: K, kind: DedupeKeyKind): void {
  const kinds = map.get(key);
  if (kinds) {
    if (!kinds.includes(kind)) kinds.push(kind);
  } else {
    map.set(key, [kind]);
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

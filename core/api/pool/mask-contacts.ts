// The one gate that keeps a pool lead's contact data from a rep who has not claimed it: every answer and pushed
// event for a rep passes through here, whatever call or event produced it, so no handler can forget to mask.
import type { Database } from 'better-sqlite3';
import { MASKERS } from '../../domain/pool/mask';
import { readLeadPoolFacts } from '../../store/pools';
import { poolOf, readPools } from './pools-read';

const CONTACT_KEYS = Object.keys(MASKERS);

type Found = { readonly leadId: string | null; readonly node: Record<string, unknown> };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The lead an object speaks of: its `leadId`, else its `id`, else the enclosing object's. */
function leadIdOf(node: Record<string, unknown>, inherited: string | null): string | null {
  if (typeof node['leadId'] === 'string') return node['leadId'];
  if (typeof node['id'] === 'string') return node['id'];
  return inherited;
}

function collect(value: unknown, inherited: string | null, out: Found[], depth: number): void {
  if (depth > 12) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, inherited, out, depth + 1);
    return;
  }
  if (!isPlainObject(value)) return;
  const leadId = leadIdOf(value, inherited);
  if (CONTACT_KEYS.some((key) => typeof value[key] === 'string')) out.push({ leadId, node: value });
  for (const child of Object.values(value)) collect(child, leadId, out, depth + 1);
}

/** The ids among `ids` whose contact data this rep may not see: unowned leads in a pool that masks. */
export function findMaskedLeadIds(db: Database, ids: readonly string[]): Set<string> {
  const facts = readLeadPoolFacts(db, ids);
  const masked = new Set<string>();
  if (facts.size === 0) return masked;
  const pools = readPools(db);
  for (const lead of facts.values()) {
    if (lead.ownerId === null && poolOf(pools, lead).masksContacts) masked.add(lead.id);
  }
  return masked;
}

/**
 * `value` with phone, email and WeChat masked wherever they belong to a pool lead the rep has not claimed. Objects
 * are copied, never changed in place (an answer may share objects with a cache).
 */
export function maskPoolContactsForRep<T>(db: Database, value: T): T {
  const found: Found[] = [];
  collect(value, null, found, 0);
  if (found.length === 0) return value;
  const ids = found.flatMap((f) => (f.leadId === null ? [] : [f.leadId]));
  const masked = findMaskedLeadIds(db, ids);
  if (masked.size === 0) return value;
  const replace = new Map<Record<string, unknown>, Record<string, unknown>>();
  for (const { leadId, node } of found) {
    if (leadId === null || !masked.has(leadId)) continue;
    const copy = { ...node };
    for (const key of CONTACT_KEYS) {
      const raw = copy[key];
      const mask = MASKERS[key];
      if (typeof raw === 'string' && raw !== '' && mask) copy[key] = mask(raw);
    }
    replace.set(node, copy);
  }
  return rebuild(value, replace) as T;
}

function rebuild(
  value: unknown,
  replace: ReadonlyMap<Record<string, unknown>, Record<string, unknown>>,
): unknown {
  if (Array.isArray(value)) return value.map((item) => rebuild(item, replace));
  if (!isPlainObject(value)) return value;
  const base = replace.get(value) ?? value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(base)) out[key] = rebuild(child, replace);
  return out;
}

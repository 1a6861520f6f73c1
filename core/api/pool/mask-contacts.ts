// The one gate that keeps a pool lead's contact data from a rep who has not claimed it: every answer and pushed
// event for a rep passes through here, whatever call or event produced it, so no handler can forget to mask. Any
// lead the answer names (an `id` or `leadId`) that sits unclaimed in a masking pool has its phone, email and WeChat
// replaced wherever they appear in the answer — in contact fields, and inside any other string (a score's
// explanation quoting the value, a notification's words).
import type { Database } from 'better-sqlite3';
import { maskEmail, maskPhone, maskWechat } from '../../domain/pool/mask';
import { readLeadContacts } from '../../store/pools';
import { poolOf, readPools } from './pools-read';

const ID_KEYS = new Set(['id', 'leadId']);
const MAX_DEPTH = 16;

function collectIds(value: unknown, out: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, out, depth + 1);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (ID_KEYS.has(key) && typeof child === 'string') out.add(child);
    else collectIds(child, out, depth + 1);
  }
}

/** Each secret as it may be written (as typed, digits only), with its mask; longest first. */
type Replacement = readonly [secret: string, masked: string];

function replacementsOf(lead: {
  phone: string | null;
  phoneKey: string | null;
  email: string | null;
  emailKey: string | null;
  wechat: string | null;
}): Replacement[] {
  const out: Replacement[] = [];
  for (const phone of [lead.phone, lead.phoneKey]) {
    if (!phone) continue;
    const masked = maskPhone(phone);
    out.push([phone, masked]);
    const digits = phone.replace(/\D/g, '');
    if (digits.length >= 7) out.push([digits, masked]);
  }
  for (const email of [lead.email, lead.emailKey]) {
    if (email) out.push([email, maskEmail(email)]);
  }
  if (lead.email?.includes('@')) {
    const local = lead.email.slice(0, lead.email.lastIndexOf('@'));
    if (local.length >= 4) out.push([local, `${local.slice(0, 1)}***`]);
  }
  if (lead.wechat) out.push([lead.wechat, maskWechat(lead.wechat)]);
  return out.sort((a, b) => b[0].length - a[0].length);
}

function scrub(value: unknown, replacements: readonly Replacement[], depth: number): unknown {
  if (typeof value === 'string') {
    let text = value;
    for (const [secret, masked] of replacements)
      if (text.includes(secret)) text = text.split(secret).join(masked);
    return text;
  }
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, replacements, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[key] = scrub(child, replacements, depth + 1);
  return out;
}

/** The ids among `ids` whose contact data a rep may not see: unowned leads in a pool that masks. */
export function findMaskedLeadIds(db: Database, ids: Iterable<string>): Set<string> {
  const unowned = readLeadContacts(db, [...ids]).filter((lead) => lead.ownerId === null);
  const masked = new Set<string>();
  if (unowned.length === 0) return masked;
  const pools = readPools(db);
  for (const lead of unowned) if (poolOf(pools, lead).masksContacts) masked.add(lead.id);
  return masked;
}

/**
 * `value` with the contact data of every pool lead it names that the rep has not claimed masked, wherever it
 * appears. Objects are copied, never changed in place (an answer may share objects with a cache).
 */
export function maskPoolContactsForRep<T>(db: Database, value: T): T {
  const ids = new Set<string>();
  collectIds(value, ids, 0);
  if (ids.size === 0) return value;
  // Only unowned leads can be masked: an answer naming owned ones only (a claim's card) reads no pools.
  const unowned = readLeadContacts(db, [...ids]).filter((lead) => lead.ownerId === null);
  if (unowned.length === 0) return value;
  const pools = readPools(db);
  const replacements = unowned.filter((lead) => poolOf(pools, lead).masksContacts).flatMap(replacementsOf);
  if (replacements.length === 0) return value;
  replacements.sort((a, b) => b[0].length - a[0].length);
  return scrub(value, replacements, 0) as T;
}

/**
 * `value` with the contact data of the leads `leadIds` masked wherever it appears, whoever holds them and whatever
 * pool they are in: for answers that show a rep leads that are not theirs (the team's assignment history).
 */
export function maskContactsOfLeads<T>(db: Database, value: T, leadIds: Iterable<string>): T {
  const replacements = readLeadContacts(db, [...new Set(leadIds)]).flatMap(replacementsOf);
  if (replacements.length === 0) return value;
  replacements.sort((a, b) => b[0].length - a[0].length);
  return scrub(value, replacements, 0) as T;
}

// Matches the owner names of an old CRM's export to Fairlead reps; lists the unknown ones for the team lead.
import type { RepId } from '../ids';
import { nameKey } from '../normalize/name';
import type { Rep } from '../rep';
import type { ValueCount } from './fold';
import { compareText, groupByKey } from './fold';

export type RepForMatching = Pick<Rep, 'id' | 'name' | 'email' | 'isActive'>;

/**
 * `matched`: the folded name (or email) is exactly one rep's — safe to apply. `suggested`: only after dropping a
 * bracketed note (`王芳(华东)`, `【离职】王芳`) does it match one rep — shown pre-selected, applied only when the
 * team lead accepts. `ambiguous`: several reps share the name. `unknown`: no rep; create one (inactive) or merge
 * into an existing rep. `empty`: blank owner, imported as unowned.
 */
export type OwnerMatchStatus = 'matched' | 'suggested' | 'ambiguous' | 'unknown' | 'empty';

export interface OwnerMatch {
  /** The spelling most rows use. */
  readonly value: string;
  /** ownerKey of the value; the mapping is keyed by it. */
  readonly key: string;
  readonly count: number;
  readonly variants: readonly string[];
  readonly status: OwnerMatchStatus;
  /** The rep for `matched` and `suggested`, else null. */
  readonly repId: RepId | null;
  readonly via: 'name' | 'email' | 'annotation' | null;
  /** Reps sharing the name, for `ambiguous` (by id). */
  readonly candidates: readonly RepId[];
  /** Display name a new rep would get (spaces and width cleaned), for `unknown`. */
  readonly newRepName: string;
}

/** Owner key → rep (null: imported without an owner). */
export type OwnerMapping = ReadonlyMap<string, RepId | null>;

export type OwnerResult =
  | { readonly ok: true; readonly repId: RepId | null }
  | { readonly ok: false; readonly error: 'unknown_owner'; readonly value: string };

/**
 * The matching key of an owner: emails lower-cased; names with width, case, spaces and middle dots folded
 * (`王 芳`, `王芳 `, `ｗａｎｇ\u3000ｆａｎｇ` and `Wang·Fang` fold alike). Nothing else is stripped here.
 */
export function ownerKey(value: string): string {
  const text = value.normalize('NFKC').trim();
  return text.includes('@') ? text.toLowerCase().replace(/\s+/g, '') : nameKey(text);
}

// One bracketed note before or after the name, in half- or full-width brackets.
const TRAILING_NOTE = /^(.+?)\s*[([【<《]\s*[^()[\]【】<>《》]*\s*[)\]】>》]$/u;
const LEADING_NOTE = /^[([【<《]\s*[^()[\]【】<>《》]*\s*[)\]】>》]\s*(.+)$/u;

/** The name without one bracketed note (`王芳(华东)` → `王芳`), or null when there is none. */
export function stripOwnerNote(value: string): string | null {
  const text = value.normalize('NFKC').trim();
  const m = TRAILING_NOTE.exec(text) ?? LEADING_NOTE.exec(text);
  const name = m?.[1]?.trim();
  return name === undefined || name === '' ? null : name;
}

/**
 * One match per distinct owner (spellings that fold alike merged, counts summed), most rows first. Conservative:
 * only exact folded names or emails match; a bracketed note is never stripped silently (`suggested`); two reps
 * with one name are never chosen between (`ambiguous`). Inactive reps match too (past owners have often left).
 */
export function matchOwners(values: readonly ValueCount[], reps: readonly RepForMatching[]): OwnerMatch[] {
  const byName = new Map<string, RepId[]>();
  const byEmail = new Map<string, RepId[]>();
  const sortedReps = [...reps].sort((a, b) => compareText(a.id, b.id));
  const add = (map: Map<string, RepId[]>, key: string, id: RepId) => {
    if (key === '') return;
    const ids = map.get(key);
    if (ids) ids.push(id);
    else map.set(key, [id]);
  };
  for (const rep of sortedReps) {
    add(byName, ownerKey(rep.name), rep.id);
    if (rep.email !== null) add(byEmail, ownerKey(rep.email), rep.id);
  }
  return groupByKey(values, ownerKey).map((group) => {
    const base = {
      ...group,
      repId: null,
      via: null,
      candidates: [] as RepId[],
      newRepName: group.value.normalize('NFKC').replace(/\s+/g, ' ').trim(),
    };
    if (group.key === '') return { ...base, status: 'empty', newRepName: '' };
    const isEmail = group.key.includes('@');
    const exact = (isEmail ? byEmail : byName).get(group.key);
    if (exact !== undefined) {
      return exact.length === 1
        ? { ...base, status: 'matched', repId: exact[0] ?? null, via: isEmail ? 'email' : 'name' }
        : { ...base, status: 'ambiguous', candidates: exact };
    }
    const stripped = isEmail ? null : stripOwnerNote(group.value);
    const viaNote = stripped === null ? undefined : byName.get(ownerKey(stripped));
    if (viaNote !== undefined) {
      return viaNote.length === 1
        ? { ...base, status: 'suggested', repId: viaNote[0] ?? null, via: 'annotation' }
        : { ...base, status: 'ambiguous', candidates: viaNote };
    }
    return { ...base, status: 'unknown' };
  });
}

/** Owners with no rep yet (unknown or ambiguous), most rows first: what the team lead must decide. */
export function listUndecidedOwners(matches: readonly OwnerMatch[]): OwnerMatch[] {
  return matches.filter((m) => m.status === 'unknown' || m.status === 'ambiguous');
}

export interface CreateOwnerMappingOptions {
  /** Apply `suggested` matches (the team lead accepted them all). Default false. */
  readonly acceptSuggested?: boolean;
}

/**
 * The mapping the import uses: `matched` owners, blank → no owner, `suggested` ones when accepted, then the
 * team lead's decisions keyed by owner key or any raw spelling: a RepId (an existing rep to merge into, or the
 * inactive rep just created for the name) or null (import those leads without an owner). An owner with no entry
 * stays unknown and its rows are errors.
 */
export function createOwnerMapping(
  matches: readonly OwnerMatch[],
  decisions: Readonly<Record<string, RepId | null>> = {},
  options: CreateOwnerMappingOptions = {},
): OwnerMapping {
  const mapping = new Map<string, RepId | null>([['', null]]);
  for (const m of matches) {
    if (m.status === 'matched' || (m.status === 'suggested' && options.acceptSuggested === true))
      mapping.set(m.key, m.repId);
  }
  for (const [value, repId] of Object.entries(decisions)) mapping.set(ownerKey(value), repId);
  return mapping;
}

/** The owner of one cell: a rep, null for a blank cell (or a decided "no owner"), or `unknown_owner`. */
export function resolveOwner(value: string, mapping: OwnerMapping): OwnerResult {
  const key = ownerKey(value);
  if (!mapping.has(key)) return { ok: false, error: 'unknown_owner', value };
  return { ok: true, repId: mapping.get(key) ?? null };
}

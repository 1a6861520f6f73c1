// Matches an import commit's rows against the stored dedupe keys of live leads and the rows before them: the stored
// holders of a slice's keys looked up in the key indexes before the slice is matched, so the commit sees the leads
// as they are when it runs, whatever was written since the analysis.
import type { Database } from 'better-sqlite3';
import { DEDUPE_KEY_KINDS, type DedupeKeyKind } from '../../domain/dedupe';
import type { LeadKeys } from '../../store/leads';
import { lookUpStoredHolders } from './key-matching';

export interface KeyMatch {
  /** The matched lead (or the id an earlier row was remembered under). */
  readonly id: string;
  readonly by: DedupeKeyKind[];
}

export interface LeadKeyMatcher {
  /** Matches by kind in DEDUPE_KEY_KINDS order, one entry per distinct lead; empty when none. */
  match(keys: LeadKeys): readonly KeyMatch[];
  /** Records keys as belonging to `id` where no lead holds them yet (the oldest holder stays the match). */
  remember(keys: LeadKeys, id: string): void;
  /** Reads the stored holders of these rows' keys; call before matching them. */
  lookUp(keys: readonly LeadKeys[]): void;
}

function keyOf(keys: LeadKeys, kind: DedupeKeyKind): string | null {
  if (kind === 'phone') return keys.phoneKey;
  if (kind === 'email') return keys.emailKey;
  return keys.companyNameKey;
}

/**
 * A matcher that looks up the oldest live lead holding each key of a slice (lookUp) before matching the slice: the
 * stored leads as each slice finds them.
 */
export function createStoredKeyMatcher(db: Database): LeadKeyMatcher {
  const maps = emptyMaps();
  const lookUp = (rows: readonly LeadKeys[]) =>
    lookUpStoredHolders(db, rows, [maps.phone, maps.email, maps.companyName]);
  return { ...createMapMatcher(maps), lookUp };
}

function emptyMaps(): Record<DedupeKeyKind, Map<string, string>> {
  return { phone: new Map(), email: new Map(), companyName: new Map() };
}

/** Matching and remembering over in-memory maps of key holders. */
function createMapMatcher(
  maps: Record<DedupeKeyKind, Map<string, string>>,
): Pick<LeadKeyMatcher, 'match' | 'remember'> {
  const match = (keys: LeadKeys): readonly KeyMatch[] => {
    let found: KeyMatch[] | null = null;
    for (const kind of DEDUPE_KEY_KINDS) {
      const key = keyOf(keys, kind);
      if (key === null) continue;
      const id = maps[kind].get(key);
      if (id === undefined) continue;
      found ??= [];
      const same = found.find((entry) => entry.id === id);
      if (same) same.by.push(kind);
      else found.push({ id, by: [kind] });
    }
    return found ?? NO_MATCHES;
  };
  const remember = (keys: LeadKeys, id: string): void => {
    for (const kind of DEDUPE_KEY_KINDS) {
      const key = keyOf(keys, kind);
      if (key !== null && !maps[kind].has(key)) maps[kind].set(key, id);
    }
  };
  return { match, remember };
}

const NO_MATCHES: readonly KeyMatch[] = Object.freeze([]);

// Matches an import commit's rows against the stored dedupe keys of live leads and the rows before them: the stored
// holders of a slice's keys looked up in the key indexes before the slice is matched, or, while nothing was written
// since the analysis, the holders it found.
import type { Database } from 'better-sqlite3';
import { DEDUPE_KEY_KINDS, type DedupeKeyKind } from '../../domain/dedupe';
import type { LeadKeys } from '../../store/leads';
import { lookUpStoredHolders, type KeyHolders } from './key-matching';

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
  /** Reads the stored holders of these rows' keys; call before matching them (a no-op where they are known). */
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

/**
 * A matcher over an analysis's key holders (taken, not copied: it changes them), read while nothing was written
 * since: the stored leads' keys as they are now. Keys held only by a file row (its number) count as nobody's yet.
 */
export function createMatcherFromAnalysis(holders: KeyHolders): LeadKeyMatcher {
  const match = (keys: LeadKeys): readonly KeyMatch[] => {
    let found: KeyMatch[] | null = null;
    for (let index = 0; index < DEDUPE_KEY_KINDS.length; index += 1) {
      const kind = DEDUPE_KEY_KINDS[index] as DedupeKeyKind;
      const key = keyOf(keys, kind);
      const id = key === null ? undefined : holders[index]?.get(key);
      if (typeof id !== 'string') continue;
      found ??= [];
      const same = found.find((entry) => entry.id === id);
      if (same) same.by.push(kind);
      else found.push({ id, by: [kind] });
    }
    return found ?? NO_MATCHES;
  };
  const remember = (keys: LeadKeys, id: string): void => {
    DEDUPE_KEY_KINDS.forEach((kind, index) => {
      const key = keyOf(keys, kind);
      const map = holders[index];
      if (key !== null && map && typeof map.get(key) !== 'string') map.set(key, id);
    });
  };
  return { match, remember, lookUp: () => undefined };
}

/**
 * What the database looks like to this connection, changed by any write of this connection (total_changes) or
 * of another one (data_version): equal stamps mean the stored keys an analysis matched against are still the same.
 */
export function databaseChangeStamp(db: Database): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
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

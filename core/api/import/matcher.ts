// Matches an import commit's rows against the stored dedupe keys of live leads and the rows before them, in memory
// (every live lead's keys read once).
import type { Database } from 'better-sqlite3';
import { DEDUPE_KEY_KINDS, type DedupeKeyKind } from '../../domain/dedupe';
import { forEachLiveLeadKeys } from '../../store/import-batches';
import type { LeadKeys } from '../../store/leads';
import type { KeyHolders } from './key-matching';

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
}

function keyOf(keys: LeadKeys, kind: DedupeKeyKind): string | null {
  if (kind === 'phone') return keys.phoneKey;
  if (kind === 'email') return keys.emailKey;
  return keys.companyNameKey;
}

/** A matcher seeded with every live lead's stored keys, oldest lead first. */
export function createLeadKeyMatcher(db: Database): LeadKeyMatcher {
  const maps = emptyMaps();
  forEachLiveLeadKeys(db, (id, phoneKey, emailKey, companyNameKey) => {
    if (phoneKey !== null && !maps.phone.has(phoneKey)) maps.phone.set(phoneKey, id);
    if (emailKey !== null && !maps.email.has(emailKey)) maps.email.set(emailKey, id);
    if (companyNameKey !== null && !maps.companyName.has(companyNameKey))
      maps.companyName.set(companyNameKey, id);
  });
  return createEmptyMatcher(maps);
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
  return { match, remember };
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

/** A matcher over in-memory maps: `maps` seeded, or nothing yet (rows of one file against each other). */
export function createEmptyMatcher(
  maps: Record<DedupeKeyKind, Map<string, string>> = emptyMaps(),
): LeadKeyMatcher {
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

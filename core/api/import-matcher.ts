// Matches imported rows against the stored dedupe keys of live leads (and the rows before them in the same file)
// with in-memory maps: one indexed read of three key columns instead of three look-ups per row.
import type { Database } from 'better-sqlite3';
import { DEDUPE_KEY_KINDS, type DedupeKeyKind } from '../domain/dedupe';
import { forEachLiveLeadKeys } from '../store/import-batches';
import type { LeadKeys } from '../store/leads';

export interface KeyMatch {
  /** The matched lead (or, for `matchRow`, the id the earlier row was given). */
  readonly id: string;
  readonly by: DedupeKeyKind[];
}

export interface LeadKeyMatcher {
  /** Matches by kind in DEDUPE_KEY_KINDS order, one entry per distinct lead; empty when none. */
  match(keys: LeadKeys): readonly KeyMatch[];
  /** Records keys as belonging to `id` where no lead holds them yet (the oldest holder stays the match). */
  remember(keys: LeadKeys, id: string): void;
  /** `match` then `remember(keys, id)` in one pass over the maps (one hash look-up per key instead of three). */
  matchThenRemember(keys: LeadKeys, id: string): readonly KeyMatch[];
}

function keyOf(keys: LeadKeys, kind: DedupeKeyKind): string | null {
  if (kind === 'phone') return keys.phoneKey;
  if (kind === 'email') return keys.emailKey;
  return keys.companyNameKey;
}

/** A matcher seeded with every live lead's stored keys, oldest lead first. */
export function createLeadKeyMatcher(db: Database): LeadKeyMatcher {
  const maps: Record<DedupeKeyKind, Map<string, string>> = {
    phone: new Map(),
    email: new Map(),
    companyName: new Map(),
  };
  forEachLiveLeadKeys(db, (id, phoneKey, emailKey, companyNameKey) => {
    if (phoneKey !== null && !maps.phone.has(phoneKey)) maps.phone.set(phoneKey, id);
    if (emailKey !== null && !maps.email.has(emailKey)) maps.email.set(emailKey, id);
    if (companyNameKey !== null && !maps.companyName.has(companyNameKey))
      maps.companyName.set(companyNameKey, id);
  });
  return createEmptyMatcher(maps);
}

/**
 * What the database looks like to this connection, changed by any write of this connection (total_changes) or
 * of another one (data_version): equal stamps mean the stored keys a matcher was built from are still the same.
 */
export function databaseChangeStamp(db: Database): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

/** The stored-keys matcher of the last analysis, per database, kept for that analysis's commit. */
const analysisMatchers = new WeakMap<
  Database,
  {
    readonly uploadId: string;
    readonly analysisId: string;
    readonly stamp: string;
    readonly matcher: LeadKeyMatcher;
  }
>();

/**
 * Keeps an analysis's stored-keys matcher (built when the database had `stamp`) for its commit, so the commit
 * need not read every live lead's keys again. Only the last analysis is kept.
 */
export function keepMatcherForCommit(
  db: Database,
  kept: { uploadId: string; analysisId: string; matcher: LeadKeyMatcher; stamp: string },
): void {
  analysisMatchers.set(db, kept);
}

/** Lets go of a kept matcher when its upload is discarded (the wizard was cancelled). */
export function forgetKeptMatcher(db: Database, uploadId: string): void {
  if (analysisMatchers.get(db)?.uploadId === uploadId) analysisMatchers.delete(db);
}

/**
 * The matcher an analysis kept, if it is this analysis's and nothing was written since (otherwise a fresh one):
 * either way it holds exactly the live leads' keys as they are now. Handed over once. `isAnalysed` says the
 * stored keys are the ones the analysis matched against, so its "no match" verdicts still hold.
 */
export function takeMatcherForCommit(
  db: Database,
  analysisId: string,
): { matcher: LeadKeyMatcher; isAnalysed: boolean } {
  const kept = analysisMatchers.get(db);
  analysisMatchers.delete(db);
  if (kept?.analysisId === analysisId && kept.stamp === databaseChangeStamp(db))
    return { matcher: kept.matcher, isAnalysed: true };
  return { matcher: createLeadKeyMatcher(db), isAnalysed: false };
}

/** A matcher over nothing yet (rows of one file against each other). */
export function createEmptyMatcher(
  maps: Record<DedupeKeyKind, Map<string, string>> = {
    phone: new Map(),
    email: new Map(),
    companyName: new Map(),
  },
): LeadKeyMatcher {
  return {
    match(keys) {
      let found: KeyMatch[] | null = null;
      for (const kind of DEDUPE_KEY_KINDS) {
        const key = keyOf(keys, kind);
        if (key === null) continue;
        const id = maps[kind].get(key);
        if (id === undefined) continue;
        found ??= [];
        const same = found.find((match) => match.id === id);
        if (same) same.by.push(kind);
        else found.push({ id, by: [kind] });
      }
      return found ?? NO_MATCHES;
    },
    remember(keys, id) {
      for (const kind of DEDUPE_KEY_KINDS) {
        const key = keyOf(keys, kind);
        if (key !== null && !maps[kind].has(key)) maps[kind].set(key, id);
      }
    },
    matchThenRemember(keys, id) {
      let found: KeyMatch[] | null = null;
      for (const kind of DEDUPE_KEY_KINDS) {
        const key = keyOf(keys, kind);
        if (key === null) continue;
        const map = maps[kind];
        const holder = map.get(key);
        if (holder === undefined) {
          map.set(key, id);
          continue;
        }
        found ??= [];
        const same = found.find((match) => match.id === holder);
        if (same) same.by.push(kind);
        else found.push({ id: holder, by: [kind] });
      }
      return found ?? NO_MATCHES;
    },
  };
}

const NO_MATCHES: readonly KeyMatch[] = Object.freeze([]);

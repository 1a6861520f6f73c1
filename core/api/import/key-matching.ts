// The analysis's duplicate matching: each batch of a file's valid rows against the live leads' stored keys, looked
// up in the key indexes (one statement per key kind a batch: forEachStoredKeyHolder), and against earlier rows.
// Looking up only the file's keys replaced reading every live lead's keys into memory on a worker thread (README,
// import ablation).
import type { Database } from 'better-sqlite3';
import type { DedupeKeyKind } from '../../domain/dedupe';
import { forEachStoredKeyHolder } from '../../store/import-batches';
import type { LeadKeys } from '../../store/leads';

/** Who holds a key: a stored lead (its id) or the file row that brought the key first (its row number). */
export type KeyHolder = string | number;

/** Key kinds by index, as hits name them: 0 phone, 1 email, 2 company name (DEDUPE_KEY_KINDS order). */
export type KeyKindIndex = 0 | 1 | 2;

const KEY_KINDS = ['phone', 'email', 'companyName'] as const satisfies readonly DedupeKeyKind[];

export function keyKindOf(index: KeyKindIndex): DedupeKeyKind {
  return KEY_KINDS[index];
}

/** A batch's rows: their file row numbers, in file order, and their keys. */
export type KeyedRows = readonly { readonly row: number; readonly keys: LeadKeys }[];

export interface KeyMatching {
  /**
   * Matches one batch of valid rows (batches in file order): `row, kind, holder` for each key of a row someone
   * already holds, in row order — the oldest live lead holding it, else the first earlier row that brought it.
   */
  match(rows: KeyedRows): KeyHolder[];
}

function keyOf(keys: LeadKeys, kind: KeyKindIndex): string | null {
  return kind === 0 ? keys.phoneKey : kind === 1 ? keys.emailKey : keys.companyNameKey;
}

/**
 * Adds to `holders` (by kind index) the oldest live lead holding each key of `rows` that nobody holds yet, looked up
 * in the key indexes: a stored lead outranks any row, so call before matching the rows. Every key is looked up, even
 * one an earlier row brought (a test of each key against the holders first cost more than the lookups). The
 * analysis's matching and the commit's (matcher.ts) both look stored holders up here.
 */
export function lookUpStoredHolders(
  db: Database,
  rows: readonly LeadKeys[],
  holders: readonly Map<string, KeyHolder>[],
): void {
  for (const kind of [0, 1, 2] as const) {
    const held = holders[kind];
    if (held === undefined) continue;
    const keys: string[] = [];
    for (const row of rows) {
      const key = keyOf(row, kind);
      if (key !== null) keys.push(key);
    }
    forEachStoredKeyHolder(db, kind, keys, (key, id) => {
      if (!held.has(key)) held.set(key, id);
    });
  }
}

/**
 * Matching against the live leads as each batch finds them (the commit looks them up again: matcher.ts). The first
 * holder of a key stays its holder.
 */
export function createKeyMatching(db: Database): KeyMatching {
  const holders: Map<string, KeyHolder>[] = [new Map(), new Map(), new Map()];
  return {
    match(rows) {
      lookUpStoredHolders(
        db,
        rows.map((row) => row.keys),
        holders,
      );
      const hits: KeyHolder[] = [];
      for (const { row, keys } of rows)
        for (const kind of [0, 1, 2] as const) {
          const key = keyOf(keys, kind);
          if (key === null) continue;
          const held = holders[kind] as Map<string, KeyHolder>;
          const holder = held.get(key);
          if (holder === undefined) held.set(key, row);
          else hits.push(row, kind, holder);
        }
      return hits;
    },
  };
}

// The analysis's duplicate matching: every live lead's stored keys are read once, then the file's rows are matched,
// batch by batch, against them and against earlier rows. (It ran on a worker thread until the import ablation showed
// that saved nothing: README, "Import ablation".)
import type { Database } from 'better-sqlite3';
import type { DedupeKeyKind } from '../../domain/dedupe';
import { forEachLiveLeadKeys } from '../../store/import-batches';
import type { LeadKeys } from '../../store/leads';

/** Who holds a key: a stored lead (its id) or the file row that brought the key first (its row number). */
export type KeyHolder = string | number;

/** Key kinds by index, as hits name them (DEDUPE_KEY_KINDS order). */
const KEY_KINDS = ['phone', 'email', 'companyName'] as const satisfies readonly DedupeKeyKind[];
export type KeyKindIndex = 0 | 1 | 2;

export function keyKindOf(index: KeyKindIndex): DedupeKeyKind {
  return KEY_KINDS[index];
}

export interface KeyMatching {
  /**
   * Matches one batch of valid rows (in file order; batches in file order too): returns `row, kind, holder` for each
   * key of a row someone already holds, in row order, and makes each row the holder of its other keys.
   */
  matchRows(rows: readonly { readonly row: number; readonly keys: LeadKeys }[]): KeyHolder[];
  /** Who holds each key so far, by kind (DEDUPE_KEY_KINDS order): the stored leads' keys and the rows'. */
  readonly holders: KeyHolders;
}

/** Key holders by kind index (DEDUPE_KEY_KINDS order). */
export type KeyHolders = readonly Map<string, KeyHolder>[];

/** Starts matching against the live leads' keys as they are now; the first holder of a key stays its holder. */
export function startKeyMatching(db: Database): KeyMatching {
  const holders: KeyHolders = [new Map(), new Map(), new Map()];
  const keysOf = (keys: LeadKeys) => [keys.phoneKey, keys.emailKey, keys.companyNameKey] as const;
  // Stored leads, oldest first, before any row.
  forEachLiveLeadKeys(db, (id, ...keys) =>
    keys.forEach((key, kind) => {
      if (key !== null && !holders[kind]?.has(key)) holders[kind]?.set(key, id);
    }),
  );
  return {
    holders,
    matchRows(rows) {
      const hits: KeyHolder[] = [];
      for (const { row, keys } of rows)
        keysOf(keys).forEach((key, kind) => {
          const map = holders[kind];
          if (key === null || !map) return;
          const holder = map.get(key);
          if (holder === undefined) map.set(key, row);
          else hits.push(row, kind, holder);
        });
      return hits;
    },
  };
}

// The analysis's duplicate-matching core, shared by the matching worker (key-matching-worker.ts, which Node may run
// from source: so this file imports nothing at run time) and the in-thread matcher (key-matching.ts).

/** Who holds a key: a stored lead (its id) or the file row that brought the key first (its row number). */
export type KeyHolder = string | number;

/** Key kinds by index, as hits name them: 0 phone, 1 email, 2 company name (DEDUPE_KEY_KINDS order). */
export type KeyKindIndex = 0 | 1 | 2;

/** The engine: one map per key kind; the first holder of a key stays its holder (stored leads, oldest first). */
export interface KeyMatchEngine {
  /** A stored lead's keys; call oldest lead first, before any row. */
  seed(id: string, phone: string | null, email: string | null, companyName: string | null): void;
  /**
   * Appends `row, kind, holder` to `hits` for each key of the row someone already holds, and makes the row the
   * holder of the others.
   */
  matchRow(
    row: number,
    phone: string | null,
    email: string | null,
    companyName: string | null,
    hits: KeyHolder[],
  ): void;
}

export function createKeyMatchEngine(): KeyMatchEngine {
  const phones = new Map<string, KeyHolder>();
  const emails = new Map<string, KeyHolder>();
  const companyNames = new Map<string, KeyHolder>();
  const claim = (map: Map<string, KeyHolder>, key: string | null, holder: KeyHolder) => {
    if (key !== null && !map.has(key)) map.set(key, holder);
  };
  const matchKey = (
    map: Map<string, KeyHolder>,
    kind: KeyKindIndex,
    key: string | null,
    row: number,
    hits: KeyHolder[],
  ) => {
    if (key === null) return;
    const holder = map.get(key);
    if (holder === undefined) map.set(key, row);
    else hits.push(row, kind, holder);
  };
  return {
    seed(id, phone, email, companyName) {
      claim(phones, phone, id);
      claim(emails, email, id);
      claim(companyNames, companyName, id);
    },
    matchRow(row, phone, email, companyName, hits) {
      matchKey(phones, 0, phone, row, hits);
      matchKey(emails, 1, email, row, hits);
      matchKey(companyNames, 2, companyName, row, hits);
    },
  };
}

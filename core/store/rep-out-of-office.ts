// Repository for the history of reps' out-of-office switch (migration 0019): spans written with the switch.
import type { Database } from 'better-sqlite3';
import type { OutOfOfficeSpan } from '../domain/ledger/out-of-office';
import { execute, qb, selectAll } from './sql';

/**
 * The rep went out of office at `at`: opens their span, unless one is open already (the switch was on). A span
 * both opened and closed at exactly `at` is reopened (its key is taken).
 */
export function openOutOfOffice(db: Database, repId: string, at: number): void {
  execute(
    db,
    qb
      .insertInto('rep_out_of_office')
      .values({ rep_id: repId, from_at: at, to_at: null })
      .onConflict((oc) => oc.doNothing()),
  );
  execute(
    db,
    qb
      .updateTable('rep_out_of_office')
      .set({ to_at: null })
      .where('rep_id', '=', repId)
      .where('to_at', '=', at)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('rep_out_of_office as o')
              .select('o.rep_id')
              .where('o.rep_id', '=', repId)
              .where('o.to_at', 'is', null),
          ),
        ),
      ),
  );
}

/** The rep is back at `at`: closes their open span, if any. */
export function closeOutOfOffice(db: Database, repId: string, at: number): void {
  execute(
    db,
    qb
      .updateTable('rep_out_of_office')
      .set((eb) => ({ to_at: eb.fn('max', [eb.ref('from_at'), eb.val(at)]) }))
      .where('rep_id', '=', repId)
      .where('to_at', 'is', null),
  );
}

/** Every rep's spans that reach `since` or later (epoch ms), oldest first; a rep with none is absent. */
export function listOutOfOfficeSpans(db: Database, since = 0): Map<string, OutOfOfficeSpan[]> {
  const rows = selectAll(
    db,
    qb
      .selectFrom('rep_out_of_office')
      .selectAll()
      .where((eb) => eb.or([eb('to_at', 'is', null), eb('to_at', '>', since)]))
      .orderBy('rep_id')
      .orderBy('from_at'),
  );
  const byRep = new Map<string, OutOfOfficeSpan[]>();
  for (const row of rows) {
    const list = byRep.get(row.rep_id) ?? [];
    list.push({ from: row.from_at, to: row.to_at });
    byRep.set(row.rep_id, list);
  }
  return byRep;
}

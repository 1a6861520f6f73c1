// Migration 0019 and the repository of the out-of-office switch's history.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateToSchemaVersion19 } from '../../../core/store/migrations/0019-rep-out-of-office';
import { openDatabase } from '../../../core/store/open-database';
import {
  closeOutOfOffice,
  listOutOfOfficeSpans,
  openOutOfOffice,
} from '../../../core/store/rep-out-of-office';
import { useTempDir } from '../../helpers/temp-dir';
import { openDatabaseBefore } from '../../helpers/database-before';

describe('out-of-office history in the store', () => {
  const tempDir = useTempDir();

  it('migration 0019 gives a rep out of office an open span from the last change of their row, and nobody else one', () => {
    const path = join(tempDir(), 'before.sqlite');
    const old = openDatabaseBefore(path, updateToSchemaVersion19);
    const rep = old.prepare(
      "INSERT INTO reps (id, name, tier, joined_on, is_out_of_office, created_at, updated_at) VALUES (?, ?, 'mid', '2020-01-01', ?, 1, ?)",
    );
    rep.run('rep_out', '外出', 1, 5_000);
    rep.run('rep_in', '在岗', 0, 6_000);
    old.close();
    const db = openDatabase(path);
    expect([...listOutOfOfficeSpans(db)]).toEqual([['rep_out', [{ from: 5_000, to: null }]]]);
    db.close();
  });

  it('opens one span at a time, closes only an open one, reopens a span closed the moment it opened, and lists those reaching a time', () => {
    const db = openDatabase(join(tempDir(), 'spans.sqlite'));
    db.prepare(
      "INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES ('rep_a', 'A', 'mid', '2020-01-01', 1, 1)",
    ).run();
    openOutOfOffice(db, 'rep_a', 100);
    openOutOfOffice(db, 'rep_a', 150);
    closeOutOfOffice(db, 'rep_a', 200);
    closeOutOfOffice(db, 'rep_a', 250);
    openOutOfOffice(db, 'rep_a', 300);
    closeOutOfOffice(db, 'rep_a', 300);
    openOutOfOffice(db, 'rep_a', 300);
    expect(listOutOfOfficeSpans(db).get('rep_a')).toEqual([
      { from: 100, to: 200 },
      { from: 300, to: null },
    ]);
    expect(listOutOfOfficeSpans(db, 200).get('rep_a')).toEqual([{ from: 300, to: null }]);
    expect(() =>
      db.prepare("INSERT INTO rep_out_of_office (rep_id, from_at, to_at) VALUES ('rep_a', 400, NULL)").run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});

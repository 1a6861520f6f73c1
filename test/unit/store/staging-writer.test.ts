// The import's staging writer: rows written on a worker thread into a scratch SQLite file, in order, with their
// values intact; a failure on the worker reaches the caller; an aborted writer lets go of the file.
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStagingWriter } from '../../../core/store/staging-writer';

const CREATE = 'CREATE TABLE staged (id, name, cost_fen, owner_id)';
const INSERT = 'INSERT INTO staged (id, name, cost_fen, owner_id) VALUES (?, ?, ?, ?)';

describe('the staging writer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fairlead-staging-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every row, in order, with text, numbers and nulls as they were', async () => {
    const path = join(dir, 'staging.sqlite');
    const writer = startStagingWriter(path, CREATE, INSERT);
    const rows = Array.from({ length: 2_500 }, (_, i) => [
      `lead_${String(i).padStart(5, '0')}`,
      i % 2 === 0 ? `张伟 "${i}", 逗号` : 'Ann\nO’Brien',
      i * 100 + 0.5,
      i % 3 === 0 ? null : `rep_${i % 7}`,
    ]);
    for (let i = 0; i < rows.length; i += 250) writer.write(rows.slice(i, i + 250));
    await writer.drain(0);
    expect(writer.backlog).toBe(0);
    expect(await writer.close()).toBe(2_500);

    const db = new BetterSqlite3(path, { readonly: true });
    const stored = db.prepare('SELECT id, name, cost_fen, owner_id FROM staged ORDER BY rowid').raw().all();
    db.close();
    expect(stored).toEqual(rows);
  });

  it('reports a failure on the worker thread when the caller next waits', async () => {
    const writer = startStagingWriter(join(dir, 'no-such-folder', 'staging.sqlite'), CREATE, INSERT);
    writer.write([['lead_1', 'a', 1, null]]);
    await expect(writer.close()).rejects.toThrow(/directory does not exist|unable to open/i);
  });

  it('refuses rows that do not fit the table, and the caller hears of it', async () => {
    const writer = startStagingWriter(join(dir, 'staging.sqlite'), CREATE, INSERT);
    writer.write([['lead_1']]);
    await expect(writer.drain(0)).rejects.toThrow(/parameters|values|bind/i);
    await writer.abort();
  });

  it('stops on abort, after which the file can be deleted', async () => {
    const path = join(dir, 'staging.sqlite');
    const writer = startStagingWriter(path, CREATE, INSERT);
    writer.write([['lead_1', 'a', 1, null]]);
    await writer.drain(0);
    await writer.abort();
    rmSync(path, { force: true });
    expect(existsSync(path)).toBe(false);
  });
});

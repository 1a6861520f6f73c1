// A child process importing 100k rows is killed with SIGKILL at a random point: the database stays intact and holds
// the whole batch or none of it.
import BetterSqlite3 from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recoverInterruptedImports } from '../../../core/api/import/recovery';
import { openDatabase } from '../../../core/store/open-database';

const ROWS = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'fairlead-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeCsv(path: string): Promise<number> {
  const out = createWriteStream(path);
  let text = '姓名,手机,邮箱,公司,备注\r\n';
  let valid = 0;
  for (let i = 0; i < ROWS; i += 1) {
    const isBad = i % 100 === 99;
    if (!isBad) valid += 1;
    text += `客户${i},139${String(i).padStart(8, '0')},${isBad ? 'bad-email' : `c${i}@example.com`},公司${i % 3000},"备注, ${i}"\r\n`;
    if (text.length > 256 * 1024) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  out.end(text);
  await once(out, 'finish');
  return valid;
}

/** Runs the child until it has imported a random share of the rows (or finished), then kills it. */
async function importAndKill(dbPath: string, csvPath: string, killAtShare: number): Promise<string[]> {
  // Node itself with tsx's loader, not the tsx command: that runs the script in a node child of its own, which a
  // SIGKILL to tsx leaves running (still importing while the test reads and recovers the database).
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve('test/unit/import/kill-import-child.ts'), dbPath, csvPath],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let buffered = '';
  const exited = once(child, 'exit');
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      const [state, done] = line.split(' ');
      if (state === 'running' && Number(done) >= killAtShare * ROWS) child.kill('SIGKILL');
    }
  });
  await exited;
  if (!lines.some((line) => line.startsWith('valid'))) throw new Error(`child failed: ${stderr}`);
  return lines;
}

describe('an import killed with SIGKILL', () => {
  const csvPath = join(dir, 'big.csv');
  const valid = writeCsv(csvPath);

  it.each([0.05, 0.5 + Math.random() * 0.45, 1.5])(
    'leaves an intact database with all or none of the batch (killed at %f of the rows)',
    async (share) => {
      const dbPath = join(dir, `kill-${share}.sqlite`);
      openDatabase(dbPath).close();
      const lines = await importAndKill(dbPath, csvPath, share);
      const raw = new BetterSqlite3(dbPath);
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        const visible = (
          raw.prepare('SELECT count(*) AS n FROM leads WHERE deleted_at IS NULL').get() as { n: number }
        ).n;
        const expected = await valid;
        expect([0, expected]).toContain(visible);
        if (lines.includes('finished done')) expect(visible).toBe(expected);
      } finally {
        raw.close();
      }
      // Reopening the app closes the interrupted batch and removes its hidden rows.
      const db = openDatabase(dbPath);
      try {
        recoverInterruptedImports(db, Date.now());
        const states = db.prepare('SELECT state FROM import_batches').all() as { state: string }[];
        expect(states.every((row) => row.state === 'committed' || row.state === 'failed')).toBe(true);
        const hidden = (
          db.prepare('SELECT count(*) AS n FROM leads WHERE deleted_at = 0').get() as { n: number }
        ).n;
        expect(hidden).toBe(0);
      } finally {
        db.close();
      }
    },
  );
});

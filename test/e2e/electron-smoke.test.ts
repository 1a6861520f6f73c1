import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

/** The Electron binary is fetched on first `npm start`; machines without internet (CI here) have none. */
function electronBinary(): string | null {
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

describe.skipIf(!binary)('the desktop app (skipped: no Electron binary is installed on this machine)', () => {
  it('opens the main window on the demo workspace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairlead-electron-'));
    const app = await _electron.launch({
      executablePath: binary ?? undefined,
      args: ['out/main/index.js', `--db=${join(dir, 'fairlead.sqlite')}`, '--demo'],
    });
    try {
      const window = await app.firstWindow();
      await window
        .getByText(/线索|Leads/)
        .first()
        .waitFor();
      expect(await window.evaluate(() => typeof (window as unknown as { fairlead?: unknown }).fairlead)).toBe(
        'object',
      );
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
        'undefined',
      );
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkForUpdates, readUpdateFeed } from '../../../electron/updater';

describe('updates from a file share or LAN URL', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairlead-updater-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('asks no one when no feed is configured', async () => {
    expect(readUpdateFeed(tempDir(), {})).toBeNull();
    let asked = false;
    const updater = { setFeedURL: () => (asked = true), checkForUpdates: async () => (asked = true) };
    await checkForUpdates(updater as never, null);
    expect(asked).toBe(false);
  });

  it('reads the feed from the environment or update-feed.txt, refusing other schemes', () => {
    const dir = tempDir();
    expect(readUpdateFeed(dir, { FAIRLEAD_UPDATE_FEED: 'http://192.168.1.10/fairlead/' })).toEqual({
      url: 'http://192.168.1.10/fairlead/',
    });
    writeFileSync(join(dir, 'update-feed.txt'), 'file:///Z:/fairlead-updates/\n');
    expect(readUpdateFeed(dir, {})).toEqual({ url: 'file:///Z:/fairlead-updates/' });
    writeFileSync(join(dir, 'update-feed.txt'), 'javascript:alert(1)');
    expect(readUpdateFeed(dir, {})).toBeNull();
  });

  it('points the updater at the generic feed without downloading on its own', async () => {
    const calls: unknown[] = [];
    const updater = {
      autoDownload: true,
      setFeedURL: (o: unknown) => calls.push(o),
      checkForUpdates: async () => calls.push('check'),
    };
    await checkForUpdates(updater as never, { url: 'http://hub.local/updates/' });
    expect(calls).toEqual([{ provider: 'generic', url: 'http://hub.local/updates/' }, 'check']);
    expect(updater.autoDownload).toBe(false);
  });
});

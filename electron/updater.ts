// Updates from a file share or a LAN URL (electron-updater's generic provider); nothing is fetched from the
// internet unless the team lead configures a feed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppUpdater } from 'electron-updater';

export interface UpdateFeed {
  /** e.g. http://192.168.1.10:8080/fairlead/ or file:///Z:/fairlead-updates/ */
  readonly url: string;
}

/** Points the updater at the configured feed and checks once; does nothing without a feed. */
export async function checkForUpdates(updater: AppUpdater, feed: UpdateFeed | null): Promise<void> {
  if (!feed) return;
  updater.autoDownload = false;
  updater.setFeedURL({ provider: 'generic', url: feed.url });
  await updater.checkForUpdates();
}

/**
 * The feed, from FAIRLEAD_UPDATE_FEED or `update-feed.txt` in the app's data folder (one URL); null when neither
 * is set or the URL is not http(s)/file.
 */
export function readUpdateFeed(dataDir: string, env: NodeJS.ProcessEnv = process.env): UpdateFeed | null {
  let url = env.FAIRLEAD_UPDATE_FEED?.trim() ?? '';
  if (!url) {
    try {
      url = readFileSync(join(dataDir, 'update-feed.txt'), 'utf8').trim();
    } catch {
      return null;
    }
  }
  return /^(https?|file):\/\//i.test(url) ? { url } : null;
}

// Updates from a file share or a LAN URL (electron-updater's generic provider); nothing is fetched from the
// internet unless the team lead configures a feed.
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

// `npm run screenshot`: refreshes the README's docs/screenshot.png on purpose (tests never write it): the hub on
// a temp database with the demo workspace, the Leads page in Debian Chromium, as test/e2e/foundation.test.ts sees it.
import { join } from 'node:path';
import { root, startHubSession } from '../test/e2e/hub-harness';
import { screenshotLeadsPage } from '../test/e2e/leads-screenshot';

const path = join(root, 'docs', 'screenshot.png');
const session = await startHubSession({ viewport: { width: 1280, height: 800 } });
try {
  await session.callApi('workspace.loadDemo', {});
  const bytes = await screenshotLeadsPage(session.page, session.baseUrl, path);
  console.log(`Wrote ${path} (${bytes} bytes); review it, then commit it.`);
} finally {
  await session.stop();
}

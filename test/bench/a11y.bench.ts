// Accessibility figures in Chromium against a demo hub (needs `npm run build:renderer` first): axe-core's serious
// and critical WCAG 2.1 A/AA violations over every page and main dialog, as the team lead and as a rep, in both
// languages (the same scan as test/e2e/a11y.test.ts), and what 200% zoom on a 1280×720 window leaves visible.
import { countNodes, scanAll, signPageInAsDemoRep } from '../e2e/a11y-scan';
import { kanbanCardsVisible, leadsRowsVisible, ZOOM_200_VIEWPORT } from '../e2e/a11y-zoom';
import { startHubSession } from '../e2e/hub-harness';
import type { Report } from './figure';
import { figure } from './figure';

export async function run(report: Report): Promise<void> {
  const session = await startHubSession({ hubArgs: ['--demo'], viewport: { width: 1280, height: 720 } });
  try {
    const lead = await scanAll(session, 'lead');
    await signPageInAsDemoRep(session, session.page);
    const rep = await scanAll(session, 'rep');
    for (const finding of [...lead, ...rep]) {
      console.log(`#   ${finding.where}: ${finding.rule} (${finding.impact}) ×${finding.count}`);
    }
    report(figure('a11y_serious_critical_violations', countNodes([...lead, ...rep]), '', '<=', 0));
  } finally {
    await session.stop();
  }

  const zoomed = await startHubSession({ hubArgs: ['--demo'], viewport: ZOOM_200_VIEWPORT });
  try {
    report(figure('a11y_zoom200_leads_rows_visible', await leadsRowsVisible(zoomed), '', '>=', 5));
    const { min } = await kanbanCardsVisible(zoomed);
    report(figure('a11y_zoom200_kanban_cards_visible_per_column', min, '', '>=', 2));
  } finally {
    await zoomed.stop();
  }
}

// Hash routing: `#/leads` and so on; works from file:// in Electron and from the hub without server routes.
import { useCallback } from 'react';
import { useLocationHash } from '../ui/use-location-hash';

const PAGES = [
  'queue',
  'agenda',
  'funnel',
  'pool',
  'leads',
  'import',
  'rules',
  'team',
  'dashboard',
  'transparency',
  'settings',
] as const;
export type Page = (typeof PAGES)[number];

/**
 * Pages only the team lead works on; a rep's navigation leaves them out (the server refuses their calls anyway).
 * The Dashboard is not one: a rep's shows their own figures beside the team median (RepDashboard).
 */
const TEAM_LEAD_PAGES: ReadonlySet<Page> = new Set<Page>(['import', 'team']);

export function isPageFor(page: Page, role: 'lead' | 'rep'): boolean {
  return role === 'lead' || !TEAM_LEAD_PAGES.has(page);
}

const DEFAULT_PAGE: Page = 'leads';

function parsePage(hash: string): Page {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : DEFAULT_PAGE;
}

export function usePage(): [Page, (page: Page) => void] {
  const hash = useLocationHash();
  const navigate = useCallback((page: Page) => {
    window.location.hash = `/${page}`;
  }, []);
  return [parsePage(hash), navigate];
}

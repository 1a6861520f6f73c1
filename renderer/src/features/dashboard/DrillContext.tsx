// Click-through: any count on the Dashboard is a link to the Leads page showing exactly the leads behind it
// (the count's criteria in the link; leads.list selects by the very conditions the count used).
import { Anchor, Text } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useDashboardTranslation } from './bundle';
import type { DrillRequest, KpiQuery } from './dashboard-queries';
import { leadsDrillHref } from './leads-drill';

const DrillQuery = createContext<KpiQuery | null>(null);

/** Provides click-through to everything inside it, for the period and filters of `query` (none while it is null). */
export function DrillProvider({ query, children }: { query: KpiQuery | null; children: ReactNode }) {
  return <DrillQuery.Provider value={query}>{children}</DrillQuery.Provider>;
}

/** The period and filters counts open their leads for; null while the page shows the previous query's figures. */
export function useDrillQuery(): KpiQuery | null {
  return useContext(DrillQuery);
}

/** A count that opens the leads behind it on the Leads page. */
export function CountLink({
  count,
  label,
  request,
  testId,
  children,
}: {
  count: number;
  label: string;
  request: DrillRequest;
  testId?: string | undefined;
  children?: ReactNode;
}) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const query = useContext(DrillQuery);
  if (query === null || count === 0)
    return <span data-testid={testId}>{children ?? formatNumber(count, language)}</span>;
  return (
    <Anchor
      href={leadsDrillHref({ ...query, ...request }, label)}
      inherit
      data-testid={testId}
      data-count={count}
      data-drill-link
      // A title, not an aria-label: the link's name stays its visible text (WCAG 2.5.3); underlined, so it is
      // told apart from the text around it by more than colour (1.4.1).
      title={t('dashboard.drill.open', { count: formatNumber(count, language) })}
      underline="always"
    >
      {children ?? formatNumber(count, language)}
    </Anchor>
  );
}

/** A line whose placeholders (<won/>, <arrived/>, …) are counts, each a link to the leads behind it. */
export function CountsLine({
  testId,
  i18nKey,
  values,
  counts,
}: {
  testId: string;
  i18nKey: string;
  values?: Record<string, string>;
  counts: Record<string, { count: number; label: string; request: DrillRequest; testId: string }>;
}) {
  const { t } = useDashboardTranslation();
  const components = Object.fromEntries(
    Object.entries(counts).map(([name, link]) => [name, <CountLink key={name} {...link} />]),
  );
  return (
    <Text size="xs" data-testid={testId}>
      <Trans t={t} i18nKey={i18nKey} values={values} components={components} />
    </Text>
  );
}

// Counts of hand-overs (not of leads: a lead handed over twice counts twice) open those rows of the assignment
// history, as the other counts open their leads on the Leads page: a rep's leads received by grade, and the
// response card's "reached within target" and the hand-overs it is a share of.
import { Anchor } from '@mantine/core';
import { Trans } from 'react-i18next';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { assignmentLogHref, type AssignmentLogLink } from '../transparency/log-link';
import type { ResponseOutcome } from '../../../../core/domain/kpi/response-time';
import { useDashboardTranslation } from './bundle';
import type { KpiQuery } from './dashboard-queries';

/**
 * The hand-overs behind a response figure of the period and filters shown (a rep's row: that rep's), in the
 * assignment history; null while the page shows the previous query's figures.
 */
export function responseLogLink(
  query: KpiQuery | null,
  response: ResponseOutcome,
  repId?: string,
): AssignmentLogLink | null {
  if (query === null) return null;
  const { from, to, tier, source } = query;
  return { repId: repId ?? query.repId ?? null, grade: null, from, to, tier, source, response };
}

export function HandOversLink({
  count,
  link,
  testId,
}: {
  count: number;
  /** Null while the page shows the previous query's figures: no link to rows they may not be. */
  link: AssignmentLogLink | null;
  testId?: string;
}) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  if (count === 0 || link === null) return <span data-testid={testId}>{formatNumber(count, language)}</span>;
  return (
    <Anchor
      href={assignmentLogHref(link)}
      inherit
      underline="always"
      data-testid={testId}
      data-count={count}
      data-log-link
      title={t('dashboard.drill.openLog', { count: formatNumber(count, language) })}
    >
      {formatNumber(count, language)}
    </Anchor>
  );
}

/** Words whose placeholders (<hits/>, <n/>) are counts of hand-overs, each a link to its rows of the history. */
export function HandOversText({
  i18nKey,
  values,
  counts,
}: {
  i18nKey: string;
  values?: Record<string, string>;
  counts: Record<string, { count: number; link: AssignmentLogLink | null; testId: string }>;
}) {
  const { t } = useDashboardTranslation();
  const components = Object.fromEntries(
    Object.entries(counts).map(([name, count]) => [name, <HandOversLink key={name} {...count} />]),
  );
  return <Trans t={t} i18nKey={i18nKey} values={values} components={components} />;
}

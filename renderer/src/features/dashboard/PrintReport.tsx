// The Dashboard's PDF report: a button that prints the page (the browser's or Electron's print, "Save as PDF"),
// and the header printed on every page with the period and the filters.
import { Button, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useReps } from '../../api/queries';
import { useDashboardTranslation } from './bundle';
import type { KpiQuery } from './dashboard-queries';
import './dashboard-print.css';

/** The period and filters in words, as printed on the report and used as its file name. */
export function useReportLine(query: KpiQuery): string {
  const { t } = useDashboardTranslation();
  const reps = useReps(true);
  const parts = [t('dashboard.range', { from: query.from, to: query.to })];
  if (query.repId !== undefined)
    parts.push((reps.data ?? []).find((rep) => rep.id === query.repId)?.name ?? query.repId);
  if (query.tier !== undefined) parts.push(t(`dashboard.filters.${query.tier}`));
  if (query.source !== undefined) parts.push(query.source);
  if (parts.length === 1) parts.push(t('dashboard.print.noFilters'));
  return parts.join(' · ');
}

/**
 * While the Dashboard is open the window's title carries the period and filters: the browser's own print to PDF
 * (menu or Ctrl+P, not only the button) then names the file and titles the document by them.
 */
export function useReportTitle(line: string): void {
  const { t } = useDashboardTranslation();
  const title = `${t('dashboard.print.title')} ${line}`;
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}

export function PrintHeader({ line }: { line: string }) {
  const { t } = useDashboardTranslation();
  return (
    <div className="fl-print-only fl-print-header" data-testid="dashboard-print-header">
      <Text fw={700}>{t('dashboard.print.title')}</Text>
      <Text size="sm" data-testid="dashboard-print-period">
        {line}
      </Text>
    </div>
  );
}

export function PrintButton({ line }: { line: string }) {
  const { t } = useDashboardTranslation();
  return (
    <Button
      variant="default"
      size="xs"
      className="fl-print-hide"
      data-testid="dashboard-print"
      data-report={line}
      // The page's title already names the report by its period (useReportTitle).
      onClick={() => window.print()}
    >
      {t('dashboard.print.button')}
    </Button>
  );
}

// The Dashboard's PDF report: in the desktop app a save dialog and Electron's printToPDF (electron/print-to-pdf.ts),
// in a browser its print dialog ("Save as PDF"); the period and the filters printed on every page either way.
import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../../../../core/api/errors';
import type { FairleadBridge } from '../../../../core/api/transport/bridge';
import { MAX_PDF_FOOTER, MAX_PDF_NAME } from '../../../../core/api/transport/desktop-print';
import { wordApiError } from '../../api/worded-errors';
import { useReps } from '../../api/queries';
import { useLanguage } from '../../ui/use-language';
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

/** The desktop shell's PDF door, when the page runs in it (a browser has none). */
function desktopPrint(): FairleadBridge['printToPdf'] {
  // The same window.fairlead the client picks its transport by (api/pick-client.ts).
  const shell = window as Window & { readonly fairlead?: FairleadBridge };
  return shell.fairlead?.printToPdf;
}

export function PrintButton({ line }: { line: string }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const printToPdf = desktopPrint();
  const report = `${t('dashboard.print.title')} ${line}`;
  const save = useMutation({
    mutationFn: async () => {
      if (printToPdf === undefined) return null;
      const answer = await printToPdf({
        fileName: report.slice(0, MAX_PDF_NAME),
        footer: report.slice(0, MAX_PDF_FOOTER),
      });
      if (!answer.ok) throw wordApiError(new ApiError(answer.error), language);
      return answer.value;
    },
    onSuccess: (value) => {
      if (value?.saved === true)
        notifications.show({ color: 'teal', message: t('dashboard.print.saved', { path: value.path }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  return (
    <Button
      variant="default"
      size="xs"
      className="fl-print-hide"
      data-testid="dashboard-print"
      data-report={line}
      loading={save.isPending}
      // In a browser the page's title already names the report by its period (useReportTitle).
      onClick={() => (printToPdf === undefined ? window.print() : save.mutate())}
    >
      {t(printToPdf === undefined ? 'dashboard.print.button' : 'dashboard.print.desktopButton')}
    </Button>
  );
}

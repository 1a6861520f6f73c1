// The Dashboard's PDF report in the desktop app: the button saves through the preload's printToPdf (a save dialog
// in the main process) with the period and filters in the file name and on every page, never the browser's print.
import { notifications } from '@mantine/notifications';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FairleadBridge } from '../../../core/api/transport/bridge';
import type { PrintToPdfRequest, PrintToPdfResult } from '../../../core/api/transport/desktop-print';
import { DashboardPage } from '../../../renderer/src/features/dashboard/DashboardPage';
import { answers } from './dashboard-fixtures';
import { createFakeClient, renderWithApp } from './render-app';

function installDesktopBridge(answer: PrintToPdfResult) {
  const printToPdf = vi.fn(async (_request: PrintToPdfRequest) => answer);
  const bridge: FairleadBridge = {
    call: async () => ({ ok: true, value: null }),
    onEvent: () => () => undefined,
    printToPdf,
  };
  Object.defineProperty(window, 'fairlead', { value: bridge, configurable: true });
  return printToPdf;
}

describe('the Dashboard report in the desktop app', { timeout: 30_000 }, () => {
  afterEach(() => {
    Reflect.deleteProperty(window, 'fairlead');
    notifications.clean();
  });

  it('saves the PDF through the desktop app with the period and filters, and says where', async () => {
    const printToPdf = installDesktopBridge({
      ok: true,
      value: { saved: true, path: '/home/wang/报告.pdf' },
    });
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderWithApp(<DashboardPage />, createFakeClient(answers()), 'zh-CN');
    const period = await screen.findByTestId('dashboard-print-period', {}, { timeout: 10_000 });
    const button = screen.getByTestId('dashboard-print');
    expect(button.textContent).toBe('导出 PDF 报告');
    fireEvent.click(button);
    await screen.findByText('PDF 报告已保存：/home/wang/报告.pdf', {}, { timeout: 10_000 });
    expect(printToPdf).toHaveBeenCalledTimes(1);
    const request = printToPdf.mock.calls[0]?.[0];
    expect(request?.fileName).toBe(`销售线索仪表盘报告 ${period.textContent}`);
    expect(request?.footer).toContain(period.textContent ?? '?');
    expect(request?.footer).toContain('全部销售、全部来源');
    expect(print).not.toHaveBeenCalled();
    print.mockRestore();
  });

  it('shows a refusal in the UI’s language, and nothing when the save dialog is closed', async () => {
    installDesktopBridge({
      ok: false,
      error: {
        code: 'internal',
        reason: 'print.failed',
        message: 'The PDF could not be saved to /mnt/x.pdf: EACCES',
        details: { path: '/mnt/x.pdf', detail: 'EACCES' },
      },
    });
    const view = renderWithApp(<DashboardPage />, createFakeClient(answers()), 'zh-CN');
    fireEvent.click(await screen.findByTestId('dashboard-print', {}, { timeout: 10_000 }));
    await screen.findByText('PDF 未能保存到 /mnt/x.pdf：EACCES', {}, { timeout: 10_000 });
    view.unmount();

    notifications.clean();
    await waitFor(() => expect(document.querySelector('.mantine-Notification-root')).toBeNull());
    const printToPdf = installDesktopBridge({ ok: true, value: { saved: false } });
    renderWithApp(<DashboardPage />, createFakeClient(answers()), 'zh-CN');
    const button = await screen.findByTestId('dashboard-print', {}, { timeout: 10_000 });
    fireEvent.click(button);
    await waitFor(() => expect(printToPdf).toHaveBeenCalledTimes(1));
    // Settled (no longer loading): the closed dialog said nothing.
    await waitFor(() => expect(button.hasAttribute('data-loading')).toBe(false));
    expect(document.querySelector('.mantine-Notification-root')).toBeNull();
  });
});

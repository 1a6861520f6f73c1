// The desktop app's PDF report: the page asks, the main process shows a save dialog, prints the asking window
// with Electron's printToPDF (the page's print stylesheet, its period and filters in a footer on every page) and
// writes the file. Typed against minimal shapes so tests pass fakes (there is no Electron binary in CI).
import { extname } from 'node:path';
import { refusalData, TRANSPORT_ERRORS } from '../core/api/errors';
import {
  PRINT_ERRORS,
  PRINT_TO_PDF_CHANNEL,
  printToPdfRequestSchema,
  type PrintToPdfResult,
} from '../core/api/transport/desktop-print';
import type { IpcInvokeEvent, IpcMainLike } from '../core/api/transport/ipc-binding';

/** What of a web contents printing needs (Electron's `WebContents.printToPDF`). */
export interface PrintableContents {
  printToPDF(options: PdfOptions): Promise<Uint8Array>;
}

export interface PdfOptions {
  readonly pageSize: 'A4';
  readonly printBackground: boolean;
  readonly preferCSSPageSize: boolean;
  readonly displayHeaderFooter: boolean;
  readonly headerTemplate: string;
  readonly footerTemplate: string;
}

export interface PrintToPdfDeps {
  readonly ipcMain: IpcMainLike;
  /** The renderer pages allowed to ask (the app's own), as for contract calls. */
  readonly isTrustedFrameUrl: (url: string) => boolean;
  /** The asking window's contents, by the sender's id; null once it is gone. */
  readonly contentsOf: (id: number) => PrintableContents | null;
  /** Electron's save dialog, parented to the asking window. */
  readonly showSaveDialog: (
    id: number,
    options: { defaultPath: string; filters: { name: string; extensions: string[] }[] },
  ) => Promise<{ canceled: boolean; filePath?: string | undefined }>;
  readonly writeFile: (path: string, data: Uint8Array) => Promise<void>;
  /** Where the dialog starts: the person's documents folder. */
  readonly defaultFolder: () => string;
  readonly joinPath: (folder: string, name: string) => string;
}

/** Characters no file name may hold on Windows, macOS or Linux (control characters are dropped apart). */
const UNSAFE_IN_NAME = new Set('<>:"/\\|?*');

/** A suggested name safe as one file name in any folder: no separators, no leading dots, `.pdf` at the end. */
export function safePdfName(name: string): string {
  const cleaned = [...name]
    .map((c) => (UNSAFE_IN_NAME.has(c) || c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return `${cleaned === '' ? 'report' : cleaned}.pdf`;
}

/** Text as HTML: the footer template is markup, the line in it is the page's words. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * The footer Chromium repeats on every printed page: the report's line and "page / pages". Its classes are the ones
 * printToPDF fills in (pageNumber, totalPages); it has no stylesheet of its own, so the size is set here.
 */
export function footerTemplate(line: string): string {
  return (
    `<div style="font-size:8px;width:100%;padding:0 10mm;display:flex;justify-content:space-between;color:#555">` +
    `<span>${escapeHtml(line)}</span>` +
    `<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
  );
}

async function printToPdf(
  deps: PrintToPdfDeps,
  event: IpcInvokeEvent,
  input: unknown,
): Promise<PrintToPdfResult> {
  if (!deps.isTrustedFrameUrl(event.senderFrame?.url ?? ''))
    return { ok: false, error: refusalData(TRANSPORT_ERRORS.untrustedPage) };
  const parsed = printToPdfRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    return {
      ok: false,
      error: refusalData(PRINT_ERRORS.invalidRequest, { detail: issue?.message ?? 'invalid' }, field),
    };
  }
  const id = event.sender.id;
  const choice = await deps.showSaveDialog(id, {
    defaultPath: deps.joinPath(deps.defaultFolder(), safePdfName(parsed.data.fileName)),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '')
    return { ok: true, value: { saved: false } };
  const path = extname(choice.filePath).toLowerCase() === '.pdf' ? choice.filePath : `${choice.filePath}.pdf`;
  try {
    const contents = deps.contentsOf(id);
    if (contents === null) throw new Error('the window was closed');
    const data = await contents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      // The print stylesheet's @page (A4, margins) decides the layout, as in the browser.
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(parsed.data.footer),
    });
    await deps.writeFile(path, data);
    return { ok: true, value: { saved: true, path } };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: refusalData(PRINT_ERRORS.failed, { path, detail }) };
  }
}

/**
 * Registers the PDF channel, the one IPC handler outside the generated contract binding: printing is the window's
 * own, which the core (in its utilityProcess) cannot do. Returns the function that removes it.
 */
export function bindPrintToPdf(deps: PrintToPdfDeps): () => void {
  deps.ipcMain.handle(PRINT_TO_PDF_CHANNEL, (event, input: unknown) => printToPdf(deps, event, input));
  return () => deps.ipcMain.removeHandler(PRINT_TO_PDF_CHANNEL);
}

// The desktop PDF report's main-process side with fakes (no Electron binary here): the save dialog, Electron's
// printToPDF of the asking window with the period line at the foot of every page, the file written, and refusals.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IpcInvokeEvent } from '../../../core/api/transport/ipc-binding';
import { PRINT_TO_PDF_CHANNEL, type PrintToPdfResult } from '../../../core/api/transport/desktop-print';
import {
  bindPrintToPdf,
  footerTemplate,
  safePdfName,
  type PdfOptions,
  type PrintToPdfDeps,
} from '../../../electron/print-to-pdf';

const APP_PAGE = 'app://fairlead/index.html';
const LINE = '销售线索仪表盘报告 2026-11-04 至 2026-12-03 · 全部销售、全部来源';
const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

type Handler = (event: IpcInvokeEvent, input: unknown) => Promise<PrintToPdfResult>;

function harness(options: {
  chosen?: string | null;
  print?: (options: PdfOptions) => Promise<Uint8Array>;
  isWindowGone?: boolean;
  write?: (path: string, data: Uint8Array) => Promise<void>;
}) {
  const handlers = new Map<string, Handler>();
  const dialogs: { id: number; defaultPath: string }[] = [];
  const printed: PdfOptions[] = [];
  const written: { path: string; data: Uint8Array }[] = [];
  const deps: PrintToPdfDeps = {
    ipcMain: {
      handle: (channel, listener) => handlers.set(channel, listener as Handler),
      removeHandler: (channel) => handlers.delete(channel),
    },
    isTrustedFrameUrl: (url) => url === APP_PAGE,
    contentsOf: (id) =>
      options.isWindowGone === true || id !== 7
        ? null
        : {
            printToPDF: async (pdf) => {
              printed.push(pdf);
              return options.print === undefined ? PDF_BYTES : options.print(pdf);
            },
          },
    showSaveDialog: async (id, dialog) => {
      dialogs.push({ id, defaultPath: dialog.defaultPath });
      const chosen = options.chosen === undefined ? '/home/wang/文档/报告.pdf' : options.chosen;
      return chosen === null ? { canceled: true } : { canceled: false, filePath: chosen };
    },
    writeFile:
      options.write ??
      (async (path, data) => {
        written.push({ path, data });
      }),
    defaultFolder: () => '/home/wang/文档',
    joinPath: join,
  };
  const unbind = bindPrintToPdf(deps);
  const ask = (input: unknown, url = APP_PAGE) => {
    const handler = handlers.get(PRINT_TO_PDF_CHANNEL);
    if (handler === undefined) throw new Error('no PDF channel');
    return handler({ senderFrame: { url }, sender: { id: 7 } }, input);
  };
  return { ask, dialogs, printed, written, handlers, unbind };
}

describe('the desktop PDF report', () => {
  it('asks where to save, prints the asking window as an A4 PDF with the period line on every page, and writes it', async () => {
    const h = harness({});
    const answer = await h.ask({ fileName: LINE, footer: LINE });
    expect(answer).toEqual({ ok: true, value: { saved: true, path: '/home/wang/文档/报告.pdf' } });
    expect(h.dialogs).toEqual([{ id: 7, defaultPath: join('/home/wang/文档', `${LINE}.pdf`) }]);
    expect(h.printed).toHaveLength(1);
    expect(h.printed[0]).toMatchObject({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
    });
    expect(h.printed[0]?.footerTemplate).toContain(LINE);
    expect(h.printed[0]?.footerTemplate).toContain('class="pageNumber"');
    expect(h.written).toEqual([{ path: '/home/wang/文档/报告.pdf', data: PDF_BYTES }]);
  });

  it('adds .pdf to a chosen name without it', async () => {
    const h = harness({ chosen: '/tmp/周报' });
    expect(await h.ask({ fileName: 'r', footer: '' })).toEqual({
      ok: true,
      value: { saved: true, path: '/tmp/周报.pdf' },
    });
    expect(h.written[0]?.path).toBe('/tmp/周报.pdf');
  });

  it('prints and writes nothing when the save dialog is closed', async () => {
    const h = harness({ chosen: null });
    expect(await h.ask({ fileName: LINE, footer: LINE })).toEqual({ ok: true, value: { saved: false } });
    expect(h.printed).toHaveLength(0);
    expect(h.written).toHaveLength(0);
  });

  it('refuses a page that is not the app’s own before showing any dialog', async () => {
    const h = harness({});
    const answer = await h.ask({ fileName: LINE, footer: LINE }, 'https://evil.example/');
    expect(answer).toMatchObject({ ok: false, error: { reason: 'transport.untrustedPage' } });
    expect(h.dialogs).toHaveLength(0);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'report'],
    ['no file name', { footer: LINE }],
    ['an empty file name', { fileName: '   ', footer: '' }],
    ['a number for a name', { fileName: 42, footer: '' }],
    ['an extra key', { fileName: 'r', footer: '', path: '/etc/passwd' }],
    ['a __proto__ key', JSON.parse('{"fileName":"r","footer":"","__proto__":{"x":1}}')],
    ['a huge name', { fileName: 'x'.repeat(10_000), footer: '' }],
    ['a huge footer', { fileName: 'r', footer: 'x'.repeat(100_000) }],
  ])('refuses %s as an invalid request, showing no dialog', async (_what, input) => {
    const h = harness({});
    const answer = await h.ask(input);
    expect(answer).toMatchObject({
      ok: false,
      error: { reason: 'print.invalidRequest', code: 'invalid_input' },
    });
    expect(h.dialogs).toHaveLength(0);
  });

  it('says where the PDF could not be saved and why', async () => {
    const failing = harness({
      write: async () => {
        throw new Error('EACCES: permission denied');
      },
    });
    const answer = await failing.ask({ fileName: 'r', footer: '' });
    expect(answer).toMatchObject({ ok: false, error: { reason: 'print.failed' } });
    expect(answer.ok ? '' : answer.error.message).toContain('/home/wang/文档/报告.pdf');
    expect(answer.ok ? '' : answer.error.message).toContain('EACCES');

    const closed = harness({ isWindowGone: true });
    expect(await closed.ask({ fileName: 'r', footer: '' })).toMatchObject({
      ok: false,
      error: { reason: 'print.failed' },
    });
    expect(closed.written).toHaveLength(0);
  });

  it('removes its channel when unbound', () => {
    const h = harness({});
    expect([...h.handlers.keys()]).toEqual([PRINT_TO_PDF_CHANNEL]);
    h.unbind();
    expect(h.handlers.size).toBe(0);
  });

  it('prints the page’s words in the footer as text, never as markup', () => {
    const footer = footerTemplate('<img src=x onerror="alert(1)"> & 王芳');
    expect(footer).not.toContain('<img');
    expect(footer).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; 王芳');
  });

  it.each([
    ['2026-11-04 至 2026-12-03 · 王芳', '2026-11-04 至 2026-12-03 · 王芳.pdf'],
    ['../../etc/passwd', 'etc passwd.pdf'],
    ['C:\\Windows\\system32', 'C Windows system32.pdf'],
    ['a<b>c:d"e|f?g*h', 'a b c d e f g h.pdf'],
    ['line\nbreak\u0000nul', 'line break nul.pdf'],
    ['...', 'report.pdf'],
    ['   ', 'report.pdf'],
  ])('makes %j one safe file name', (name, expected) => {
    expect(safePdfName(name)).toBe(expected);
  });
});

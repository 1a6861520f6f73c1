// The desktop app's "save the page as a PDF" door: one IPC channel beside the contract's (printing is the window's
// business, not the core's), its request schema, its answer and its refusals — declared once for the preload, the
// main process and the renderer.
import { z } from 'zod';
import { defineErrors, type ApiErrorData } from '../errors';

export const PRINT_TO_PDF_CHANNEL = 'fairlead:print-to-pdf';

/** Longest suggested file name and footer line accepted from the page. */
export const MAX_PDF_NAME = 120;
export const MAX_PDF_FOOTER = 300;

export const printToPdfRequestSchema = z
  .object({
    /** The file name the save dialog suggests, without folder or extension (the period and filters). */
    fileName: z.string().trim().min(1).max(MAX_PDF_NAME),
    /** Printed at the foot of every page beside the page number: the report's title, period and filters. */
    footer: z.string().max(MAX_PDF_FOOTER),
  })
  .strict();
export type PrintToPdfRequest = z.output<typeof printToPdfRequestSchema>;

/** Saved (with the file's path), or the person closed the save dialog; a refusal as data, never a throw. */
export type PrintToPdfResult =
  | {
      readonly ok: true;
      readonly value: { readonly saved: true; readonly path: string } | { readonly saved: false };
    }
  | { readonly ok: false; readonly error: ApiErrorData };

export const PRINT_ERRORS = defineErrors('print', {
  invalidRequest: {
    kind: 'invalid_input',
    en: 'The PDF request is not valid: {{detail}}',
    zh: 'PDF 导出请求无效：{{detail}}',
  },
  failed: {
    kind: 'internal',
    en: 'The PDF could not be saved to {{path}}: {{detail}}',
    zh: 'PDF 未能保存到 {{path}}：{{detail}}',
  },
});

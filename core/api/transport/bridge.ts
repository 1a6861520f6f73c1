// The shape the Electron preload exposes as `window.fairlead`: nothing but the contract's calls and events.
import type { CallResult, PushedEvent } from '../contract';
import type { PrintToPdfRequest, PrintToPdfResult } from './desktop-print';

export interface FairleadBridge {
  /** Invokes one contract call; the answer is data (`{ ok, value } | { ok: false, error }`), never a throw. */
  call(name: string, input: unknown): Promise<CallResult<unknown>>;
  /** Listens to pushed events; returns the function that stops listening. */
  onEvent(listener: (event: PushedEvent) => void): () => void;
  /** The desktop app only: saves the asking page as a PDF where the person chooses (electron/print-to-pdf.ts). */
  printToPdf?(request: PrintToPdfRequest): Promise<PrintToPdfResult>;
}

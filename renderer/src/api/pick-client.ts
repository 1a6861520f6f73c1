// Chooses the transport: the Electron bridge when the preload exposed one, otherwise HTTP to the page's own hub.
import type { FairleadBridge } from '../../../core/api/transport/bridge';
import type { AppClient } from '../../../core/api/transport/app-client';
import { createHttpClient } from '../../../core/api/transport/http-client';
import { createIpcClient } from './ipc-client';

declare global {
  interface Window {
    readonly fairlead?: FairleadBridge;
  }
}

export function pickClient(win: Window = window): AppClient {
  if (win.fairlead) return createIpcClient(win.fairlead);
  return createHttpClient({ baseUrl: win.location.origin });
}

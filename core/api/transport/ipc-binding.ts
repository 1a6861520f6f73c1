// The Electron IPC transport, generated from the contract: one `ipcMain.handle` channel per call, each checking
// the sender frame before anything runs. Typed against a minimal ipcMain shape so tests can pass a fake.
import { CALL_NAMES, type CallResult } from '../contract';
import { refusalData, TRANSPORT_ERRORS } from '../errors';

export const IPC_CALL_PREFIX = 'fairlead:call:';
export const IPC_EVENT_CHANNEL = 'fairlead:event';

export interface IpcSenderFrame {
  readonly url: string;
}
export interface IpcInvokeEvent {
  readonly senderFrame: IpcSenderFrame | null;
  /** The calling window's web contents: its session is the one the main process holds for it. */
  readonly sender: { readonly id: number };
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Runs a call for the window `windowId`; the page never supplies a session token. */
export type Dispatch = (name: string, input: unknown, windowId: number) => Promise<CallResult<unknown>>;

export function ipcChannelFor(name: string): string {
  return `${IPC_CALL_PREFIX}${name}`;
}

/**
 * Registers a handler per contract call. `isTrustedFrameUrl` decides which renderer pages may call
 * (the packaged file:// page or the dev server), see https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
export function bindContractToIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrustedFrameUrl: (url: string) => boolean,
): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcChannelFor(name), async (event, input: unknown): Promise<CallResult<unknown>> => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedFrameUrl(url)) {
        return { ok: false, error: refusalData(TRANSPORT_ERRORS.untrustedPage) };
      }
      return dispatch(name, input, event.sender.id);
    });
  }
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(ipcChannelFor(name));
  };
}

// The sandboxed preload: exposes the contract's calls and events as window.fairlead, and the desktop's PDF report.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { FairleadBridge } from '../core/api/transport/bridge';
import { CALL_NAMES, type CallResult, type PushedEvent } from '../core/api/contract';
import { IPC_EVENT_CHANNEL, ipcChannelFor } from '../core/api/transport/ipc-binding';
import { COMMON_ERRORS, refusalData } from '../core/api/errors';
import { PRINT_TO_PDF_CHANNEL, type PrintToPdfResult } from '../core/api/transport/desktop-print';

const known = new Set<string>(CALL_NAMES);

const bridge: FairleadBridge = {
  async call(name, input) {
    if (typeof name !== 'string' || !known.has(name)) {
      return {
        ok: false,
        error: refusalData(COMMON_ERRORS.unknownCall, { name: String(name).slice(0, 80) }),
      };
    }
    return (await ipcRenderer.invoke(ipcChannelFor(name), input)) as CallResult<unknown>;
  },
  onEvent(listener) {
    const wrapped = (_event: IpcRendererEvent, pushed: PushedEvent) => listener(pushed);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
  },
  // The main process checks the sender and validates the request; nothing else of IPC reaches the page.
  async printToPdf(request) {
    return (await ipcRenderer.invoke(PRINT_TO_PDF_CHANNEL, request)) as PrintToPdfResult;
  },
};

contextBridge.exposeInMainWorld('fairlead', bridge);

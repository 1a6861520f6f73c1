// The Electron transport: every call goes through the preload's `window.fairlead` bridge, answers come back as data.
// The main process holds this window's session: the renderer signs in and out with ordinary calls.
import type { FairleadBridge } from '../../../core/api/transport/bridge';
import { unwrapResult } from '../../../core/api/transport/client';
import type { CallOutput } from '../../../core/api/contract';
import type { AppClient } from '../../../core/api/transport/app-client';

export function createIpcClient(bridge: FairleadBridge): AppClient {
  return {
    async call(name, input) {
      const result = await bridge.call(name, input);
      return unwrapResult(result) as CallOutput<typeof name>;
    },
    subscribe(listener) {
      return bridge.onEvent(listener);
    },
  };
}

// The Electron transport: every call goes through the preload's `window.fairlead` bridge, answers come back as data.
import type { FairleadBridge } from '../../../core/api/transport/bridge';
import { unwrapResult, type FairleadClient } from '../../../core/api/transport/client';
import type { CallOutput } from '../../../core/api/contract';

export function createIpcClient(bridge: FairleadBridge): FairleadClient {
  let token: string | null = null;
  return {
    async call(name, input) {
      const result = await bridge.call(name, input, token);
      return unwrapResult(result) as CallOutput<typeof name>;
    },
    subscribe(listener) {
      return bridge.onEvent(listener);
    },
    setSessionToken(next) {
      token = next;
    },
  };
}

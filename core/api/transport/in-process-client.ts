// The in-process transport: calls the service directly (tests, and the hub's own scheduler).
import type { FairleadClient } from './client';
import { unwrapResult } from './client';
import type { CallOutput } from '../contract';
import type { Service } from '../service';

export function createInProcessClient(service: Service): FairleadClient {
  let token: string | null = null;
  return {
    async call(name, input) {
      // Cross a structured-clone boundary like the other transports do, so tests see what a UI would.
      const result = await service.dispatch(name, structuredClone(input), { token });
      return structuredClone(unwrapResult(result)) as CallOutput<typeof name>;
    },
    subscribe(listener) {
      return service.subscribe((event) => listener(structuredClone(event)));
    },
    setSessionToken(next) {
      token = next;
    },
  };
}

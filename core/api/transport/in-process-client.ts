// The in-process transport: calls the service directly, as a person the calling code has proven itself (the hub's
// scheduler runs as the team lead; tests choose). It reopens that person's session when it ends.
import type { FairleadClient } from './client';
import { unwrapResult } from './client';
import type { CallOutput, CallResult } from '../contract';
import type { Service } from '../service';
import type { Person } from '../session/session-registry';

export interface InProcessClientOptions {
  /** The person calls run as; omitted: no session until `setSessionToken` gives one. */
  readonly as?: Person;
}

export function createInProcessClient(
  service: Service,
  options: InProcessClientOptions = {},
): FairleadClient {
  let token: string | null = options.as ? service.openTrustedSession(options.as) : null;
  let isOwnSession = options.as !== undefined;
  return {
    async call(name, input) {
      // Cross a structured-clone boundary like the other transports do, so tests see what a UI would.
      let result: CallResult<unknown> = await service.dispatch(name, structuredClone(input), { token });
      if (!result.ok && result.error.code === 'unauthenticated' && isOwnSession && options.as) {
        token = service.openTrustedSession(options.as);
        result = await service.dispatch(name, structuredClone(input), { token });
      }
      return structuredClone(unwrapResult(result)) as CallOutput<typeof name>;
    },
    subscribe(listener) {
      return service.subscribe((event) => listener(structuredClone(event)));
    },
    setSessionToken(next) {
      token = next;
      isOwnSession = false;
    },
  };
}

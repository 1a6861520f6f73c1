// The core's own answers: it is standalone; connecting and disconnecting belong to the desktop app's main process.
import type { HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import type { clientCalls } from './calls';
import { CLIENT_ERRORS } from './errors';

export const clientHandlers: HandlersOf<typeof clientCalls> = {
  'client.status'() {
    return {
      mode: 'standalone',
      hubUrl: null,
      state: null,
      unreachableSince: null,
      caFingerprint256: null,
      signedOutRep: null,
    };
  },
  async 'client.probe'() {
    throw new ServiceError(CLIENT_ERRORS.desktopOnly);
  },
  async 'client.connect'() {
    throw new ServiceError(CLIENT_ERRORS.desktopOnly);
  },
  'client.disconnect'() {
    throw new ServiceError(CLIENT_ERRORS.notConnected);
  },
};

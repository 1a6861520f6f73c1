// The core's own answers: it is standalone; connecting and disconnecting belong to the desktop app's main process.
import type { CallOutput } from '../contract';
import type { HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import type { clientCalls } from './calls';
import { CLIENT_ERRORS } from './errors';

/** What client.status answers from the core: a PC working in its own workspace, not connected to a hub. */
export const STANDALONE_CLIENT: CallOutput<'client.status'> = {
  mode: 'standalone',
  hubUrl: null,
  state: null,
  unreachableSince: null,
  caFingerprint256: null,
  signedOutRep: null,
};

export const clientHandlers: HandlersOf<typeof clientCalls> = {
  'client.status'() {
    return STANDALONE_CLIENT;
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

// Refusals of the calls that connect this desktop app to a hub.
import { defineErrors } from '../errors';

export const CLIENT_ERRORS = defineErrors('client', {
  desktopOnly: {
    kind: 'conflict',
    en: 'Connecting to a hub is done in the Fairlead desktop app on the rep’s PC.',
    zh: '连接主机需要在销售电脑上的 Fairlead 桌面应用中进行。',
  },
  notConnected: {
    kind: 'conflict',
    en: 'This PC is not connected to a hub.',
    zh: '此电脑尚未连接主机。',
  },
});

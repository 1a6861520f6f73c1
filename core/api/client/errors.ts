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
  repPcSignIn: {
    kind: 'conflict',
    en: 'This PC is paired with the hub for {{name}} and works only as {{name}}: no one else signs in here. The team lead signs in on the hub’s computer or in a browser on the hub’s page.',
    zh: '此电脑已为 {{name}} 与主机配对，只能以 {{name}} 的身份使用，其他人不能在此登录。销售主管请在主机电脑上或在浏览器中打开主机页面登录。',
  },
});

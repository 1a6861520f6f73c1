// Refusals of the hub-mode calls.
import { defineErrors } from '../errors';

export const NETWORK_ERRORS = defineErrors('network', {
  fixedByHost: {
    kind: 'conflict',
    en: 'This hub was started from the command line; hub mode is set there (npm run hub -- --lan), not in Settings.',
    zh: '此主机由命令行启动，局域网模式在启动时设定（npm run hub -- --lan），不能在设置里切换。',
  },
  startFailed: {
    kind: 'conflict',
    en: 'Hub mode could not start: {{detail}}',
    zh: '无法开启主机模式：{{detail}}',
  },
});

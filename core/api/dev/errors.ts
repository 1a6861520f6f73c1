// Refusals of the test hooks.
import { defineErrors } from '../errors';

export const DEV_ERRORS = defineErrors('dev', {
  testHooksOff: {
    kind: 'forbidden',
    en: 'Test hooks are off: start the hub with --test-hooks.',
    zh: '测试钩子未开启：请用 --test-hooks 启动服务。',
  },
});

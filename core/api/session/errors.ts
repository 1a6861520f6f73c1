// Refusals of the session calls: wrong secrets, lockouts, one-time links.
import { defineErrors } from '../errors';

export const SESSION_ERRORS = defineErrors('session', {
  wrongPassword: {
    kind: 'forbidden',
    en: 'Wrong password. {{triesLeft}} tries left before sign-in is paused.',
    zh: '密码错误。再错 {{triesLeft}} 次将暂停登录。',
  },
  wrongPin: {
    kind: 'forbidden',
    en: 'Wrong PIN. {{triesLeft}} tries left before sign-in is paused.',
    zh: 'PIN 错误。再错 {{triesLeft}} 次将暂停登录。',
  },
  lockedOut: {
    kind: 'rate_limited',
    en: 'Too many wrong tries: try again in {{retryAfterSeconds}} seconds.',
    zh: '错误次数过多，请在 {{retryAfterSeconds}} 秒后重试。',
  },
  busy: {
    kind: 'rate_limited',
    en: 'The hub is checking too many sign-ins at once: try again in a few seconds.',
    zh: '主机正同时处理过多登录，请几秒后重试。',
  },
  noPasswordYet: {
    kind: 'conflict',
    en: 'The team lead has not set a password yet: open Fairlead on the team lead’s computer first.',
    zh: '销售主管尚未设置密码：请先在销售主管的电脑上打开 Fairlead。',
  },
  repHasNoPin: {
    kind: 'forbidden',
    en: 'This rep has no PIN yet: the team lead sets one on the Team page.',
    zh: '该销售还没有 PIN：请销售主管在团队页面设置。',
  },
  currentPasswordWrong: {
    kind: 'forbidden',
    en: 'The current password is wrong.',
    zh: '当前密码不正确。',
  },
  linkInvalid: {
    kind: 'forbidden',
    en: 'This sign-in link is not valid (used, expired or mistyped): print a new one with npm run hub.',
    zh: '该登录链接无效（已使用、已过期或有误）：请重新运行 npm run hub 获取新链接。',
  },
  deviceRevoked: {
    kind: 'unauthenticated',
    en: 'This device is no longer paired: ask the team lead for a new pairing code.',
    zh: '此设备已被取消配对：请向销售主管索取新的配对码。',
  },
  deviceNotPaired: {
    kind: 'forbidden',
    en: 'A rep signs in on the LAN only from a device paired for them: this browser or PC is not paired for this rep (or its pairing was revoked). Ask the team lead for a pairing code and pair it first.',
    zh: '在局域网中，销售只能在为其配对的设备上登录：此浏览器或电脑未为该销售配对（或配对已被取消）。请向销售主管索取配对码，先完成配对。',
  },
});

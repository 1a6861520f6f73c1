// Refusals of pairing and device calls.
import { defineErrors } from '../errors';

export const DEVICES_ERRORS = defineErrors('devices', {
  lanOff: {
    kind: 'conflict',
    en: 'Turn on hub mode (Settings → Network) before pairing devices.',
    zh: '请先在“设置 → 网络”中开启主机模式，再配对设备。',
  },
  codeInvalid: {
    kind: 'forbidden',
    en: 'This pairing code is not valid: it may be mistyped, used, expired (10 minutes) or voided after 5 wrong tries. Ask the team lead for a new one.',
    zh: '配对码无效：可能输错、已使用、已过期（10 分钟）或因 5 次错误而作废。请向销售主管索取新的配对码。',
  },
  repInactive: {
    kind: 'conflict',
    en: 'Rep {{repId}} is not active.',
    zh: '销售 {{repId}} 已停用。',
  },
  notFound: { kind: 'not_found', en: 'No device with id {{id}}.', zh: '找不到设备 {{id}}。' },
});

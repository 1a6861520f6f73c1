// Refusals the rep PC's client gives before or instead of asking the hub: pairing checks and a revoked device.
import { defineErrors } from '../api/errors';

export const REP_CLIENT_ERRORS = defineErrors('repClient', {
  codeMalformed: {
    kind: 'invalid_input',
    en: 'This is not a pairing code: it looks like XXXXX-XXXXX-1A2B3C4D. Ask the team lead for the code again.',
    zh: '这不是配对码：配对码形如 XXXXX-XXXXX-1A2B3C4D。请向销售主管重新索取。',
  },
  notYourHub: {
    kind: 'forbidden',
    en: 'This is not your team’s hub: its certificate ({{fingerprint}}) does not match the pairing code. Check the address with the team lead.',
    zh: '这不是您团队的主机：其证书（{{fingerprint}}）与配对码不符。请与销售主管核对地址。',
  },
  hubChanged: {
    kind: 'forbidden',
    en: 'The hub’s certificate is now {{fingerprint}}, not the one you checked: another computer may be answering at this address. Check the hub again.',
    zh: '主机的证书现在是 {{fingerprint}}，与您核对过的不同：该地址可能是另一台电脑。请重新核对主机。',
  },
  caUnavailable: {
    kind: 'internal',
    en: 'The hub at {{hubUrl}} did not hand out its certificate: {{detail}}',
    zh: '位于 {{hubUrl}} 的主机未提供证书：{{detail}}',
  },
  notPaired: {
    kind: 'unauthenticated',
    en: 'This PC is not paired with a hub yet: enter the pairing code from the team lead.',
    zh: '此电脑尚未与主机配对：请输入销售主管提供的配对码。',
  },
  pinMismatch: {
    kind: 'forbidden',
    en: 'The hub presented a certificate that is not the one paired with ({{detail}}): another computer may be answering at this address. Nothing was sent.',
    zh: '主机出示的证书与配对时的不同（{{detail}}）：该地址可能是另一台电脑。未发送任何数据。',
  },
});

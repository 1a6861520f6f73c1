// Refusals of the lead calls: a lead that is not there or not the rep's, and the Won/Lost gates.
import { defineErrors } from '../errors';

export const LEADS_ERRORS = defineErrors('leads', {
  notFound: {
    kind: 'not_found',
    en: 'No lead with id {{id}}.',
    zh: '找不到编号为 {{id}} 的线索。',
  },
  nameOrCompany: {
    kind: 'invalid_input',
    en: 'A lead needs a name or a company: this edit would leave it with neither.',
    zh: '线索需要姓名或公司：此修改会让它两者都没有。',
  },
  notYours: {
    kind: 'forbidden',
    en: 'This lead belongs to another rep.',
    zh: '这条线索属于其他销售。',
  },
  claimFirst: {
    kind: 'forbidden',
    en: 'Claim this lead from the public pool before editing it.',
    zh: '请先从公海领取这条线索，再编辑。',
  },
  wonAmountRequired: {
    kind: 'invalid_input',
    en: 'Enter the amount won (yuan).',
    zh: '请填写成交金额（元）。',
  },
  lostReasonRequired: {
    kind: 'invalid_input',
    en: 'Pick why the lead was lost.',
    zh: '请选择丢单原因。',
  },
  lostReasonUnknown: {
    kind: 'invalid_input',
    en: '“{{reason}}” is not on the list of lost reasons: pick one from the list.',
    zh: '“{{reason}}”不在丢单原因列表中，请从列表中选择。',
  },
  closingFactsWithoutClosing: {
    kind: 'invalid_input',
    en: 'An amount goes only with Won and a lost reason only with Lost (the lead is moving to {{stage}}).',
    zh: '成交金额只用于“赢单”，丢单原因只用于“输单”（线索将移到 {{stage}}）。',
  },
});

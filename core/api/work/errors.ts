// Refusals shared by the calls that work one lead (detail, move, follow-up): missing, not the rep's, history.
import { defineErrors } from '../errors';

export const WORK_ERRORS = defineErrors('work', {
  leadNotFound: { kind: 'not_found', en: 'No lead with id {{id}}.', zh: '找不到线索 {{id}}。' },
  claimFirst: {
    kind: 'forbidden',
    en: 'Claim this lead from the public pool first.',
    zh: '请先从公海领取这条线索。',
  },
  notYourLead: {
    kind: 'forbidden',
    en: 'This lead belongs to another rep.',
    zh: '这条线索属于其他销售。',
  },
  historyLead: {
    kind: 'conflict',
    en: 'History leads stay as they were imported.',
    zh: '历史线索保持导入时的状态，不能修改。',
  },
});

/** What any call that works one lead may answer: the lead is missing, in the pool, or another rep's. */
export const WORKABLE_LEAD_ERRORS = [
  WORK_ERRORS.leadNotFound,
  WORK_ERRORS.claimFirst,
  WORK_ERRORS.notYourLead,
];

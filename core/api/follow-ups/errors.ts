// Refusals of logging a follow-up and of working the agenda (besides those of working a lead, in work/errors.ts).
import { defineErrors } from '../errors';

export const FOLLOW_UPS_ERRORS = defineErrors('followUps', {
  nextAtPast: {
    kind: 'invalid_input',
    en: 'The next step must be in the future.',
    zh: '下一步的时间必须在将来。',
  },
  nextConflict: {
    kind: 'invalid_input',
    en: 'Either schedule a next step or say there is none, not both.',
    zh: '请安排下一步，或选择“没有下一步”，不能同时选择。',
  },
  dueMissing: {
    kind: 'invalid_input',
    en: 'Say when: pick a time or a quick pick.',
    zh: '请选择时间，或使用快捷选项。',
  },
  activityNotFound: {
    kind: 'not_found',
    en: 'No open activity with id {{id}}.',
    zh: '找不到未完成的活动 {{id}}。',
  },
  noWorkingTime: {
    kind: 'invalid_input',
    en: 'The working calendar has no working day to schedule on.',
    zh: '工作日历中没有可安排的工作日。',
  },
});

// Refusals of logging a follow-up (besides those of working a lead, in work/errors.ts).
import { defineErrors } from '../errors';

export const FOLLOW_UPS_ERRORS = defineErrors('followUps', {
  nextAtPast: {
    kind: 'invalid_input',
    en: 'The next step must be in the future.',
    zh: '下一步的时间必须在将来。',
  },
});

// Refusals of the distribution calls: leads and reps that are not there, not the rep's, or no longer active.
import { defineErrors } from '../errors';

export const DISTRIBUTION_ERRORS = defineErrors('distribution', {
  leadNotFound: {
    kind: 'not_found',
    en: 'No lead with id {{id}}.',
    zh: '找不到编号为 {{id}} 的线索。',
  },
  notYours: {
    kind: 'forbidden',
    en: 'This lead belongs to another rep, and it was never assigned to you or away from you.',
    zh: '这条线索属于其他销售，且从未分配给你或从你这里转出。',
  },
  repNotFound: {
    kind: 'not_found',
    en: 'No rep with id {{id}}.',
    zh: '找不到编号为 {{id}} 的销售。',
  },
  responseOfOthers: {
    kind: 'forbidden',
    en: 'You can look up only your own hand-overs by response time.',
    zh: '只能按响应时间查看分配给你自己的记录。',
  },
  repInactive: {
    kind: 'conflict',
    en: '{{name}} is no longer active.',
    zh: '{{name}} 已停用。',
  },
});

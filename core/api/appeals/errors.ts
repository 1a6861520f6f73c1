// Refusals of the appeal calls: who may appeal what, once, and a resolution only once.
import { defineErrors } from '../errors';

export const APPEALS_ERRORS = defineErrors('appeals', {
  repsOnly: {
    kind: 'forbidden',
    en: 'Only a rep can raise an appeal.',
    zh: '只有销售可以提出申诉。',
  },
  leadNotFound: {
    kind: 'not_found',
    en: 'No lead with id {{id}}.',
    zh: '找不到编号为 {{id}} 的线索。',
  },
  assignmentNotFound: {
    kind: 'not_found',
    en: 'This lead has no such assignment.',
    zh: '这条线索没有该分配记录。',
  },
  notYourAssignment: {
    kind: 'forbidden',
    en: 'You can only appeal an assignment to you or away from you, not a lead you put back in the pool yourself.',
    zh: '只能对分配给你或从你这里转出的分配提出申诉，自己放回公海的线索除外。',
  },
  alreadyOpen: {
    kind: 'conflict',
    en: 'You already have an open appeal on this assignment.',
    zh: '你对这次分配已有一条未处理的申诉。',
  },
  notFound: {
    kind: 'not_found',
    en: 'No appeal with id {{id}}.',
    zh: '找不到编号为 {{id}} 的申诉。',
  },
  alreadyResolved: {
    kind: 'conflict',
    en: 'This appeal was already resolved.',
    zh: '这条申诉已处理。',
  },
});

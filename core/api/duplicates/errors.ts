// Refusals of the duplicate calls: a lead that is gone, a field choice naming a lead outside the merge.
import { defineErrors } from '../errors';

export const DUPLICATES_ERRORS = defineErrors('duplicates', {
  leadNotFound: {
    kind: 'not_found',
    en: 'No lead with id {{id}}: it may have been merged or deleted already.',
    zh: '找不到编号为 {{id}} 的线索：可能已被合并或删除。',
  },
  choiceNotInMerge: {
    kind: 'invalid_input',
    en: 'The value chosen for {{field}} comes from a lead that is not part of this merge.',
    zh: '{{field}} 选用的线索不在本次合并之中。',
  },
});

// Refusals of the workspace calls.
import { defineErrors } from '../errors';

export const WORKSPACE_ERRORS = defineErrors('workspace', {
  notEmpty: {
    kind: 'conflict',
    en: 'The demo workspace loads only into an empty database (this one has {{leads}} leads and {{reps}} reps).',
    zh: '演示数据只能载入空数据库（当前已有 {{leads}} 条线索、{{reps}} 名销售）。',
  },
});

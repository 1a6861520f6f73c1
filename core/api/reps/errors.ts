// Refusals of the team calls.
import { defineErrors } from '../errors';

export const REPS_ERRORS = defineErrors('reps', {
  notFound: { kind: 'not_found', en: 'No rep with id {{id}}.', zh: '找不到销售 {{id}}。' },
});

// Turns a schema failure into refusal data: one reason per kind of problem, with the field path and the limit.
import type { z } from 'zod';
import { INPUT_ERRORS, ServiceError, type ErrorDef, type ErrorDetails } from './errors';

function reasonOf(issue: z.core.$ZodIssue): { def: ErrorDef; details: ErrorDetails } {
  switch (issue.code) {
    case 'invalid_type':
      return { def: INPUT_ERRORS.invalidType, details: { expected: String(issue.expected) } };
    case 'too_small':
      return { def: INPUT_ERRORS.tooSmall, details: { minimum: Number(issue.minimum) } };
    case 'too_big':
      return { def: INPUT_ERRORS.tooBig, details: { maximum: Number(issue.maximum) } };
    case 'invalid_format':
      return { def: INPUT_ERRORS.invalidFormat, details: { format: String(issue.format) } };
    case 'unrecognized_keys':
      return { def: INPUT_ERRORS.unknownKey, details: { key: issue.keys.join(', ').slice(0, 100) } };
    case 'invalid_value':
    case 'invalid_union':
      return { def: INPUT_ERRORS.invalidValue, details: {} };
    default: {
      const params = (issue as { params?: { reason?: unknown } }).params;
      if (params?.reason === 'input.invalidDate') {
        return { def: INPUT_ERRORS.invalidDate, details: { value: String(issue.input ?? '').slice(0, 40) } };
      }
      return { def: INPUT_ERRORS.invalid, details: { detail: issue.message } };
    }
  }
}

/** The first problem of a failed parse as a ServiceError naming the field. */
export function inputErrorOf(error: z.ZodError): ServiceError {
  const issue = error.issues[0];
  if (!issue) return new ServiceError(INPUT_ERRORS.invalid, { field: '', detail: 'invalid input' });
  const field = issue.path.map(String).join('.');
  const { def, details } = reasonOf(issue);
  const shown = field || '(input)';
  const refusal = new ServiceError(def, { field: shown, ...details }, field || undefined);
  // The English message stays zod's own wording with the path, as logs and scripts read it.
  return Object.assign(refusal, { message: `${field ? `${field}: ` : ''}${issue.message}` });
}

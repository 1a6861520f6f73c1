// An assignment as the history shows it, and who it took the lead from (a reassignment, recycle or appeal).
import { explanationSummary } from '../../domain/distribution/explanation-summary';
import type { Explanation } from '../../domain/distribution/types';
import type { AssignmentRecord } from '../../store/assignments';
import type { AssignmentView } from './calls';

function isEngineExplanation(value: unknown): value is Explanation {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { version?: unknown }).version === 1 &&
    'exclusionCounts' in value &&
    'candidates' in value
  );
}

/** The rep the lead was taken from, when the step recorded one. */
export function fromRepOf(record: AssignmentRecord): string | null {
  const explanation = record.explanation;
  if (typeof explanation !== 'object' || explanation === null) return null;
  const from = (explanation as { fromRepId?: unknown }).fromRepId;
  return typeof from === 'string' ? from : null;
}

/**
 * A rep's own release to the pool (放回公海) is stored as a recycle whose reason is 'released': the rep's words,
 * or '' when none were kept; null for every other step, a recycle by the SLA included.
 */
export function releaseNoteOf(record: Pick<AssignmentRecord, 'kind' | 'explanation'>): string | null {
  const explanation = record.explanation;
  if (record.kind !== 'recycle' || typeof explanation !== 'object' || explanation === null) return null;
  const { reason, note } = explanation as { reason?: unknown; note?: unknown };
  if (reason !== 'released') return null;
  return typeof note === 'string' ? note : '';
}

export function toAssignmentView(record: AssignmentRecord): AssignmentView {
  return {
    ...record,
    summary: isEngineExplanation(record.explanation) ? explanationSummary(record.explanation) : null,
    fromRepId: fromRepOf(record),
    releaseNote: releaseNoteOf(record),
  };
}

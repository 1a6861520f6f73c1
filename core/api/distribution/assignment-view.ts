// An assignment as the history shows it, and who it took the lead from (a reassignment, recycle or appeal).
import { explanationSummary } from '../../domain/distribution/explanation-summary';
import { claimTexts, entryProtectionTexts, poolHandOutTexts } from '../../domain/distribution/step-texts';
import type { Explanation } from '../../domain/distribution/types';
import {
  NURTURE_WAKE_TEXTS,
  STALE_RECYCLE_TEXTS,
  slaRecycleTexts,
  type HistoryTexts,
} from '../../domain/sla/recycle-texts';
import type { EntryDecision } from '../../domain/sla/entry-protection';
import { SLA_GRADE_KEYS } from '../../domain/sla/sla-policy';
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

/**
 * A step stored before it kept its words in each language (only the English sentence): rebuilt from the facts it
 * recorded (the SLA's clock and limit; a stale-list recycle, a nurture wake-up; a claim or hand-out from a pool; an
 * entry-protection decision); null for any other step.
 */
function rebuiltTexts(record: Pick<AssignmentRecord, 'kind'>, explanation: object): HistoryTexts | null {
  const facts = explanation as Record<string, unknown>;
  if (record.kind === 'claim' && facts['kind'] === 'claim') return claimTexts(null);
  if (record.kind === 'manual' && facts['kind'] === 'manual' && typeof facts['poolId'] === 'string')
    return poolHandOutTexts(null);
  const entry = facts['entryProtection'];
  if (typeof entry === 'object' && entry !== null && 'outcome' in entry)
    return entryProtectionTexts(entry as EntryDecision, null);
  if (record.kind !== 'recycle') return null;
  const { reason, trigger, limitMinutes, grade } = facts;
  if (reason === 'stale') return STALE_RECYCLE_TEXTS;
  if (reason === 'nurture') return NURTURE_WAKE_TEXTS;
  if (reason !== 'sla' || typeof limitMinutes !== 'number') return null;
  if (trigger !== 'first_contact' && trigger !== 'follow_up') return null;
  const known = SLA_GRADE_KEYS.find((key) => key === grade);
  return slaRecycleTexts({ trigger, limitMinutes, grade: known ?? null });
}

/** The step's reason in each UI language: as stored with it (`text`), else rebuilt for an older step. */
export function reasonTextOf(
  record: Pick<AssignmentRecord, 'kind' | 'explanation'>,
): Record<string, string> | null {
  const explanation = record.explanation;
  if (typeof explanation !== 'object' || explanation === null) return null;
  const text = (explanation as { text?: unknown }).text;
  if (typeof text === 'object' && text !== null) {
    const entries = Object.entries(text).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    if (entries.length > 0) return Object.fromEntries(entries);
  }
  return rebuiltTexts(record, explanation);
}

export function toAssignmentView(record: AssignmentRecord): AssignmentView {
  return {
    ...record,
    summary: isEngineExplanation(record.explanation) ? explanationSummary(record.explanation) : null,
    fromRepId: fromRepOf(record),
    releaseNote: releaseNoteOf(record),
    reasonText: reasonTextOf(record),
  };
}

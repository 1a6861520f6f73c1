// Click-through to the assignment history: a figure made of hand-overs (a rep's leads received, by grade; the
// hand-overs reached within their response target, and those whose outcome is known) opens the Transparency page's
// log on exactly those rows — the rep, tier, source, grade, response outcome and period travel in the hash
// (#/transparency?rep=…&response=…&from=…&to=…), as a Dashboard count's criteria do to the Leads page.
import { GRADES, type Grade } from '../../../../core/domain/funnel';
import { RESPONSE_OUTCOMES, type ResponseOutcome } from '../../../../core/domain/kpi/response-time';
import { REP_TIERS, type RepTier } from '../../../../core/domain/rep';
import { hashParams, isLinkId } from '../../ui/use-location-hash';

export interface AssignmentLogLink {
  /** Hand-overs to this rep; null: to any rep (only with a response outcome). */
  readonly repId: string | null;
  readonly grade: Grade | null;
  /** Local dates, both included. */
  readonly from: string;
  readonly to: string;
  readonly tier?: RepTier | null;
  readonly source?: string | null;
  /** The hand-overs a response figure counts with this outcome. */
  readonly response?: ResponseOutcome | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The call's own bound on a source's length. */
const MAX_SOURCE = 200;

export function assignmentLogHref(link: AssignmentLogLink): string {
  const { repId, grade, from, to, tier, source, response } = link;
  const params = new URLSearchParams({
    ...(repId === null ? {} : { rep: repId }),
    ...(grade === null ? {} : { grade }),
    ...(tier ? { tier } : {}),
    ...(source ? { source } : {}),
    ...(response ? { response } : {}),
    from,
    to,
  });
  return `#/transparency?${params.toString()}`;
}

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

/** The log's rows a hash names; null when it names none or a part of it is not what it should be. */
export function parseAssignmentLogLink(hash: string): AssignmentLogLink | null {
  const params = hashParams(hash);
  if (params === null) return null;
  const repId = params.get('rep');
  const grade = params.get('grade');
  const tier = params.get('tier');
  const source = params.get('source');
  const response = params.get('response');
  const from = params.get('from');
  const to = params.get('to');
  if (from === null || to === null || !DATE.test(from) || !DATE.test(to) || from > to) return null;
  if (repId !== null && !isLinkId(repId)) return null;
  if (grade !== null && !isOneOf(GRADES, grade)) return null;
  if (tier !== null && !isOneOf(REP_TIERS, tier)) return null;
  if (response !== null && !isOneOf(RESPONSE_OUTCOMES, response)) return null;
  if (source !== null && (source.trim() === '' || source.length > MAX_SOURCE)) return null;
  // A link names a rep's rows, or the rows of a response figure.
  if (repId === null && response === null) return null;
  return { repId, grade, from, to, tier, source, response };
}

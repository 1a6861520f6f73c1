// Handler of the team's assignment history: the period in local dates, the filtered page from the store, each row
// worded as the lead's own history words it, and for a rep every lead's contact data masked wherever text quotes it.
// Filtered by response outcome, the rows are the hand-overs a Dashboard response figure counts, each with its verdict.
import { DAY_MS } from '../../domain/clock';
import { listAssignmentLog, listLeadSources } from '../../store/assignment-log';
import type { AssignmentLogFilter, AssignmentLogRow as StoredRow } from '../../store/assignment-log';
import {
  hasResponseOutcome,
  judgeResponses,
  type JudgedResponse,
  type ResponseOutcome,
} from '../../domain/kpi/response-time';
import type { SlaGradeKey } from '../../domain/sla/sla-policy';
import { listResponseHandOvers, type ResponseHandOver } from '../../store/dashboard-kpi';
import type { CallContext, HandlersOf } from '../call-context';
import type { ParsedInput } from '../contract';
import { readKpiTargets } from '../dashboard/targets';
import { toResponseFact } from '../dashboard/rows';
import { ServiceError } from '../errors';
import { maskContactsOfLeads } from '../pool/mask-contacts';
import { readSlaPolicy } from '../sla/settings';
import type { AssignmentLogRow, distributionAssignmentLogCalls } from './assignment-log-calls';
import { toAssignmentView } from './assignment-view';
import { DISTRIBUTION_ERRORS } from './errors';
import { dayStart } from './fairness';
import { localDayOf, readDistributionSettings } from './setup';

const DEFAULT_DAYS = 30;

/** A row as the lead's own history words it (toAssignmentView), with the lead's name, company and source. */
function toRow(stored: StoredRow, response: RowResponse | null): AssignmentLogRow {
  const view = toAssignmentView(stored);
  return {
    id: stored.id,
    leadId: stored.leadId,
    leadName: stored.leadName,
    company: stored.company,
    source: stored.source,
    grade: stored.grade,
    repId: stored.repId,
    fromRepId: view.fromRepId,
    kind: stored.kind,
    method: stored.method,
    ruleId: stored.ruleId,
    at: stored.at,
    summary: view.summary,
    // The engine's reason is its summary in English: the tokens say it in the reader's language.
    reason: view.summary === null && stored.reason !== '' ? stored.reason : null,
    reasonText: view.reasonText,
    releaseNote: view.releaseNote,
    response,
  };
}

type RowResponse = NonNullable<AssignmentLogRow['response']>;
type LogInput = ParsedInput<'distribution.assignments'>;

/** The hand-overs a response filter selects, newest first, and how each was judged. */
interface ResponseSelection {
  readonly rows: readonly ResponseHandOver[];
  readonly judged: readonly JudgedResponse[];
  readonly targets: Readonly<Record<SlaGradeKey, number>>;
}

/**
 * The hand-overs of [start, end) a response figure counts with the input's outcome, judged as the Dashboard judges
 * them (the same rows, calendar, targets and judgement), so the log's count is the figure's count; narrowed here by
 * the grade then and the kind, which the covering index holds.
 */
function selectResponseHandOvers(
  ctx: CallContext,
  period: { from: number; to: number },
  input: LogInput & { response: ResponseOutcome },
): ResponseSelection {
  const targets = readKpiTargets(ctx.db).responseMinutes;
  // The pool is no rep: nothing of it was reached or missed.
  if (input.repId === 'pool') return { rows: [], judged: [], targets };
  const all = listResponseHandOvers(ctx.db, period, {
    repId: input.repId,
    tier: input.tier,
    source: input.source,
  });
  const judgedAll = judgeResponses(all.map(toResponseFact), readSlaPolicy(ctx.db).calendar, targets, ctx.now);
  const rows: ResponseHandOver[] = [];
  const judged: JudgedResponse[] = [];
  // Newest first, as the log lists them: the rows came oldest first.
  for (let i = all.length - 1; i >= 0; i -= 1) {
    const row = all[i] as ResponseHandOver;
    const verdict = judgedAll[i] as JudgedResponse;
    if (!hasResponseOutcome(verdict, input.response)) continue;
    if (input.grade !== undefined && row.grade !== input.grade) continue;
    if (input.kind !== undefined && row.kind !== input.kind) continue;
    rows.push(row);
    judged.push(verdict);
  }
  return { rows, judged, targets };
}

/** Each row's first contact in business minutes and its target, so a reader can check its verdict. */
function verdictsOf(selection: ResponseSelection, rowids: ReadonlySet<number>): Map<number, RowResponse> {
  const verdicts = new Map<number, RowResponse>();
  selection.rows.forEach((row, i) => {
    const verdict = selection.judged[i];
    if (verdict === undefined || !rowids.has(row.rowid)) return;
    verdicts.set(row.rowid, {
      minutes: verdict.minutes,
      targetMinutes: selection.targets[verdict.grade],
      isWithinTarget: verdict.isWithinTarget,
    });
  });
  return verdicts;
}

/** One page of the selected hand-overs, read by their row ids: the selection's length is the total. */
function pageOfSelection(
  ctx: CallContext,
  selection: ResponseSelection,
  period: { from: number; to: number },
  paging: { offset: number; limit: number },
): { total: number; rows: StoredRow[] } {
  const rowids = selection.rows.slice(paging.offset, paging.offset + paging.limit).map((row) => row.rowid);
  const rows =
    rowids.length === 0
      ? []
      : listAssignmentLog(ctx.db, { ...period, rowids }, { offset: 0, limit: paging.limit }).rows;
  return { total: selection.rows.length, rows };
}

export const distributionAssignmentLogHandlers: HandlersOf<typeof distributionAssignmentLogCalls> = {
  'distribution.assignments'(ctx, input) {
    const { actor } = ctx;
    if (input.response !== undefined && actor.role === 'rep' && input.repId !== actor.repId)
      throw new ServiceError(DISTRIBUTION_ERRORS.responseOfOthers, undefined, 'response');
    const { utcOffsetMinutes } = readDistributionSettings(ctx.db);
    const to = input.to ?? localDayOf(ctx.now, utcOffsetMinutes).date;
    const from =
      input.from ??
      localDayOf(dayStart(to, utcOffsetMinutes) - (DEFAULT_DAYS - 1) * DAY_MS, utcOffsetMinutes).date;
    const start = dayStart(from, utcOffsetMinutes);
    const end = dayStart(to, utcOffsetMinutes) + DAY_MS;
    const selection =
      input.response === undefined
        ? null
        : selectResponseHandOvers(ctx, { from: start, to: end }, { ...input, response: input.response });
    const filter: AssignmentLogFilter = {
      from: start,
      to: end,
      ...(input.repId === undefined ? {} : { repId: input.repId === 'pool' ? null : input.repId }),
      ...(input.grade === undefined ? {} : { grade: input.grade }),
      ...(input.kind === undefined ? {} : { kind: input.kind }),
      ...(input.method === undefined ? {} : { method: input.method }),
      ...(input.source === undefined ? {} : { source: input.source }),
      ...(input.tier === undefined ? {} : { tier: input.tier }),
    };
    const paging = { offset: input.offset, limit: input.limit };
    const page =
      selection === null
        ? listAssignmentLog(ctx.db, filter, paging)
        : // The method is read from each row's explanation: with it, the store narrows the selection; without,
          // the selection is the page's rows already (a list of every selected row id cost ~0.25 s at 100k).
          input.method !== undefined
          ? listAssignmentLog(ctx.db, { ...filter, rowids: selection.rows.map((row) => row.rowid) }, paging)
          : pageOfSelection(ctx, selection, { from: start, to: end }, paging);
    const verdicts =
      selection === null ? null : verdictsOf(selection, new Set(page.rows.map((row) => row.rowid)));
    const rows = page.rows.map((row) => toRow(row, verdicts?.get(row.rowid) ?? null));
    return {
      from,
      to,
      total: page.total,
      offset: input.offset,
      // No row carries a contact field; a rep's rows have any the text quotes masked, their own leads' too (the
      // history is about who and why, and one rule for every row leaves nothing to get wrong).
      rows:
        ctx.actor.role === 'rep'
          ? maskContactsOfLeads(
              ctx.db,
              rows,
              rows.map((row) => row.leadId),
            )
          : rows,
      sources: listLeadSources(ctx.db),
    };
  },
};

// Handler of the team's assignment history: the period in local dates, the filtered page from the store, each row
// worded as the lead's own history words it, and for a rep every lead's contact data masked wherever text quotes it.
// Filtered by response outcome, the rows are the hand-overs a Dashboard response figure counts, each with its verdict.
import { DAY_MS } from '../../domain/clock';
import { listAssignmentLog, listLeadSources } from '../../store/assignment-log';
import type { AssignmentLogFilter, AssignmentLogRow as StoredRow } from '../../store/assignment-log';
import { hasResponseOutcome, judgeResponse, type ResponseOutcome } from '../../domain/kpi/response-time';
import { forEachResponseHandOverSlice } from '../../store/dashboard-kpi';
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

/**
 * The hand-overs a response filter selects, oldest first, each as its row id and its verdict (the minutes, NaN when
 * not contacted; the target; within it or not): numbers, not an object per hand-over, as the team's "within target"
 * selects most of a period's 100k hand-overs.
 */
interface ResponseSelection {
  readonly rowids: number[];
  readonly minutes: number[];
  readonly targets: number[];
  readonly isWithin: boolean[];
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
  const selection: ResponseSelection = { rowids: [], minutes: [], targets: [], isWithin: [] };
  // The pool is no rep: nothing of it was reached or missed.
  if (input.repId === 'pool') return selection;
  const targets = readKpiTargets(ctx.db).responseMinutes;
  const { calendar } = readSlaPolicy(ctx.db);
  const filter = { repId: input.repId, tier: input.tier, source: input.source };
  forEachResponseHandOverSlice(ctx.db, period, filter, (rows) => {
    for (const row of rows) {
      if (input.grade !== undefined && row.grade !== input.grade) continue;
      if (input.kind !== undefined && row.kind !== input.kind) continue;
      const verdict = judgeResponse(toResponseFact(row), calendar, targets, ctx.now);
      if (!hasResponseOutcome(verdict, input.response)) continue;
      selection.rowids.push(row.rowid);
      selection.minutes.push(verdict.minutes ?? Number.NaN);
      selection.targets.push(targets[verdict.grade]);
      selection.isWithin.push(verdict.isWithinTarget);
    }
  });
  return selection;
}

/** Position `k` of the selection newest first (as the log lists it) in its oldest-first arrays. */
const newestFirst = (selection: ResponseSelection, k: number) => selection.rowids.length - 1 - k;

/** The page's rows' verdicts (minutes to first contact and the target), so a reader can check each. */
function verdictsOf(selection: ResponseSelection, rowids: ReadonlySet<number>): Map<number, RowResponse> {
  const verdicts = new Map<number, RowResponse>();
  selection.rowids.forEach((rowid, i) => {
    if (!rowids.has(rowid)) return;
    const minutes = selection.minutes[i] ?? Number.NaN;
    verdicts.set(rowid, {
      minutes: Number.isNaN(minutes) ? null : minutes,
      targetMinutes: selection.targets[i] ?? 0,
      isWithinTarget: selection.isWithin[i] ?? false,
    });
  });
  return verdicts;
}

/** One page of the selected hand-overs, newest first, read by their row ids: the selection's length is the total. */
function pageOfSelection(
  ctx: CallContext,
  selection: ResponseSelection,
  period: { from: number; to: number },
  paging: { offset: number; limit: number },
): { total: number; rows: StoredRow[] } {
  const total = selection.rowids.length;
  const rowids: number[] = [];
  for (let k = paging.offset; k < Math.min(total, paging.offset + paging.limit); k += 1)
    rowids.push(selection.rowids[newestFirst(selection, k)] ?? -1);
  const rows =
    rowids.length === 0
      ? []
      : listAssignmentLog(ctx.db, { ...period, rowids }, { offset: 0, limit: paging.limit }).rows;
  return { total, rows };
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
          ? listAssignmentLog(ctx.db, { ...filter, rowids: selection.rowids }, paging)
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

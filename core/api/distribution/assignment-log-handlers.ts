// Handler of the team's assignment history: the period in local dates, the filtered page from the store, each row
// worded as the lead's own history words it, and for a rep every lead's contact data masked wherever text quotes it.
// Filtered by response outcome, the rows are the hand-overs a Dashboard response figure counts, each with its verdict.
import { DAY_MS } from '../../domain/clock';
import { listAssignmentLog, listLeadSources } from '../../store/assignment-log';
import type { AssignmentLogRow as StoredRow } from '../../store/assignment-log';
import {
  hasResponseOutcome,
  judgeResponses,
  type JudgedResponse,
  type ResponseOutcome,
} from '../../domain/kpi/response-time';
import { listResponseHandOvers, type KpiFilter } from '../../store/dashboard-kpi';
import type { CallContext, HandlersOf } from '../call-context';
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

/**
 * The hand-overs of [start, end) a response figure counts with this outcome, judged as the Dashboard judges them
 * (the same rows, calendar, targets and judgement): the count of the log's rows is the figure's count. By id, each
 * with its business minutes and target, so a reader can check each row's verdict.
 */
function responseHandOvers(
  ctx: CallContext,
  period: { from: number; to: number },
  filter: KpiFilter,
  outcome: ResponseOutcome,
): Map<string, RowResponse> {
  const rows = listResponseHandOvers(ctx.db, period, filter);
  const targets = readKpiTargets(ctx.db).responseMinutes;
  const judged = judgeResponses(rows.map(toResponseFact), readSlaPolicy(ctx.db).calendar, targets, ctx.now);
  const selected = new Map<string, RowResponse>();
  rows.forEach((row, i) => {
    const verdict = judged[i] as JudgedResponse;
    if (!hasResponseOutcome(verdict, outcome)) return;
    selected.set(row.id, {
      minutes: verdict.minutes,
      targetMinutes: targets[verdict.grade],
      isWithinTarget: verdict.isWithinTarget,
    });
  });
  return selected;
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
    const responses =
      input.response === undefined
        ? null
        : // The pool is no rep: nothing of it was reached or missed.
          input.repId === 'pool'
          ? new Map<string, RowResponse>()
          : responseHandOvers(
              ctx,
              { from: start, to: end },
              { repId: input.repId, tier: input.tier, source: input.source },
              input.response,
            );
    const page = listAssignmentLog(
      ctx.db,
      {
        from: start,
        to: end,
        ...(input.repId === undefined ? {} : { repId: input.repId === 'pool' ? null : input.repId }),
        ...(input.grade === undefined ? {} : { grade: input.grade }),
        ...(input.kind === undefined ? {} : { kind: input.kind }),
        ...(input.method === undefined ? {} : { method: input.method }),
        ...(input.source === undefined ? {} : { source: input.source }),
        ...(input.tier === undefined ? {} : { tier: input.tier }),
        ...(responses === null ? {} : { ids: [...responses.keys()] }),
      },
      { offset: input.offset, limit: input.limit },
    );
    const rows = page.rows.map((row) => toRow(row, responses?.get(row.id) ?? null));
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

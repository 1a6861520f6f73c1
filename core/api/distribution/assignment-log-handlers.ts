// Handler of the team's assignment history: the period in local dates, the filtered page from the store, each row
// worded as the lead's own history words it, and for a rep every lead's contact data masked wherever text quotes it.
import { DAY_MS } from '../../domain/clock';
import { listAssignmentLog, listLeadSources } from '../../store/assignment-log';
import type { AssignmentLogRow as StoredRow } from '../../store/assignment-log';
import type { HandlersOf } from '../call-context';
import { maskContactsOfLeads } from '../pool/mask-contacts';
import type { AssignmentLogRow, distributionAssignmentLogCalls } from './assignment-log-calls';
import { toAssignmentView } from './assignment-view';
import { dayStart } from './fairness';
import { localDayOf, readDistributionSettings } from './setup';

const DEFAULT_DAYS = 30;

/** A row as the lead's own history words it (toAssignmentView), with the lead's name, company and source. */
function toRow(stored: StoredRow): AssignmentLogRow {
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
  };
}

export const distributionAssignmentLogHandlers: HandlersOf<typeof distributionAssignmentLogCalls> = {
  'distribution.assignments'(ctx, input) {
    const { utcOffsetMinutes } = readDistributionSettings(ctx.db);
    const to = input.to ?? localDayOf(ctx.now, utcOffsetMinutes).date;
    const from =
      input.from ??
      localDayOf(dayStart(to, utcOffsetMinutes) - (DEFAULT_DAYS - 1) * DAY_MS, utcOffsetMinutes).date;
    const start = dayStart(from, utcOffsetMinutes);
    const end = dayStart(to, utcOffsetMinutes) + DAY_MS;
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
      },
      { offset: input.offset, limit: input.limit },
    );
    const rows = page.rows.map(toRow);
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

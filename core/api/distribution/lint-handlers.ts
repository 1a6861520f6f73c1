// Handlers of the rule linter and the fairness ledger: read the team, recent leads and receipts, ask the domain.
import { DAY_MS } from '../../domain/clock';
import { receiptKindOf } from '../../domain/distribution/fair-shares';
import { computeLedger } from '../../domain/ledger/fairness-ledger';
import { lintRules } from '../../domain/rule-lint/lint-rules';
import { listLeadsForReplay } from '../../store/distribution-state';
import { listReceipts } from '../../store/fairness-receipts';
import { listReps } from '../../store/reps';
import type { HandlersOf } from '../call-context';
import { dayStart } from './fairness';
import type { distributionLintCalls } from './lint-calls';
import { localDayOf, readDistributionSettings } from './setup';

/** The forecast reads the same weekdays of the last four weeks. */
const HISTORY_DAYS = 28;

export const distributionLintHandlers: HandlersOf<typeof distributionLintCalls> = {
  'distribution.lintRules'(ctx, input) {
    const { utcOffsetMinutes } = readDistributionSettings(ctx.db);
    const today = localDayOf(ctx.now, utcOffsetMinutes).start;
    const history = listLeadsForReplay(ctx.db, today - HISTORY_DAYS * DAY_MS, today).leads.filter(
      (lead) => !lead.isHistory,
    );
    return lintRules({
      rules: input.rules,
      reps: listReps(ctx.db, { includeInactive: true }),
      history,
      historyDays: HISTORY_DAYS,
      now: ctx.now,
      utcOffsetMinutes,
    });
  },

  'distribution.ledger'(ctx, input) {
    const { utcOffsetMinutes } = readDistributionSettings(ctx.db);
    const to = input.to ?? localDayOf(ctx.now, utcOffsetMinutes).date;
    const from =
      input.from ?? localDayOf(dayStart(to, utcOffsetMinutes) - 29 * DAY_MS, utcOffsetMinutes).date;
    const reps = listReps(ctx.db, { includeInactive: true });
    const rows = listReceipts(
      ctx.db,
      dayStart(from, utcOffsetMinutes),
      dayStart(to, utcOffsetMinutes) + DAY_MS,
    );
    const ledger = computeLedger({
      reps,
      receipts: rows.map((row) => ({
        repId: row.repId,
        kind: receiptKindOf(row.kind),
        grade: row.grade,
        day: localDayOf(row.at, utcOffsetMinutes).date,
      })),
      from,
      to,
    });
    const byId = new Map(reps.map((rep) => [rep.id as string, rep]));
    return {
      ...ledger,
      rows: ledger.rows.map((row) => {
        const rep = byId.get(row.repId);
        return {
          ...row,
          name: rep?.name ?? row.repId,
          leave: (rep?.leave ?? [])
            .filter((p) => p.to >= from && p.from <= to)
            .map((p) => ({ from: p.from < from ? from : p.from, to: p.to > to ? to : p.to })),
        };
      }),
    };
  },
};

// Handlers of the rule linter and the fairness ledger: read the team, recent leads and receipts, ask the domain.
import { DAY_MS } from '../../domain/clock';
import { receiptKindOf } from '../../domain/distribution/fair-shares';
import { computeLedger } from '../../domain/ledger/fairness-ledger';
import { findGamingFlags } from '../../domain/ledger/gaming-flags';
import type { DepartureEvent } from '../../domain/ledger/gaming-flags';
import { readGamingSignals } from '../../store/gaming-signals';
import { lintRules } from '../../domain/rule-lint/lint-rules';
import { listLeadsForReplay } from '../../store/distribution-state';
import { listReceipts } from '../../store/fairness-receipts';
import { listReps } from '../../store/reps';
import type { HandlersOf } from '../call-context';
import { dayStart } from './fairness';
import type { distributionLintCalls } from './lint-calls';
import { localDayOf, readDistributionSettings } from './setup';
import { withOutOfOfficeDays } from '../reps/out-of-office';

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
    // Out-of-office days are time away like leave: not available, and listed with the leave below.
    const reps = withOutOfOfficeDays(
      ctx.db,
      listReps(ctx.db, { includeInactive: true }),
      utcOffsetMinutes,
      ctx.now,
    );
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
          leave: [
            ...(rep?.leave ?? []).map((p) => ({ ...p, kind: 'leave' as const })),
            ...(rep?.outOfOfficeDays ?? []).map((p) => ({ ...p, kind: 'out-of-office' as const })),
          ]
            .filter((p) => p.to >= from && p.from <= to)
            .map((p) => ({ from: p.from < from ? from : p.from, to: p.to > to ? to : p.to, kind: p.kind }))
            .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)),
        };
      }),
    };
  },

  'distribution.gamingFlags'(ctx, input) {
    const { utcOffsetMinutes } = readDistributionSettings(ctx.db);
    const since = localDayOf(ctx.now, utcOffsetMinutes).start - ((input.days ?? 14) - 1) * DAY_MS;
    const signals = readGamingSignals(ctx.db, since);
    const departures: DepartureEvent[] = signals.recycles.map((r) => ({ ...r, how: 'recycled' as const }));
    const poolEntries = signals.recycles.map((r) => ({ leadId: r.leadId, at: r.at }));
    // A lead leaves its holder when its next assignment row names someone else (or the pool).
    const holder = new Map<string, string | null>();
    for (const row of signals.assignments) {
      const before = holder.get(row.leadId);
      if (before !== undefined && before !== null && before !== row.repId)
        departures.push({ leadId: row.leadId, repId: before, at: row.at, how: 'released' });
      if (row.repId === null) poolEntries.push({ leadId: row.leadId, at: row.at });
      holder.set(row.leadId, row.repId);
    }
    const lostMarks = signals.lostMarks.map((m) => ({ ...m, repId: m.actor.slice(4) }));
    for (const m of lostMarks) departures.push({ leadId: m.leadId, repId: m.repId, at: m.at, how: 'lost' });
    const names = new Map(listReps(ctx.db, { includeInactive: true }).map((r) => [r.id as string, r.name]));
    const flags = findGamingFlags({
      claims: signals.claims,
      departures,
      lostMarks,
      poolEntries,
      utcOffsetMinutes,
    });
    return { since, flags: flags.map((f) => ({ ...f, repName: names.get(f.repId) ?? f.repId })) };
  },
};

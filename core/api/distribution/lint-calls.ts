// Distribution calls of the rule linter and the vacation-neutral fairness ledger (kept apart from calls.ts).
import { z } from 'zod';
import { isoDate } from '../contract-kit';
import { defineCall } from '../contract-kit';
import { DISTRIBUTION_METHODS } from '../../domain/distribution/types';
import { rulesSchema } from './schemas';

const ruleRef = z.object({ index: z.number().int(), id: z.string(), name: z.string() }).strict();
const repRef = { repId: z.string(), name: z.string() };
const dayFigure = z
  .object({ date: z.string(), weekday: z.number().int(), expected: z.number(), cap: z.number() })
  .strict();

const lintWarningSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shadowed'), rule: ruleRef, by: ruleRef }).strict(),
  z
    .object({
      kind: z.literal('gap'),
      profile: z
        .array(
          z
            .object({
              field: z.string(),
              value: z.union([z.string(), z.number()]).nullable(),
              isOther: z.boolean(),
            })
            .strict(),
        )
        .readonly(),
      leadCount: z.number().int(),
      leads: z.array(z.object({ id: z.string(), name: z.string() }).strict()).readonly(),
      caughtBy: ruleRef
        .extend({ method: z.enum(DISTRIBUTION_METHODS) })
        .strict()
        .nullable(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('empty-rep-set'),
      rule: ruleRef,
      region: z.string().nullable(),
      dates: z.array(z.string()).readonly(),
      reps: z
        .array(
          z
            .object({
              ...repRef,
              why: z.enum(['inactive', 'not-started', 'out-of-office', 'on-leave', 'unknown-rep']),
              until: z.string().nullable(),
            })
            .strict(),
        )
        .readonly(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('cap-breach'),
      scope: z.enum(['team', 'rule', 'rep']),
      rule: ruleRef.nullable(),
      reps: z.array(z.object({ ...repRef, cap: z.number() }).strict()).readonly(),
      days: z.array(dayFigure).readonly(),
    })
    .strict(),
]);
export type LintWarningView = z.output<typeof lintWarningSchema>;

export const lintReportSchema = z
  .object({
    warnings: z.array(lintWarningSchema).readonly(),
    forecast: z
      .object({
        historyDays: z.number().int(),
        historyLeads: z.number().int(),
        days: z
          .array(
            z
              .object({
                date: z.string(),
                weekday: z.number().int(),
                expected: z.number(),
                capacity: z.number().nullable(),
                availableReps: z.number().int(),
              })
              .strict(),
          )
          .readonly(),
      })
      .strict(),
  })
  .strict();
export type LintReportView = z.output<typeof lintReportSchema>;

const ledgerCell = z.object({ received: z.number().int(), expected: z.number() }).strict();
const ledgerSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    availableDays: z.number().int(),
    leadCount: z.number().int(),
    rows: z
      .array(
        z
          .object({
            repId: z.string(),
            name: z.string(),
            availableDays: z.number().int(),
            total: ledgerCell,
            byGrade: z
              .object({ A: ledgerCell, B: ledgerCell, C: ledgerCell, D: ledgerCell, ungraded: ledgerCell })
              .strict(),
            claims: z.number().int(),
            manual: z.number().int(),
            /** Days away inside the period: leave and out-of-office days (periods that overlap it, clipped). */
            leave: z.array(
              z
                .object({ from: z.string(), to: z.string(), kind: z.enum(['leave', 'out-of-office']) })
                .strict(),
            ),
          })
          .strict(),
      )
      .readonly(),
  })
  .strict();
export type LedgerView = z.output<typeof ledgerSchema>;

const leadAt = { id: z.string(), name: z.string(), at: z.number().int() };
const gamingFlagSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('claim-churn'),
      repId: z.string(),
      repName: z.string(),
      leads: z
        .array(
          z
            .object({
              id: z.string(),
              name: z.string(),
              claimedAt: z.number().int(),
              leftAt: z.number().int(),
              how: z.enum(['recycled', 'released', 'lost']),
            })
            .strict(),
        )
        .readonly(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('lost-spike'),
      repId: z.string(),
      repName: z.string(),
      date: z.string(),
      usual: z.number(),
      leads: z.array(z.object(leadAt).strict()).readonly(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('snipe'),
      repId: z.string(),
      repName: z.string(),
      leads: z.array(z.object({ ...leadAt, seconds: z.number().int() }).strict()).readonly(),
    })
    .strict(),
]);
export type GamingFlagView = z.output<typeof gamingFlagSchema>;

export const distributionLintCalls = {
  /**
   * Warnings on a draft rule list before it is saved (shadowed rules, gaps, rules with nobody available, caps the
   * expected inflow will break) and the next 7 days' expected inflow against the team's daily caps.
   */
  'distribution.lintRules': defineCall({
    input: z.object({ rules: rulesSchema }).strict(),
    output: lintReportSchema,
    access: 'team-lead',
  }),
  /** Expected vs received per rep and grade over the days each was available; open to the team like fairness. */
  'distribution.ledger': defineCall({
    input: z
      .object({ from: isoDate.optional(), to: isoDate.optional() })
      .strict()
      .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
        message: 'the range must end on or after its start',
        path: ['to'],
      }),
    output: ledgerSchema,
    access: 'signed-in',
    repScope: 'shared',
  }),
  /**
   * For the team lead: claim-then-release churn, spikes of lost-marking and claims within seconds of a lead
   * entering the pool, over the last `days` days, each flag with the leads behind it.
   */
  'distribution.gamingFlags': defineCall({
    input: z.object({ days: z.number().int().min(1).max(90).optional() }).strict(),
    output: z.object({ since: z.number().int(), flags: z.array(gamingFlagSchema).readonly() }).strict(),
    access: 'team-lead',
  }),
};

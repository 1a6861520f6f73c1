import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../../../../core/domain/clock';
import { BUILT_IN_STAGES, isOpenStage } from '../../../../core/domain/funnel';
import { asLeadId, asRepId } from '../../../../core/domain/ids';
import { dueActions } from '../../../../core/domain/sla/due-actions';
import { leadClockAt, type ClockLeadInput } from '../../../../core/domain/sla/lead-clock';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../../../core/domain/sla/sla-policy';

/** Epoch ms of a wall-clock time in China (UTC+8). */
function cn(month: number, day: number, hour: number, minute = 0): number {
  return Date.UTC(2026, month - 1, day, hour - 8, minute);
}

const MONDAY_10 = cn(3, 23, 10);
const policy: SlaPolicy = {
  ...DEFAULT_SLA_POLICY,
  grades: {
    ...DEFAULT_SLA_POLICY.grades,
    B: { firstContactMinutes: 60, followUpMinutes: 120, escalateAfterMinutes: 180, recycleAfterMinutes: 240 },
  },
};

function lead(overrides: Partial<ClockLeadInput> = {}): ClockLeadInput {
  return {
    grade: 'B',
    ownerId: 'rep-01',
    stage: 'mql',
    assignedAt: MONDAY_10,
    firstContactAt: null,
    lastFollowUpAt: null,
    isHistory: false,
    nextActivity: null,
    ...overrides,
  };
}

describe('the one clock model', () => {
  it('runs the first-contact clock from assignment, overdue exactly at its deadline', () => {
    const at = cn(3, 23, 11);
    expect(leadClockAt(lead(), policy, at - 1)).toMatchObject({
      kind: 'first_contact',
      dueAt: at,
      isOverdue: false,
    });
    expect(leadClockAt(lead(), policy, at)).toMatchObject({ isOverdue: true, isToBeRecycled: false });
    expect(leadClockAt(lead(), policy, cn(3, 23, 13))).toMatchObject({ isToBeRecycled: true });
  });

  it.each(['won', 'lost', 'nurture'] as const)(
    'gives a %s lead no clock, whatever was scheduled on it',
    (stage) => {
      const scheduled = { dueAt: cn(3, 23, 12), scheduledAt: cn(3, 23, 10, 30) };
      expect(leadClockAt(lead({ stage, nextActivity: scheduled }), policy, cn(4, 30, 12))).toBeNull();
      expect(
        leadClockAt(lead({ stage, lastFollowUpAt: cn(3, 23, 10, 30) }), policy, cn(4, 30, 12)),
      ).toBeNull();
    },
  );

  it('gives history, unowned and never-assigned leads no clock', () => {
    const now = cn(4, 30, 12);
    expect(leadClockAt(lead({ isHistory: true }), policy, now)).toBeNull();
    expect(leadClockAt(lead({ ownerId: null }), policy, now)).toBeNull();
    expect(leadClockAt(lead({ assignedAt: null }), policy, now)).toBeNull();
  });

  it('once contacted, a timed activity the owner scheduled replaces the follow-up gap', () => {
    const contacted = cn(3, 23, 10, 30);
    const dueAt = cn(3, 26, 15);
    const clock = leadClockAt(
      lead({ lastFollowUpAt: contacted, nextActivity: { dueAt, scheduledAt: contacted } }),
      policy,
      cn(3, 24, 9),
    );
    expect(clock).toMatchObject({ kind: 'next_activity', dueAt, isOverdue: false, escalateAt: null });
    expect(leadClockAt(lead({ lastFollowUpAt: contacted }), policy, cn(3, 24, 9))).toMatchObject({
      kind: 'follow_up',
      dueAt: cn(3, 23, 12, 30),
      isOverdue: true,
    });
  });

  it('lets the follow-up gap decide when the next step has no time, or was promised before this assignment', () => {
    const contacted = cn(3, 23, 10, 30);
    const undated = lead({
      lastFollowUpAt: contacted,
      nextActivity: { dueAt: null, scheduledAt: contacted },
    });
    expect(leadClockAt(undated, policy, contacted)?.kind).toBe('follow_up');
    const older = lead({
      lastFollowUpAt: contacted,
      nextActivity: { dueAt: cn(3, 30, 10), scheduledAt: MONDAY_10 - HOUR_MS },
    });
    expect(leadClockAt(older, policy, contacted)?.kind).toBe('follow_up');
  });

  it('keeps the first-contact clock while uncontacted, even with something scheduled', () => {
    const scheduled = { dueAt: cn(3, 30, 10), scheduledAt: MONDAY_10 + MINUTE_MS };
    expect(leadClockAt(lead({ nextActivity: scheduled }), policy, cn(3, 23, 12))?.kind).toBe('first_contact');
  });

  it('is overdue exactly when now ≥ dueAt, and agrees with the scheduler on which SLA clocks are due', () => {
    const stages = BUILT_IN_STAGES;
    fc.assert(
      fc.property(
        fc.constantFrom(...stages),
        fc.option(fc.integer({ min: 0, max: 48 * 60 }), { nil: null }),
        fc.integer({ min: 0, max: 14 * 24 * 60 }),
        (stage, contactAfter, nowAfter) => {
          const input = lead({
            stage,
            lastFollowUpAt: contactAfter === null ? null : MONDAY_10 + contactAfter * MINUTE_MS,
          });
          const now = MONDAY_10 + nowAfter * MINUTE_MS;
          const clock = leadClockAt(input, policy, now);
          if (!isOpenStage(stage)) return clock === null;
          if (clock === null) return false;
          if (clock.isOverdue !== (clock.dueAt !== null && now >= clock.dueAt)) return false;
          const due = dueActions(
            now,
            [{ ...input, id: asLeadId('l1'), ownerId: asRepId('rep-01'), appliedActions: [] }],
            policy,
          );
          return due.length > 0 === clock.isOverdue;
        },
      ),
    );
  });

  it('silences the scheduler’s follow-up reminder while a timed activity is scheduled', () => {
    const contacted = cn(3, 23, 10, 30);
    const base = {
      ...lead({ lastFollowUpAt: contacted }),
      id: asLeadId('l1'),
      ownerId: asRepId('rep-01'),
      appliedActions: [],
    };
    const now = cn(3, 25, 10);
    expect(dueActions(now, [base], policy)).toHaveLength(1);
    const planned = { ...base, nextActivity: { dueAt: cn(3, 27, 10), scheduledAt: contacted } };
    expect(dueActions(now, [planned], policy)).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../../core/domain/clock';
import type { Clock } from '../../../../core/domain/clock';
import { BUILT_IN_STAGES, GRADES } from '../../../../core/domain/funnel';
import { asLeadId, asRepId } from '../../../../core/domain/ids';
import type { SlaAction, SlaLeadInput } from '../../../../core/domain/sla/due-actions';
import { dueActions, slaDeadline, staleLeads } from '../../../../core/domain/sla/due-actions';
import type { SlaPolicy } from '../../../../core/domain/sla/sla-policy';
import { DEFAULT_SLA_POLICY, checkSlaPolicy } from '../../../../core/domain/sla/sla-policy';

/** Epoch ms of a wall-clock time in China (UTC+8). */
function cn(year: number, month: number, day: number, hour: number, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour - 8, minute);
}

/** A fake clock the test moves by hand. */
function createFakeClock(start: number): Clock & { set(at: number): void } {
  let now = start;
  const clock = () => now;
  clock.set = (at: number) => {
    now = at;
  };
  return clock;
}

const REP = asRepId('rep-01');
// Monday 2026-03-23 10:00 in China.
const MONDAY_10 = cn(2026, 3, 23, 10, 0);

function lead(overrides: Partial<SlaLeadInput> = {}): SlaLeadInput {
  return {
    id: asLeadId('lead-0001'),
    grade: 'B',
    ownerId: REP,
    stage: 'mql',
    assignedAt: MONDAY_10,
    firstContactAt: null,
    lastFollowUpAt: null,
    isHistory: false,
    appliedActions: [],
    ...overrides,
  };
}

const policy = DEFAULT_SLA_POLICY;
const kinds = (actions: readonly SlaAction[]) => actions.map((a) => a.kind);

describe('SLA due actions', () => {
  // Grade B, Mon–Fri 9–18: 24 business h = Wed 16:00; 48 h = next Mon 13:00; 72 h = next Thu 10:00.
  const REMIND_AT = cn(2026, 3, 25, 16, 0);
  const ESCALATE_AT = cn(2026, 3, 30, 13, 0);
  const RECYCLE_AT = cn(2026, 4, 2, 10, 0);

  it('reminds exactly when first contact is 24 business hours overdue, not a millisecond before', () => {
    const clock = createFakeClock(REMIND_AT - 1);
    expect(dueActions(clock(), [lead()], policy)).toEqual([]);
    clock.set(REMIND_AT);
    const [action] = dueActions(clock(), [lead()], policy);
    expect(action).toMatchObject({
      kind: 'remind',
      trigger: 'first_contact',
      repId: REP,
      dueAt: REMIND_AT,
      limitMinutes: 1440,
    });
  });

  it('escalates exactly at 48 business hours without contact', () => {
    const reminded = lead({
      appliedActions: [{ kind: 'remind', trigger: 'first_contact', clockStart: MONDAY_10 }],
    });
    expect(dueActions(ESCALATE_AT - 1, [reminded], policy)).toEqual([]);
    expect(dueActions(ESCALATE_AT, [reminded], policy)).toMatchObject([
      { kind: 'escalate', dueAt: ESCALATE_AT },
    ]);
  });

  it('recycles exactly at 72 business hours, never back to the owner who let it lapse', () => {
    const escalated = lead({
      appliedActions: [{ kind: 'escalate', trigger: 'first_contact', clockStart: MONDAY_10 }],
    });
    expect(dueActions(RECYCLE_AT - 1, [escalated], policy)).toEqual([]);
    expect(dueActions(RECYCLE_AT, [escalated], policy)).toEqual([
      expect.objectContaining({
        kind: 'recycle',
        dueAt: RECYCLE_AT,
        repId: REP,
        excludeRepId: REP,
        target: 'pool',
      }),
    ]);
  });

  it('recycles to another rep when the policy redistributes', () => {
    const redistribute: SlaPolicy = { ...policy, recycleTarget: 'redistribute' };
    const [action] = dueActions(RECYCLE_AT, [lead()], redistribute);
    expect(action).toMatchObject({ kind: 'recycle', target: 'redistribute', excludeRepId: REP });
  });

  it('gives A leads a 5-minute first-contact clock, 1 h escalation and 4 h recycling', () => {
    const a = lead({ grade: 'A' });
    expect(kinds(dueActions(MONDAY_10 + 5 * MINUTE_MS - 1, [a], policy))).toEqual([]);
    expect(kinds(dueActions(MONDAY_10 + 5 * MINUTE_MS, [a], policy))).toEqual(['remind']);
    expect(kinds(dueActions(MONDAY_10 + HOUR_MS, [a], policy))).toEqual(['escalate']);
    expect(kinds(dueActions(MONDAY_10 + 4 * HOUR_MS, [a], policy))).toEqual(['recycle']);
  });

  it('pauses an A lead assigned two minutes before closing until Monday morning', () => {
    const a = lead({ grade: 'A', assignedAt: cn(2026, 3, 20, 17, 58) });
    expect(dueActions(cn(2026, 3, 23, 9, 3) - 1, [a], policy)).toEqual([]);
    expect(dueActions(cn(2026, 3, 23, 9, 3), [a], policy)).toMatchObject([{ kind: 'remind' }]);
  });

  it('skips holidays when counting a deadline', () => {
    const withHoliday: SlaPolicy = { ...policy, calendar: { ...policy.calendar!, holidays: ['2026-03-24'] } };
    expect(dueActions(REMIND_AT, [lead()], withHoliday)).toEqual([]);
    expect(dueActions(cn(2026, 3, 26, 16, 0), [lead()], withHoliday)).toMatchObject([{ kind: 'remind' }]);
  });

  it('does not repeat an action that was already applied', () => {
    const reminded = lead({
      appliedActions: [{ kind: 'remind', trigger: 'first_contact', clockStart: MONDAY_10 }],
    });
    expect(dueActions(REMIND_AT + HOUR_MS, [reminded], policy)).toEqual([]);
  });

  it('emits only the most severe overdue step when catching up', () => {
    expect(kinds(dueActions(RECYCLE_AT + DAY_MS, [lead()], policy))).toEqual(['recycle']);
    expect(kinds(dueActions(ESCALATE_AT, [lead()], policy))).toEqual(['escalate']);
  });

  it('starts a fresh clock when the lead is reassigned, ignoring actions of the old assignment', () => {
    const applied = [{ kind: 'recycle', trigger: 'first_contact', clockStart: MONDAY_10 }] as const;
    const reassigned = lead({ ownerId: asRepId('rep-02'), assignedAt: RECYCLE_AT, appliedActions: applied });
    expect(dueActions(RECYCLE_AT + HOUR_MS, [reassigned], policy)).toEqual([]);
    // Thu 10:00 + 24 business h = Mon 16:00.
    expect(dueActions(cn(2026, 4, 6, 16, 0) - 1, [reassigned], policy)).toEqual([]);
    expect(dueActions(cn(2026, 4, 6, 16, 0), [reassigned], policy)).toMatchObject([
      { kind: 'remind', repId: 'rep-02', clockStart: RECYCLE_AT },
    ]);
  });

  it('stops the first-contact clock once the owner has made contact', () => {
    const contacted = lead({ firstContactAt: MONDAY_10 + HOUR_MS });
    expect(dueActions(RECYCLE_AT, [contacted], policy).filter((a) => a.trigger === 'first_contact')).toEqual(
      [],
    );
  });

  it('does not count a previous owner’s contact for the new owner', () => {
    const inherited = lead({ firstContactAt: MONDAY_10 - DAY_MS, lastFollowUpAt: MONDAY_10 - HOUR_MS });
    expect(dueActions(REMIND_AT, [inherited], policy)).toMatchObject([
      { kind: 'remind', trigger: 'first_contact' },
    ]);
  });

  it('reminds once when a follow-up is overdue, and again after the next contact lapses', () => {
    // Grade B: follow up within 48 business hours of the last contact.
    const lastContact = cn(2026, 3, 24, 11, 0);
    const dueAt = cn(2026, 3, 31, 14, 0);
    const contacted = lead({ firstContactAt: MONDAY_10 + HOUR_MS, lastFollowUpAt: lastContact });
    expect(dueActions(dueAt - 1, [contacted], policy)).toEqual([]);
    const [action] = dueActions(dueAt, [contacted], policy);
    expect(action).toMatchObject({ kind: 'remind', trigger: 'follow_up', clockStart: lastContact, dueAt });
    const applied = lead({
      ...contacted,
      appliedActions: [{ kind: 'remind', trigger: 'follow_up', clockStart: lastContact }],
    });
    expect(dueActions(dueAt + DAY_MS, [applied], policy)).toEqual([]);
    const followedUp = lead({ ...applied, lastFollowUpAt: dueAt + HOUR_MS });
    expect(dueActions(cn(2026, 4, 7, 18, 0) - 1, [followedUp], policy)).toEqual([]);
    expect(dueActions(cn(2026, 4, 7, 18, 0), [followedUp], policy)).toMatchObject([{ trigger: 'follow_up' }]);
  });

  it('gives history, closed, nurture and unowned leads no actions', () => {
    const late = RECYCLE_AT + 30 * DAY_MS;
    const quiet = [
      lead({ id: asLeadId('h'), isHistory: true }),
      lead({ id: asLeadId('w'), stage: 'won' }),
      lead({ id: asLeadId('l'), stage: 'lost' }),
      lead({ id: asLeadId('n'), stage: 'nurture' }),
      lead({ id: asLeadId('u'), ownerId: null }),
      lead({ id: asLeadId('x'), assignedAt: null }),
    ];
    expect(dueActions(late, quiet, policy)).toEqual([]);
  });

  it('uses the ungraded clock for leads without a grade', () => {
    const strict: SlaPolicy = {
      ...policy,
      grades: { ...policy.grades, ungraded: { ...policy.grades.ungraded, firstContactMinutes: 60 } },
    };
    expect(dueActions(MONDAY_10 + HOUR_MS, [lead({ grade: null })], strict)).toMatchObject([
      { kind: 'remind', grade: 'ungraded' },
    ]);
  });

  it('never escalates or recycles when the policy turns those steps off', () => {
    const gentle: SlaPolicy = {
      ...policy,
      grades: {
        ...policy.grades,
        D: { ...policy.grades.D, escalateAfterMinutes: null, recycleAfterMinutes: null },
      },
    };
    expect(kinds(dueActions(RECYCLE_AT + 30 * DAY_MS, [lead({ grade: 'D' })], gentle))).toEqual(['remind']);
  });

  it('sorts actions by due time, then lead id', () => {
    const actions = dueActions(
      RECYCLE_AT,
      [
        lead({ id: asLeadId('lead-b') }),
        lead({ id: asLeadId('lead-a') }),
        lead({ id: asLeadId('lead-c'), grade: 'A' }),
      ],
      policy,
    );
    expect(actions.map((a) => a.leadId)).toEqual(['lead-c', 'lead-a', 'lead-b']);
  });

  it('explains each action in words', () => {
    const [action] = dueActions(RECYCLE_AT, [lead()], policy);
    expect(action?.reason).toBe(
      'No first contact 72 business h after assignment: recycled back to the public pool (grade B lead)',
    );
  });

  it('reports the running clock’s deadlines for a countdown', () => {
    expect(slaDeadline(lead(), policy)).toEqual({
      trigger: 'first_contact',
      clockStart: MONDAY_10,
      grade: 'B',
      remindAt: REMIND_AT,
      escalateAt: ESCALATE_AT,
      recycleAt: RECYCLE_AT,
    });
    expect(slaDeadline(lead({ stage: 'won' }), policy)).toBeNull();
  });

  it('never emits anything again once everything due has been applied', () => {
    const leadArb = fc.record({
      grade: fc.constantFrom(...GRADES, null),
      stage: fc.constantFrom(...BUILT_IN_STAGES),
      assignedOffset: fc.integer({ min: 0, max: 20 * DAY_MS }),
      contactAfter: fc.option(fc.integer({ min: 0, max: 10 * DAY_MS })),
      followUpAfter: fc.option(fc.integer({ min: 0, max: 10 * DAY_MS })),
    });
    fc.assert(
      fc.property(
        fc.array(leadArb, { maxLength: 20 }),
        fc.integer({ min: 0, max: 40 * DAY_MS }),
        (specs, later) => {
          const start = cn(2026, 3, 1, 0, 0);
          const now = start + later;
          const leads = specs.map((spec, i) => {
            const assignedAt = start + spec.assignedOffset;
            return lead({
              id: asLeadId(`lead-${String(i).padStart(3, '0')}`),
              grade: spec.grade,
              stage: spec.stage,
              assignedAt,
              firstContactAt: spec.contactAfter === null ? null : assignedAt + spec.contactAfter,
              lastFollowUpAt:
                spec.contactAfter === null || spec.followUpAfter === null
                  ? null
                  : assignedAt + spec.contactAfter + spec.followUpAfter,
            });
          });
          const actions = dueActions(now, leads, policy);
          for (const [i, action] of actions.entries()) {
            if (action.dueAt > now) return false;
            const next = actions[i + 1];
            if (
              next !== undefined &&
              (next.dueAt < action.dueAt || (next.dueAt === action.dueAt && next.leadId <= action.leadId))
            )
              return false;
          }
          const applied = leads.map((l) => ({
            ...l,
            appliedActions: actions
              .filter((a) => a.leadId === l.id)
              .map(({ kind, trigger, clockStart }) => ({ kind, trigger, clockStart })),
          }));
          return dueActions(now, applied, policy).length === 0;
        },
      ),
    );
  });
});

describe('stale leads', () => {
  const base = lead({ firstContactAt: MONDAY_10 + HOUR_MS, lastFollowUpAt: MONDAY_10 + DAY_MS });

  it('lists an owned open lead exactly N days after its last progress', () => {
    const last = MONDAY_10 + DAY_MS;
    expect(staleLeads(last + 7 * DAY_MS - 1, [base], 7)).toEqual([]);
    expect(staleLeads(last + 7 * DAY_MS, [base], 7)).toEqual([
      { leadId: base.id, repId: REP, lastProgressAt: last, idleDays: 7 },
    ]);
  });

  it('counts a stage change as progress', () => {
    const moved = lead({ ...base, stageChangedAt: MONDAY_10 + 5 * DAY_MS });
    expect(staleLeads(MONDAY_10 + 9 * DAY_MS, [moved], 7)).toEqual([]);
  });

  it('leaves out unowned, closed, nurture and history leads', () => {
    const late = MONDAY_10 + 60 * DAY_MS;
    const leads = [
      lead({ ...base, ownerId: null }),
      lead({ ...base, stage: 'won' }),
      lead({ ...base, stage: 'nurture' }),
      lead({ ...base, isHistory: true }),
    ];
    expect(staleLeads(late, leads, 7)).toEqual([]);
  });

  it('puts the longest-idle lead first', () => {
    const older = lead({ ...base, id: asLeadId('lead-z'), lastFollowUpAt: MONDAY_10 + 2 * HOUR_MS });
    const stale = staleLeads(MONDAY_10 + 30 * DAY_MS, [base, older], 7);
    expect(stale.map((s) => s.leadId)).toEqual(['lead-z', 'lead-0001']);
  });
});

describe('SLA policy', () => {
  it('accepts the defaults', () => {
    expect(checkSlaPolicy(DEFAULT_SLA_POLICY)).toEqual([]);
  });

  it('flags a policy that recycles before it escalates', () => {
    const wrong: SlaPolicy = {
      ...DEFAULT_SLA_POLICY,
      grades: {
        ...DEFAULT_SLA_POLICY.grades,
        C: { ...DEFAULT_SLA_POLICY.grades.C, recycleAfterMinutes: 60 },
      },
    };
    expect(checkSlaPolicy(wrong)).toEqual(['C: recycling comes before escalation']);
  });
});

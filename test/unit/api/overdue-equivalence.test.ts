// The Dashboard's "Now" counted in SQL equals the full computation it replaced: on random workspaces (reassigned
// leads, follow-ups by anyone, open activities, history, deleted, closed and custom-stage leads, random per-grade
// clocks on several calendars, instants on a deadline's very millisecond) the overdue counts are those of the cards'
// clocks (listAllLeadCards + clocksOfRows, kept here as the reference), and the stage and arrival counts are the
// rows' own, for every filter the Dashboard offers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Database } from 'better-sqlite3';
import { DAY_MS, MINUTE_MS } from '../../../core/domain/clock';
import { latestOverdueStart } from '../../../core/domain/sla/overdue-threshold';
import type { SlaClockRule, SlaPolicy } from '../../../core/domain/sla/sla-policy';
import type { WorkingCalendar } from '../../../core/domain/sla/working-calendar';
import { CHINA_OFFICE_CALENDAR } from '../../../core/domain/sla/working-calendar';
import { clocksOfRows } from '../../../core/api/sla/cards';
import { readSlaPolicy } from '../../../core/api/sla/settings';
import { refreshAllKpiFacts } from '../../../core/store/kpi-facts';
import { listReps } from '../../../core/store/reps';
import { listAllLeadCards } from '../../../core/store/work-leads';
import { createTestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

const NOW = Date.UTC(2026, 2, 25, 3, 17); // Wednesday 11:17 in Beijing
const STAGES = ['raw', 'mql', 'sql', 'opportunity', 'won', 'lost', 'nurture', 'c_demo1'] as const;
const GRADES = ['A', 'B', 'C', 'D', null] as const;
const TIERS = ['senior', 'mid', 'junior'] as const;
const SOURCES = ['官网', '展会'] as const;
const REPS = ['rep_a', 'rep_b', 'rep_c', 'rep_d'] as const;

const CALENDARS: readonly (WorkingCalendar | null)[] = [
  null,
  CHINA_OFFICE_CALENDAR,
  { ...CHINA_OFFICE_CALENDAR, holidays: ['2026-03-23', '2026-03-24'], makeUpDays: ['2026-03-21'] },
  {
    utcOffsetMinutes: -300,
    weekdays: [
      { startMinute: 600, endMinute: 1440 },
      null,
      null,
      null,
      null,
      null,
      { startMinute: 0, endMinute: 90 },
    ],
    holidays: [],
  },
];

/** A rule checkSlaPolicy accepts: first ≤ escalate ≤ recycle where set. */
const ruleArb: fc.Arbitrary<SlaClockRule> = fc
  .record({
    first: fc.integer({ min: 0, max: 3000 }),
    followUp: fc.option(fc.integer({ min: 0, max: 6000 }), { nil: null }),
    escalate: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
    recycle: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
  })
  .map(({ first, followUp, escalate, recycle }) => {
    const escalateAfterMinutes = escalate === null ? null : first + escalate;
    return {
      firstContactMinutes: first,
      followUpMinutes: followUp,
      escalateAfterMinutes,
      recycleAfterMinutes: recycle === null ? null : (escalateAfterMinutes ?? first) + recycle,
    };
  });

const policyArb: fc.Arbitrary<SlaPolicy> = fc.record({
  grades: fc.record({ A: ruleArb, B: ruleArb, C: ruleArb, D: ruleArb, ungraded: ruleArb }),
  recycleTarget: fc.constant('pool' as const),
  calendar: fc.constantFrom(...CALENDARS),
});

/** A time near now: mostly within three weeks before it, sometimes just after it. */
const timeArb = fc.integer({ min: NOW - 21 * DAY_MS, max: NOW + 2 * DAY_MS });

const leadArb = fc.record({
  stage: fc.constantFrom(...STAGES),
  grade: fc.constantFrom(...GRADES),
  source: fc.constantFrom(...SOURCES, null),
  owner: fc.option(fc.constantFrom(...REPS), { nil: null, freq: 6 }),
  isHistory: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  isDeleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  createdAt: fc.integer({ min: NOW - 60 * DAY_MS, max: NOW }),
  /** Hand-overs; `onEdge` puts one of the owner's on the start whose deadline is exactly now (or 1 ms later). */
  assignments: fc.array(fc.record({ rep: fc.constantFrom('owner' as const, ...REPS), at: timeArb }), {
    maxLength: 3,
  }),
  edge: fc.constantFrom('none', 'none', 'first', 'first+1', 'gap', 'gap+1'),
  /** 'assigned': at the owner's latest hand-over, to the millisecond. */
  followUps: fc.array(
    fc.record({
      rep: fc.constantFrom(...REPS, null),
      at: fc.oneof(timeArb, fc.constant('assigned' as const)),
    }),
    { maxLength: 3 },
  ),
  activity: fc.option(
    fc.record({
      rep: fc.constantFrom('owner' as const, 'owner' as const, ...REPS, null),
      dueAt: fc.option(fc.oneof(timeArb, fc.constant(NOW), fc.constant(NOW + 1)), { nil: null }),
      createdAt: fc.oneof(timeArb, fc.constant('assigned' as const)),
      isClosed: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    }),
    { nil: null },
  ),
});

type LeadSpec = typeof leadArb extends fc.Arbitrary<infer T> ? T : never;

/** The overdue count as the cards computed it before (core/api/dashboard/overdue.ts until now): the reference. */
function referenceOverdue(
  db: Database,
  filter: { repId?: string; tier?: string; source?: string },
): { firstContact: number; followUp: number } {
  const tierReps =
    filter.tier === undefined
      ? null
      : new Set(
          listReps(db, { includeInactive: true })
            .filter((rep) => rep.tier === filter.tier)
            .map((rep) => rep.id as string),
        );
  const rows = listAllLeadCards(db, { onClockOnly: true, owner: filter.repId, source: filter.source }).filter(
    (row) => tierReps === null || (row.ownerId !== null && tierReps.has(row.ownerId)),
  );
  let firstContact = 0;
  let followUp = 0;
  for (const clock of clocksOfRows(db, rows, readSlaPolicy(db), NOW).clocks) {
    if (clock === null || !clock.isOverdue) continue;
    if (clock.kind === 'first_contact') firstContact += 1;
    else followUp += 1;
  }
  return { firstContact, followUp };
}

function insertWorkspace(
  db: Database,
  policy: SlaPolicy,
  tiers: readonly string[],
  leads: readonly LeadSpec[],
): void {
  const rep = db.prepare(
    `INSERT INTO reps (id, name, tier, cap_open, joined_on, created_at, updated_at) VALUES (?, ?, ?, NULL, '2025-01-01', ?, ?)`,
  );
  const lead = db.prepare(
    `INSERT INTO leads (id, name, source, stage, owner_id, grade, is_history, deleted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const assignment = db.prepare(
    `INSERT INTO assignments (id, lead_id, rep_id, kind, reason, actor, at) VALUES (?, ?, ?, 'manual', 'test', 'team-lead', ?)`,
  );
  const followUp = db.prepare(
    `INSERT INTO follow_ups (id, lead_id, rep_id, channel, said, at) VALUES (?, ?, ?, 'call', '聊了', ?)`,
  );
  const activity = db.prepare(
    `INSERT INTO activities (id, lead_id, rep_id, kind, due_at, created_at, done_at) VALUES (?, ?, ?, 'call', ?, ?, ?)`,
  );
  const edgeStart = (minutes: number | null): number | null =>
    minutes === null ? null : latestOverdueStart(minutes, policy.calendar, NOW);
  db.transaction(() => {
    REPS.forEach((id, i) => rep.run(id, `销售${i}`, tiers[i] ?? 'mid', NOW, NOW));
    leads.forEach((spec, i) => {
      const id = `lead_${i}`;
      lead.run(
        id,
        `客户${i}`,
        spec.source,
        spec.stage,
        spec.owner,
        spec.grade,
        spec.isHistory ? 1 : 0,
        spec.isDeleted ? NOW : null,
        spec.createdAt,
        spec.createdAt,
      );
      const ownerTimes: number[] = [];
      const handOver = (key: string, repId: string, at: number) => {
        assignment.run(`asg_${i}_${key}`, id, repId, at);
        if (repId === spec.owner) ownerTimes.push(at);
      };
      spec.assignments.forEach((a, j) =>
        handOver(String(j), a.rep === 'owner' ? (spec.owner ?? 'rep_a') : a.rep, a.at),
      );
      const rule = policy.grades[spec.grade ?? 'ungraded'];
      if (spec.owner !== null && spec.edge !== 'none') {
        // The owner's latest hand-over (or latest follow-up) lands on the deadline's exact millisecond, or 1 ms after.
        const isFirst = spec.edge.startsWith('first');
        const start = edgeStart(isFirst ? rule.firstContactMinutes : rule.followUpMinutes);
        if (start !== null) {
          const at = start + (spec.edge.endsWith('+1') ? 1 : 0);
          if (isFirst) handOver('edge', spec.owner, at);
          else {
            handOver('edge', spec.owner, at - 1);
            followUp.run(`fu_${i}_edge`, id, spec.owner, at);
          }
        }
      }
      const assignedAt = ownerTimes.length === 0 ? NOW : Math.max(...ownerTimes);
      const timeOf = (at: number | 'assigned') => (at === 'assigned' ? assignedAt : at);
      spec.followUps.forEach((f, j) => followUp.run(`fu_${i}_${j}`, id, f.rep, timeOf(f.at)));
      if (spec.activity !== null) {
        const a = spec.activity;
        const repId = a.rep === 'owner' ? spec.owner : a.rep;
        const at = timeOf(a.createdAt);
        activity.run(`act_${i}`, id, repId, a.dueAt, at, a.isClosed ? at : null);
      }
    });
  })();
  // The rows above went in as raw SQL, around the repositories that keep the leads' clock inputs.
  refreshAllKpiFacts(db);
}

describe('the Dashboard’s overdue and stage counts in SQL', () => {
  const tempDir = useTempDir();

  it('equal the cards’ clocks and the rows’ own counts on random workspaces, for every filter', async () => {
    // What the random workspaces held, unfiltered: each kind of overdue clock must have come up.
    const seen = { firstContact: 0, followUp: 0 };
    await fc.assert(
      fc.asyncProperty(
        policyArb,
        fc.array(fc.constantFrom(...TIERS), { minLength: 4, maxLength: 4 }),
        fc.array(leadArb, { minLength: 1, maxLength: 40 }),
        async (policy, tiers, leads) => {
          const t = createTestService(tempDir(), NOW);
          try {
            await t.client.call('sla.savePolicy', { policy });
            const db = t.service.db;
            expect(readSlaPolicy(db)).toEqual(policy);
            insertWorkspace(db, policy, tiers, leads);
            const filters = [
              {},
              { repId: 'rep_a' },
              { repId: 'rep_d' },
              { tier: 'senior' as const },
              { tier: 'junior' as const },
              { source: '官网' },
              { repId: 'rep_b', source: '展会' },
              { tier: 'mid' as const, source: '官网' },
            ];
            for (const filter of filters) {
              const now = await t.client.call('dashboard.now', filter);
              const reference = referenceOverdue(db, filter);
              expect(
                { firstContact: now.overdueFirstContact, followUp: now.overdueFollowUp },
                JSON.stringify(filter),
              ).toEqual(reference);
              if (Object.keys(filter).length === 0) {
                seen.firstContact += reference.firstContact;
                seen.followUp += reference.followUp;
              }
              const tierOf = (repId: string | null) =>
                repId === null ? null : tiers[REPS.indexOf(repId as never)];
              const live = leads.filter(
                (l) =>
                  !l.isHistory &&
                  !l.isDeleted &&
                  ('repId' in filter ? l.owner === filter.repId : true) &&
                  ('tier' in filter ? tierOf(l.owner) === filter.tier : true) &&
                  ('source' in filter ? l.source === filter.source : true),
              );
              const stageCounts: Record<string, number> = {};
              for (const l of live) stageCounts[l.stage] = (stageCounts[l.stage] ?? 0) + 1;
              expect(now.stageCounts, JSON.stringify(filter)).toEqual(stageCounts);
              const today = Date.UTC(2026, 2, 24, 16); // local midnight of 2026-03-25 in Beijing
              const arrived = live.filter(
                (l) => l.createdAt >= today - 30 * DAY_MS && l.createdAt < today,
              ).length;
              expect(now.capacity.inflowPerDay * 30).toBeCloseTo(arrived, 9);
            }
          } finally {
            t.close();
          }
        },
      ),
      { numRuns: 40 },
    );
    expect(seen.firstContact).toBeGreaterThan(0);
    expect(seen.followUp).toBeGreaterThan(0);
  });

  it('counts a lead whose first-contact deadline is this very millisecond, and not one 1 ms younger', async () => {
    const t = createTestService(tempDir(), NOW);
    try {
      const db = t.service.db;
      const policy = readSlaPolicy(db);
      const start = latestOverdueStart(policy.grades.B.firstContactMinutes, policy.calendar, NOW) ?? 0;
      const spec = (at: number): LeadSpec => ({
        source: null,
        isHistory: false,
        isDeleted: false,
        stage: 'mql',
        grade: 'B',
        owner: 'rep_a',
        createdAt: at,
        assignments: [{ rep: 'rep_a', at }],
        edge: 'none',
        followUps: [],
        activity: null,
      });
      insertWorkspace(db, policy, TIERS, [spec(start), spec(start + 1)]);
      const now = await t.client.call('dashboard.now', {});
      expect(now.overdueFirstContact).toBe(1);
      expect(referenceOverdue(db, {}).firstContact).toBe(1);
      expect(start + policy.grades.B.firstContactMinutes * MINUTE_MS).toBeLessThanOrEqual(NOW);
    } finally {
      t.close();
    }
  });
});

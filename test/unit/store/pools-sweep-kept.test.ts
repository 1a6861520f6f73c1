// The recycle sweep reads each lead's tenure and latest follow-up from the clock inputs kept on the lead (migration
// 0021): on random workspaces — reassignments, an owner set without a hand-over row, follow-ups before and after a
// hand-over, closed and deleted leads — it lists exactly the leads and facts the per-lead look-ups in the raw
// tables gave, for random bounds per grade.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refreshAllKpiFacts } from '../../../core/store/kpi-facts';
import { openDatabase } from '../../../core/store/open-database';
import { listSweepLeads, type SweepBounds } from '../../../core/store/pools-sweep';
import { useTempDir } from '../../helpers/temp-dir';

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 10, 1);
const REPS = ['rep_0', 'rep_1', 'rep_2'];
const LEADS = 10;

/** The sweep's read as it was before the kept inputs: a look-up of the owner's hand-overs and of the follow-ups. */
const REFERENCE = `SELECT leads.id, coalesce((SELECT max(a.at) FROM assignments AS a WHERE a.lead_id = leads.id
    AND a.rep_id = leads.owner_id), leads.created_at) AS owned_since,
  (SELECT max(f.at) FROM follow_ups AS f WHERE f.lead_id = leads.id) AS last_follow_up_at
  FROM leads WHERE leads.owner_id IS NOT NULL AND leads.deleted_at IS NULL AND leads.is_history = 0
    AND leads.stage NOT IN ('won', 'lost', 'nurture')
    AND owned_since <= (CASE WHEN NOT EXISTS (SELECT 1 FROM follow_ups AS nf WHERE nf.lead_id = leads.id
      AND nf.at > :noFollowUp) THEN max(coalesce(:noFollowUp, -1), coalesce(:stage, -1)) ELSE coalesce(:stage, -1) END)
  ORDER BY leads.id`;

// Whole hours, so follow-ups, hand-overs and bounds often fall on the same instant.
const bound = fc.option(fc.integer({ min: 0, max: 20 }).map((h) => BASE + h * HOUR));
const workspaceArb = fc.record({
  leads: fc.array(
    fc.record({
      owner: fc.constantFrom(...REPS, null),
      stage: fc.constantFrom('raw', 'mql', 'won', 'nurture'),
      deleted: fc.boolean(),
      createdAt: fc.nat(10),
    }),
    { minLength: LEADS, maxLength: LEADS },
  ),
  handOvers: fc.array(
    fc.record({ lead: fc.nat(LEADS - 1), rep: fc.constantFrom(...REPS, null), at: fc.nat(20) }),
    { maxLength: 25 },
  ),
  followUps: fc.array(fc.record({ lead: fc.nat(LEADS - 1), at: fc.nat(20) }), { maxLength: 25 }),
  // One bound for every grade: the leads are ungraded.
  noFollowUp: bound,
  stage: bound,
});

describe('the recycle sweep over kept clock inputs', () => {
  const tempDir = useTempDir();

  it('lists what the look-ups in the raw tables listed (property)', () => {
    const db = openDatabase(join(tempDir(), 'sweep.sqlite'));
    for (const id of REPS)
      db.prepare(
        `INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES (?, ?, 'mid', '2025-01-01', 0, 0)`,
      ).run(id, id);
    db.exec('DROP TRIGGER assignments_no_delete');
    const lead = db.prepare(
      `INSERT INTO leads (id, name, stage, owner_id, deleted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const handOver = db.prepare(
      `INSERT INTO assignments (id, lead_id, rep_id, kind, actor, at) VALUES (?, ?, ?, 'manual', 't', ?)`,
    );
    const followUp = db.prepare(
      `INSERT INTO follow_ups (id, lead_id, rep_id, channel, said, at) VALUES (?, ?, 'rep_0', 'call', '', ?)`,
    );
    const reference = db.prepare(REFERENCE);
    fc.assert(
      fc.property(workspaceArb, (w) => {
        db.exec('DELETE FROM follow_ups; DELETE FROM assignments; DELETE FROM leads');
        w.leads.forEach((l, i) =>
          lead.run(
            `lead_${i}`,
            `客户${i}`,
            l.stage,
            l.owner,
            l.deleted ? 1 : null,
            BASE + l.createdAt * HOUR,
            BASE,
          ),
        );
        w.handOvers.forEach((h, i) => handOver.run(`asg_${i}`, `lead_${h.lead}`, h.rep, BASE + h.at * HOUR));
        w.followUps.forEach((f, i) => followUp.run(`fu_${i}`, `lead_${f.lead}`, BASE + f.at * HOUR));
        // The repositories keep these on every write (test/unit/store/clock-facts.test.ts); raw rows are recounted.
        refreshAllKpiFacts(db);
        const perGrade = (at: number | null) => ({ A: at, B: at, C: at, D: at, ungraded: at });
        const bounds: SweepBounds = { noFollowUp: perGrade(w.noFollowUp), stage: perGrade(w.stage) };
        const listed = listSweepLeads(db, bounds)
          .map((l) => ({ id: l.id, owned_since: l.ownedSince, last_follow_up_at: l.lastFollowUpAt }))
          .sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(listed).toEqual(reference.all({ noFollowUp: w.noFollowUp, stage: w.stage }));
      }),
      { numRuns: 300 },
    );
    db.close();
  });
});

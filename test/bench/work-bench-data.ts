// Bench data for working the leads: a workspace of N leads (with reps, assignments, follow-ups) written fast.
import type { Database } from 'better-sqlite3';
import { createRng, DAY_MS, MINUTE_MS } from '../../core/domain/clock';

const STAGES = ['raw', 'mql', 'sql', 'opportunity', 'won', 'lost', 'nurture'] as const;
const GRADES = ['A', 'B', 'C', 'D'] as const;

/**
 * Writes `count` leads owned by 40 reps, each with its assignment row and, for most, a follow-up. With
 * `bigStage`, half of them sit in that stage (the 5k-card column of the kanban bench). Assignments spread over
 * the last six hours: the first scheduler tick finds a backlog (a notice per assignment, overdue first contacts),
 * and each later one-minute tick the few clocks that came due in its minute.
 */
export function seedWorkspace(db: Database, count: number, now: number, bigStage?: string): void {
  const rng = createRng(11);
  const insertRep = db.prepare(
    `INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES (?, ?, 'mid', '2026-01-05', ?, ?)`,
  );
  const insertLead = db.prepare(
    `INSERT INTO leads (id, name, company, source, stage, owner_id, score, grade, search_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAssignment = db.prepare(
    `INSERT INTO assignments (id, lead_id, rep_id, kind, reason, actor, at) VALUES (?, ?, ?, 'auto', 'bench', 'team-lead', ?)`,
  );
  const insertFollowUp = db.prepare(
    `INSERT INTO follow_ups (id, lead_id, rep_id, channel, said, next_step, next_at, at) VALUES (?, ?, ?, 'call', '沟通需求', ?, ?, ?)`,
  );
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
  db.transaction(() => {
    for (let r = 0; r < 40; r += 1) insertRep.run(`rep-${r}`, `销售${r}`, now, now);
    for (let i = 0; i < count; i += 1) {
      const id = `lead-${String(i).padStart(6, '0')}`;
      const stage = bigStage !== undefined && i % 2 === 0 ? bigStage : (STAGES[i % STAGES.length] ?? 'raw');
      const rep = `rep-${i % 40}`;
      const score = Math.floor(rng() * 100);
      const grade = GRADES[score > 80 ? 0 : score >= 60 ? 1 : score >= 40 ? 2 : 3] ?? 'D';
      const name = `${surnames[i % surnames.length] ?? '王'}客户${i}`;
      const company = `华东${i % 997}科技有限公司`;
      const assignedAt = now - Math.floor(rng() * 6 * 60) * MINUTE_MS;
      insertLead.run(
        id,
        name,
        company,
        i % 3 === 0 ? '官网' : '展会',
        stage,
        rep,
        score,
        grade,
        `${name} ${company}`,
        now - DAY_MS,
        now,
      );
      insertAssignment.run(`asg-${i}`, id, rep, assignedAt);
      if (rng() < 0.6) {
        const at = assignedAt + Math.floor(rng() * 30) * MINUTE_MS;
        insertFollowUp.run(`fu-${i}`, id, rep, '回访', at + 2 * DAY_MS, Math.min(at, now));
      }
    }
  })();
}

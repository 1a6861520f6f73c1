import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapOpenActivities, scheduleActivity } from '../../../core/store/activities';
import { openDatabase } from '../../../core/store/open-database';
import { insertSlaAction, mapAppliedSlaActions } from '../../../core/store/sla-actions';
import { listAllLeadCards, listSlaInputs, toSlaInput } from '../../../core/store/work-leads';
import { seedWorkspace } from '../../bench/work-bench-data';
import { useTempDir } from '../../helpers/temp-dir';

const NOW = Date.UTC(2026, 10, 24, 6, 0);

/** A seeded workspace with a reassigned, a deleted, an unowned and a history lead, and applied actions. */
function workspace(path: string): Database {
  const db = openDatabase(path);
  seedWorkspace(db, 1_300, NOW);
  db.prepare(
    "INSERT INTO assignments (id, lead_id, rep_id, kind, reason, actor, at) VALUES ('re-1', 'lead-000001', 'rep-7', 'manual', 'test', 'team-lead', ?)",
  ).run(NOW - 1_000);
  db.prepare("UPDATE leads SET owner_id = 'rep-7' WHERE id = 'lead-000001'").run();
  db.prepare("UPDATE leads SET deleted_at = 1 WHERE id = 'lead-000002'").run();
  db.prepare("UPDATE leads SET owner_id = NULL WHERE id = 'lead-000003'").run();
  db.prepare("UPDATE leads SET is_history = 1 WHERE id = 'lead-000008'").run();
  for (const [i, leadId] of ['lead-000001', 'lead-000002', 'lead-000003', 'lead-000009'].entries()) {
    insertSlaAction(db, {
      leadId,
      kind: 'remind',
      trigger: 'first_contact',
      clockStart: NOW - 10_000 - i,
      repId: 'rep-1',
      dueAt: NOW - 5_000,
      appliedAt: NOW - 4_000,
    });
  }
  return db;
}

/** The query plan of each statement `run` reads rows with, planned with the parameters it was given. */
function plansOf(db: Database, run: () => void): string[] {
  const read: { source: string; parameters: unknown[] }[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    const all = statement.all.bind(statement);
    statement.all = ((...parameters: unknown[]) => {
      read.push({ source, parameters });
      return all(...parameters);
    }) as typeof statement.all;
    return statement;
  }) as typeof db.prepare;
  try {
    run();
  } finally {
    db.prepare = prepare;
  }
  return read.map(({ source, parameters }) =>
    (prepare(`EXPLAIN QUERY PLAN ${source}`).all(...parameters) as { detail: string }[])
      .map((row) => row.detail)
      .join(' | '),
  );
}

describe('the SLA scheduler’s reads', () => {
  const tempDir = useTempDir();

  it('give the same engine input as the leads’ cards do', () => {
    const db = workspace(join(tempDir(), 'w.sqlite'));
    const applied = mapAppliedSlaActions(db);
    const inputs = listSlaInputs(db, applied);
    const fromCards = listAllLeadCards(db, { onClockOnly: true }).map((card) =>
      toSlaInput(card, applied.get(card.id) ?? []),
    );
    expect(inputs.length).toBeGreaterThan(500);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect([...inputs].sort(byId)).toEqual([...fromCards].sort(byId));
    expect(inputs.find((input) => input.id === 'lead-000001')?.assignedAt).toBe(NOW - 1_000);
    expect(inputs.map((input) => input.id)).not.toContain('lead-000008');
    expect([...applied.keys()].sort()).toEqual(['lead-000001', 'lead-000009']);
    db.close();
  });

  it('read leads and assignments from indexes alone, and applied actions before their leads', () => {
    const db = workspace(join(tempDir(), 'p.sqlite'));
    const [inputsPlan] = plansOf(db, () => listSlaInputs(db, new Map()));
    expect(inputsPlan).toMatch(/SCAN leads USING COVERING INDEX/);
    expect(inputsPlan).toMatch(/SEARCH a USING COVERING INDEX assignments_lead_rep/);
    const [appliedPlan] = plansOf(db, () => mapAppliedSlaActions(db));
    expect(appliedPlan).toMatch(/^SCAN sla_actions \| SEARCH leads USING INDEX sqlite_autoindex_leads_1/);
    db.close();
  });

  it('find the open activity of every lead asked for, over several batches', () => {
    const db = workspace(join(tempDir(), 'a.sqlite'));
    const ids = Array.from({ length: 1_203 }, (_, i) => `lead-${String(i).padStart(6, '0')}`);
    const base = { repId: 'rep-1', kind: 'call' as const, title: null, followUpId: null, createdAt: NOW };
    for (const i of [0, 499, 500, 999, 1_000, 1_202]) {
      scheduleActivity(db, { ...base, id: `act-${i}`, leadId: ids[i] ?? '', dueAt: NOW + i });
    }
    const open = mapOpenActivities(db, ids);
    expect([...open.values()].map((a) => a.id).sort()).toEqual(
      ['act-0', 'act-1000', 'act-1202', 'act-499', 'act-500', 'act-999'].sort(),
    );
    expect(mapOpenActivities(db, ids.slice(0, 500)).size).toBe(2);
    db.close();
  });
});

// Long assignment explanations are kept deflated, and nothing reads them differently for it: the codec gives back the
// explanation it was given, the repository stores a 50-rep explanation in a tenth of its text, and migration 0025
// turns an older file's rows into the new shape — the same explanations, method and recycle reason as columns the
// assignment log and the pool's "recycled" filter read, the row ids (the SLA engine's cursor) and append-only rule kept.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../core/domain/clock';
import { appendAssignment, listAssignmentsForLead } from '../../../core/store/assignments';
import {
  DEFLATE_FROM_LENGTH,
  decodeExplanation,
  encodeExplanation,
} from '../../../core/store/explanation-codec';
import { updateToSchemaVersion25 } from '../../../core/store/migrations/0025-deflated-explanations';
import { openDatabase } from '../../../core/store/open-database';
import { openDatabaseBefore } from '../../helpers/database-before';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

/** 10:00 Beijing, Monday 30 November 2026. */
const NOW = Date.UTC(2026, 10, 30, 2, 0);

/** An explanation shaped as the engine's full one: every rep ranked, every rule the lead passed named. */
function fullExplanation(reps: number): Record<string, unknown> {
  return {
    version: 1,
    leadId: 'lead_full',
    at: NOW,
    rule: { id: 'fallback', name: '兜底', index: 19, isFallback: true, conditions: [] },
    skippedRules: Array.from({ length: 19 }, (_, i) => ({
      id: `rule-${i}`,
      index: i,
      reason: 'conditions-not-met',
      failed: { index: 0, condition: { field: 'region', op: 'equals', value: '华东' }, value: '西南' },
    })),
    method: 'load-balanced',
    candidates: Array.from({ length: reps }, (_, i) => ({
      repId: `rep_${String(i).padStart(3, '0')}`,
      eligible: true,
      rank: { method: 'load-balanced', open: 100 + i, capacity: 2000, ratio: (100 + i) / 2000 },
    })),
    outcome: 'assigned',
    repId: 'rep_007',
    grade: 'A',
  };
}

describe('the explanation codec', () => {
  it('keeps a short explanation as text and a long one deflated, and reads both back as written', () => {
    const short = { kind: 'claim', poolId: 'pool_default', claimsToday: 1 };
    expect(encodeExplanation(short)).toEqual({ json: JSON.stringify(short), deflated: null });
    const long = fullExplanation(50);
    const stored = encodeExplanation(long);
    expect(stored.json).toBe('');
    expect(stored.deflated).not.toBeNull();
    expect(decodeExplanation(stored)).toEqual(long);
    expect(decodeExplanation(encodeExplanation(short))).toEqual(short);
    // Longer than the codec's reused buffer holds, and with text outside ASCII: deflated from a buffer of its own.
    const huge = { ...long, note: '说明'.repeat(50_000) };
    expect(decodeExplanation(encodeExplanation(huge))).toEqual(huge);
    // Nothing given: an empty explanation, as the column's default.
    expect(decodeExplanation(encodeExplanation(undefined))).toEqual({});
  });

  it('deflates from the threshold on, not before', () => {
    const padded = (length: number) => ({ note: '线'.repeat(length - '{"note":""}'.length) });
    expect(JSON.stringify(padded(DEFLATE_FROM_LENGTH - 1))).toHaveLength(DEFLATE_FROM_LENGTH - 1);
    expect(encodeExplanation(padded(DEFLATE_FROM_LENGTH - 1)).deflated).toBeNull();
    const atThreshold = encodeExplanation(padded(DEFLATE_FROM_LENGTH));
    expect(atThreshold.json).toBe('');
    expect(decodeExplanation(atThreshold)).toEqual(padded(DEFLATE_FROM_LENGTH));
  });
});

describe('assignment rows', () => {
  const tempDir = useTempDir();

  it('store a 50-rep explanation in under a fifth of its text and give it back whole', () => {
    const db = openDatabase(join(tempDir(), 'fairlead.sqlite'));
    try {
      db.prepare(
        "INSERT INTO leads (id, name, stage, created_at, updated_at) VALUES ('lead_full', '陈静', 'raw', 1, 1)",
      ).run();
      const explanation = fullExplanation(50);
      appendAssignment(db, {
        id: 'asg_1',
        leadId: 'lead_full',
        repId: null,
        kind: 'auto',
        ruleId: 'fallback',
        reason: 'fallback',
        explanation,
        actor: 'system',
        at: NOW,
      });
      const row = db
        .prepare(
          `SELECT length(explanation_json) AS text, length(explanation_deflated) AS deflated, method, grade_then
           FROM assignments WHERE id = 'asg_1'`,
        )
        .get() as { text: number; deflated: number; method: string; grade_then: string };
      const textBytes = Buffer.byteLength(JSON.stringify(explanation));
      expect(textBytes).toBeGreaterThan(5_000);
      expect(row).toMatchObject({ text: 0, method: 'load-balanced', grade_then: 'A' });
      expect(row.deflated).toBeLessThan(textBytes / 5);
      expect(listAssignmentsForLead(db, 'lead_full')[0]?.explanation).toEqual(explanation);
    } finally {
      db.close();
    }
  });
});

/** A file at schema 24 (before 0025) with an older Fairlead's assignment rows: a full one, recycles, a claim. */
function databaseBefore25(path: string): Record<string, unknown> {
  const db = openDatabaseBefore(path, updateToSchemaVersion25);
  const rep = db.prepare(
    "INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES (?, ?, 'mid', '2020-01-01', 1, 1)",
  );
  rep.run('rep_wang', '王芳');
  rep.run('rep_li', '李强');
  const lead = db.prepare(
    "INSERT INTO leads (id, name, stage, owner_id, created_at, updated_at) VALUES (?, ?, 'raw', ?, ?, ?)",
  );
  lead.run('lead_full', '陈静', 'rep_li', NOW - 3 * DAY_MS, NOW - 3 * DAY_MS);
  lead.run('lead_sla', '刘洋', null, NOW - 3 * DAY_MS, NOW - DAY_MS);
  lead.run('lead_rel', '赵敏', null, NOW - 3 * DAY_MS, NOW - DAY_MS);
  const full = fullExplanation(50);
  const assign = db.prepare(
    `INSERT INTO assignments (id, lead_id, rep_id, kind, reason, explanation_json, actor, at)
     VALUES (?, ?, ?, ?, '', ?, 'system', ?)`,
  );
  assign.run('asg_full', 'lead_full', 'rep_li', 'auto', JSON.stringify(full), NOW - 3 * DAY_MS);
  assign.run('asg_sla1', 'lead_sla', 'rep_wang', 'auto', '{"method":"round-robin"}', NOW - 3 * DAY_MS);
  assign.run(
    'asg_sla2',
    'lead_sla',
    null,
    'recycle',
    '{"kind":"recycle","fromRepId":"rep_wang","reason":"sla"}',
    NOW - DAY_MS,
  );
  assign.run('asg_rel1', 'lead_rel', 'rep_wang', 'claim', '{"kind":"claim"}', NOW - 3 * DAY_MS);
  assign.run(
    'asg_rel2',
    'lead_rel',
    null,
    'recycle',
    '{"kind":"recycle","fromRepId":"rep_wang","reason":"released"}',
    NOW - DAY_MS,
  );
  db.close();
  return full;
}

describe('migration 0025', () => {
  const tempDir = useTempDir();
  let t: TestService | undefined;
  afterEach(() => t?.close());

  it('deflates the long explanations of an older file and keeps what is read from them', async () => {
    const dir = tempDir();
    const path = join(dir, 'fairlead.sqlite');
    const full = databaseBefore25(path);
    const rowidsBefore = (() => {
      const db = new BetterSqlite3(path, { readonly: true });
      try {
        return db.prepare('SELECT id, rowid FROM assignments ORDER BY id').all();
      } finally {
        db.close();
      }
    })();
    t = createTestService(dir, NOW);
    const db = new BetterSqlite3(path, { readonly: true });
    try {
      expect(db.prepare('SELECT id, rowid FROM assignments ORDER BY id').all()).toEqual(rowidsBefore);
      const rows = db
        .prepare(
          `SELECT id, explanation_json AS json, explanation_deflated AS deflated, method, recycle_reason AS reason
           FROM assignments ORDER BY id`,
        )
        .all() as {
        id: string;
        json: string;
        deflated: Uint8Array | null;
        method: string | null;
        reason: string | null;
      }[];
      expect(rows.map((r) => [r.id, r.deflated === null, r.method, r.reason])).toEqual([
        ['asg_full', false, 'load-balanced', null],
        ['asg_rel1', true, null, null],
        ['asg_rel2', true, null, 'released'],
        ['asg_sla1', true, 'round-robin', null],
        ['asg_sla2', true, null, 'sla'],
      ]);
      const fullRow = rows[0];
      expect(fullRow?.json).toBe('');
      expect(fullRow && decodeExplanation(fullRow)).toEqual(full);
    } finally {
      db.close();
    }
    // Read through the product: the log's method filter, the pool's recycled filter (a release is not a recycle).
    const log = await t.client.call('distribution.assignments', {
      from: '2026-11-20',
      to: '2026-11-30',
      method: 'load-balanced',
    });
    expect(log.rows.map((row) => row.leadId)).toEqual(['lead_full']);
    const recycled = await t.client.call('pool.list', { recycledOnly: true });
    expect(recycled.rows.map((row) => row.id)).toEqual(['lead_sla']);
    const pooled = await t.client.call('pool.list', {});
    expect(pooled.rows.map((row) => row.id).sort()).toEqual(['lead_rel', 'lead_sla']);
    // Still append-only, the new columns too.
    const writer = new BetterSqlite3(path);
    try {
      expect(() =>
        writer.prepare("UPDATE assignments SET method = 'weighted' WHERE id = 'asg_full'").run(),
      ).toThrow(/append-only/);
      expect(() =>
        writer.prepare("UPDATE assignments SET explanation_deflated = NULL WHERE id = 'asg_full'").run(),
      ).toThrow(/append-only/);
    } finally {
      writer.close();
    }
  });
});

// countReceipts counts exactly the rows listReceipts lists: per rep, kind, grade then and local day.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../../../core/domain/clock';
import { asLeadId, asRepId } from '../../../core/domain/ids';
import { appendAssignment, type AssignmentKind } from '../../../core/store/assignments';
import { countReceipts, listReceipts } from '../../../core/store/fairness-receipts';
import { insertLead } from '../../../core/store/leads';
import { openDatabase } from '../../../core/store/open-database';
import { insertRep } from '../../../core/store/reps';
import { sampleLead, sampleRep } from '../../helpers/sample-data';
import { useTempDir } from '../../helpers/temp-dir';

const noKeys = { phoneKey: null, emailKey: null, companyKey: null, companyNameKey: null };
const noMeta = { importBatchId: null, scoreModelVersion: null, scoredAt: null };
const OFFSET_MINUTES = 480;
const START = Date.UTC(2026, 10, 1);

describe('assignments counted for fairness in SQL, on a real SQLite file', () => {
  const tempDir = useTempDir();
  let db: Database;
  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'store.sqlite'));
    insertRep(db, sampleRep({ id: asRepId('r1') }), 1);
    insertRep(db, sampleRep({ id: asRepId('r2') }), 1);
  });
  afterEach(() => db.close());

  function assign(
    id: string,
    leadId: string,
    repId: string,
    kind: AssignmentKind,
    explanation: unknown,
    at: number,
  ) {
    appendAssignment(db, { id, leadId, repId, kind, ruleId: null, reason: '', explanation, actor: 't', at });
  }

  it('gives the counts of the listed rows, with the grade then, the local day, and no deleted lead', () => {
    insertLead(db, sampleLead({ id: asLeadId('l1'), grade: 'A' }), noKeys, noMeta);
    insertLead(db, sampleLead({ id: asLeadId('l2'), grade: 'C' }), noKeys, noMeta);
    insertLead(db, sampleLead({ id: asLeadId('l3'), grade: 'B' }), noKeys, noMeta);
    assign('a1', 'l1', 'r1', 'auto', { grade: 'B' }, START + 2 * HOUR_MS);
    assign('a2', 'l1', 'r1', 'claim', { kind: 'claim' }, START + 3 * HOUR_MS);
    assign('a3', 'l2', 'r1', 'auto', { grade: null }, START + 4 * HOUR_MS);
    assign('a4', 'l2', 'r2', 'auto', {}, START + 17 * HOUR_MS); // the next local day at UTC+8
    assign('a5', 'l1', 'r1', 'auto', { grade: 'B' }, START + 5 * HOUR_MS);
    assign('a6', 'l3', 'r2', 'manual', {}, START + DAY_MS);
    assign('a7', 'l3', 'r2', 'auto', {}, START + 3 * DAY_MS); // after the period
    db.prepare(`UPDATE leads SET deleted_at = ? WHERE id = 'l3'`).run(START);
    const from = START;
    const to = START + 2 * DAY_MS;
    const expected = new Map<string, number>();
    for (const row of listReceipts(db, from, to)) {
      const day = Math.floor((row.at + OFFSET_MINUTES * 60_000) / DAY_MS);
      const key = `${row.repId}|${row.kind}|${row.grade}|${day}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const counted = new Map(
      countReceipts(db, from, to, OFFSET_MINUTES).map((row) => [
        `${row.repId}|${row.kind}|${row.grade}|${row.day}`,
        row.count,
      ]),
    );
    const firstDay = Math.floor((START + OFFSET_MINUTES * 60_000) / DAY_MS);
    expect(counted).toEqual(expected);
    expect(counted).toEqual(
      new Map([
        [`r1|auto|B|${firstDay}`, 2],
        [`r1|claim|A|${firstDay}`, 1],
        [`r1|auto|null|${firstDay}`, 1],
        [`r2|auto|C|${firstDay + 1}`, 1],
      ]),
    );
  });
});

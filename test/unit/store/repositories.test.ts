import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asLeadId, asRepId } from '../../../core/domain/ids';
import { appendAssignment, listAssignmentsForLead } from '../../../core/store/assignments';
import { appendAudit, countAudit, listAudit } from '../../../core/store/audit-log';
import { insertFollowUp, listFollowUpsForLead } from '../../../core/store/follow-ups';
import {
  countLeads,
  distinctLeadValues,
  findLeadById,
  insertLead,
  updateLead,
} from '../../../core/store/leads';
import { listLeads } from '../../../core/store/lead-page';
import { openDatabase } from '../../../core/store/open-database';
import { countReps, findRepById, insertRep, listReps, updateRep } from '../../../core/store/reps';
import { readSetting, writeSetting } from '../../../core/store/settings';
import { sampleLead, sampleRep } from '../../helpers/sample-data';
import { useTempDir } from '../../helpers/temp-dir';

const noKeys = { phoneKey: null, emailKey: null, companyKey: null, companyNameKey: null };
const noMeta = { importBatchId: null, scoreModelVersion: null, scoredAt: null };

describe('repositories on a real SQLite file', () => {
  const tempDir = useTempDir();
  let db: Database;
  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'store.sqlite'));
  });
  afterEach(() => db.close());

  it('stores a rep and reads back every field, including skills, regions and leave', () => {
    const rep = sampleRep({ leave: [{ from: '2026-12-01', to: '2026-12-05' }] });
    insertRep(db, rep, 1);
    expect(findRepById(db, rep.id)).toEqual(rep);
    expect(countReps(db)).toBe(1);
  });

  it('lists active reps by default and inactive ones on request', () => {
    insertRep(db, sampleRep({ id: asRepId('r1'), name: 'A' }), 1);
    insertRep(db, sampleRep({ id: asRepId('r2'), name: 'B', isActive: false }), 1);
    expect(listReps(db, { includeInactive: false }).map((r) => r.id)).toEqual(['r1']);
    expect(listReps(db, { includeInactive: true }).map((r) => r.id)).toEqual(['r1', 'r2']);
    updateRep(db, { ...sampleRep({ id: asRepId('r2'), name: 'B' }), isActive: true }, 2);
    expect(listReps(db, { includeInactive: false })).toHaveLength(2);
  });

  it('stores a lead and reads back every field, including BANT, custom fields and behaviour', () => {
    const lead = sampleLead();
    insertLead(db, lead, noKeys, noMeta);
    expect(findLeadById(db, lead.id)).toEqual(lead);
  });

  it('updates a lead in place', () => {
    const lead = sampleLead();
    insertLead(db, lead, noKeys, noMeta);
    updateLead(db, { ...lead, stage: 'sql', name: '张伟 (VIP)' }, noKeys, {
      scoreModelVersion: 1,
      scoredAt: 5,
    });
    expect(findLeadById(db, lead.id)).toMatchObject({ stage: 'sql', name: '张伟 (VIP)' });
  });

  it('finds leads by any word of name, company, email or phone digits, case-insensitively', () => {
    insertLead(
      db,
      sampleLead({ id: asLeadId('l1'), name: '张伟', company: '上海启明软件有限公司' }),
      noKeys,
      noMeta,
    );
    insertLead(
      db,
      sampleLead({
        id: asLeadId('l2'),
        name: 'Emily Chen',
        company: 'Acme Co., Ltd.',
        phone: '+86-139-1234-5678',
        email: 'EMILY@acme.com',
      }),
      noKeys,
      noMeta,
    );
    const page = { sort: 'createdAt' as const, direction: 'desc' as const, offset: 0, limit: 50 };
    expect(listLeads(db, { text: '启明' }, page).rows.map((l) => l.id)).toEqual(['l1']);
    expect(listLeads(db, { text: 'emily acme' }, page).rows.map((l) => l.id)).toEqual(['l2']);
    expect(listLeads(db, { text: '13912345678' }, page).rows.map((l) => l.id)).toEqual(['l2']);
    expect(listLeads(db, { text: '100%_' }, page).total).toBe(0);
  });

  it('pages, sorts and filters by stage, grade, owner and the public pool', () => {
    insertRep(db, sampleRep(), 1);
    for (let i = 0; i < 30; i += 1) {
      insertLead(
        db,
        sampleLead({
          id: asLeadId(`l${String(i).padStart(2, '0')}`),
          score: i,
          grade: i >= 20 ? 'B' : 'C',
          stage: i % 2 === 0 ? 'mql' : 'sql',
          ownerId: i < 10 ? asRepId('rep_1') : null,
          createdAt: 1000 + i,
        }),
        noKeys,
        noMeta,
      );
    }
    const byScore = listLeads(db, {}, { sort: 'score', direction: 'desc', offset: 5, limit: 5 });
    expect(byScore.total).toBe(30);
    expect(byScore.rows.map((l) => l.score)).toEqual([24, 23, 22, 21, 20]);
    const page = { sort: 'createdAt' as const, direction: 'asc' as const, offset: 0, limit: 100 };
    expect(listLeads(db, { grades: ['B'] }, page).total).toBe(10);
    expect(listLeads(db, { stages: ['sql'], grades: ['B'] }, page).total).toBe(5);
    expect(listLeads(db, { owner: 'pool' }, page).total).toBe(20);
    expect(listLeads(db, { owner: 'rep_1' }, page).total).toBe(10);
    expect(countLeads(db)).toBe(30);
    expect(distinctLeadValues(db, 'source')).toEqual(['官网表单']);
  });

  it('keeps assignments and follow-ups in time order per lead', () => {
    insertRep(db, sampleRep(), 1);
    insertLead(db, sampleLead(), noKeys, noMeta);
    appendAssignment(db, {
      id: 'a2',
      leadId: 'lead_1',
      repId: 'rep_1',
      kind: 'manual',
      ruleId: null,
      reason: 'VIP',
      explanation: { why: 'x' },
      actor: 'team-lead',
      at: 20,
    });
    appendAssignment(db, {
      id: 'a1',
      leadId: 'lead_1',
      repId: null,
      kind: 'auto',
      ruleId: 'r',
      reason: 'pool',
      explanation: {},
      actor: 'system',
      at: 10,
    });
    expect(listAssignmentsForLead(db, 'lead_1').map((a) => a.id)).toEqual(['a1', 'a2']);
    insertFollowUp(db, {
      id: 'f1',
      leadId: 'lead_1',
      repId: 'rep_1',
      channel: 'call',
      said: '介绍了专业版',
      reaction: '感兴趣',
      nextStep: '发报价',
      nextAt: 50,
      at: 30,
    });
    expect(listFollowUpsForLead(db, 'lead_1')).toEqual([
      {
        id: 'f1',
        leadId: 'lead_1',
        repId: 'rep_1',
        channel: 'call',
        said: '介绍了专业版',
        reaction: '感兴趣',
        nextStep: '发报价',
        nextAt: 50,
        at: 30,
      },
    ]);
  });

  it('writes settings and the audit log', () => {
    writeSetting(db, 'language', 'en', 1);
    writeSetting(db, 'language', 'zh-CN', 2);
    expect(readSetting(db, 'language')).toBe('zh-CN');
    appendAudit(db, {
      at: 1,
      actor: 'team-lead',
      action: 'lead.create',
      entity: 'lead',
      entityId: 'lead_1',
      detail: { name: 'x' },
    });
    expect(countAudit(db)).toBe(1);
    expect(listAudit(db, { limit: 10, offset: 0 })[0]).toMatchObject({
      action: 'lead.create',
      detail: { name: 'x' },
    });
  });
});

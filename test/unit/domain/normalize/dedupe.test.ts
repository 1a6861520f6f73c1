// Dedupe: keys, matching new leads against an index, duplicate groups among existing leads, merging two leads.
import { blankLead } from '../../../helpers/blank-lead';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildDedupeIndex,
  dedupeKeys,
  findDuplicateMatches,
  groupDuplicates,
  mergeLeads,
} from '../../../../core/domain/dedupe';
import { asRepId } from '../../../../core/domain/ids';
import type { Lead } from '../../../../core/domain/lead';

function makeLead(id: string, fields: Partial<Lead> = {}): Lead {
  return blankLead(id, { createdAt: 1000, updatedAt: 1000, ...fields });
}

describe('dedupe keys', () => {
  it('gives the same phone key to the same number written differently', () => {
    const a = dedupeKeys({ name: '张伟', phone: '138 0013 8000', email: null, company: null });
    const b = dedupeKeys({ name: '', phone: '+86-13800138000', email: null, company: null });
    expect(a.phone).toBe('+8613800138000');
    expect(b.phone).toBe(a.phone);
  });

  it('gives no key for missing or invalid values, so empty values never match', () => {
    expect(dedupeKeys({ name: '张伟', phone: 'n/a', email: 'none', company: null })).toEqual({
      phone: null,
      email: null,
      companyName: null,
    });
  });

  it('keys company and name together, ignoring legal suffixes and spaces', () => {
    const a = dedupeKeys({ name: '张 伟', phone: null, email: null, company: '北京字节跳动科技有限公司' });
    const b = dedupeKeys({ name: '张伟', phone: null, email: null, company: '北京字节跳动科技' });
    expect(a.companyName).not.toBeNull();
    expect(a.companyName).toBe(b.companyName);
  });
});

describe('matching new leads against existing ones', () => {
  const existing = [
    makeLead('L1', { name: '张伟', phone: '+8613800138000' }),
    makeLead('L2', { name: '李娜', email: 'li.na@example.com', company: '阿里巴巴集团' }),
    makeLead('L3', { name: '王芳', company: 'Acme Co., Ltd.' }),
  ];
  const index = buildDedupeIndex(existing);

  it('reports which existing lead each new lead matches and by which key', () => {
    const matches = findDuplicateMatches(
      [
        { name: 'Zhang', phone: '138-0013-8000', email: null, company: null },
        { name: 'nobody', phone: null, email: 'x@example.com', company: null },
        { name: '李娜', phone: null, email: 'LI.NA@example.com', company: '阿里巴巴' },
        { name: '王芳', phone: null, email: null, company: 'ACME Inc.' },
      ],
      index,
    );
    expect(matches).toEqual([
      { index: 0, existing: [{ leadId: 'L1', by: ['phone'] }], earlierInBatch: [] },
      { index: 2, existing: [{ leadId: 'L2', by: ['email', 'companyName'] }], earlierInBatch: [] },
      { index: 3, existing: [{ leadId: 'L3', by: ['companyName'] }], earlierInBatch: [] },
    ]);
  });

  it('reports duplicates within the same batch against the earlier row', () => {
    const matches = findDuplicateMatches(
      [
        { name: 'A', phone: '13900139000', email: null, company: null },
        { name: 'B', phone: '139 0013 9000', email: null, company: null },
      ],
      buildDedupeIndex([]),
    );
    expect(matches).toEqual([{ index: 1, existing: [], earlierInBatch: [{ index: 0, by: ['phone'] }] }]);
  });
});

describe('duplicate groups among existing leads', () => {
  it('joins leads transitively across different keys', () => {
    const groups = groupDuplicates([
      makeLead('c', { email: 'c@example.com', phone: '13700137000' }),
      makeLead('a', { phone: '13800138000' }),
      makeLead('b', { phone: '+86 138 0013 8000', email: 'c@example.com' }),
      makeLead('d', { phone: '13600136000' }),
      makeLead('e', { name: '王芳', company: '华为技术有限公司' }),
      makeLead('f', { name: '王 芳', company: '华为技术' }),
    ]);
    expect(groups).toEqual([
      { leadIds: ['a', 'b', 'c'], by: ['phone', 'email'] },
      { leadIds: ['e', 'f'], by: ['companyName'] },
    ]);
  });

  it('puts every lead in at most one group, whatever the input order', () => {
    const phones = ['13800138000', '13900139000', '13700137000', null];
    const emails = ['a@x.com', 'b@x.com', null];
    const leadArb = fc.record({
      phone: fc.constantFrom(...phones),
      email: fc.constantFrom(...emails),
    });
    fc.assert(
      fc.property(fc.array(leadArb, { maxLength: 12 }), fc.integer(), (specs, seed) => {
        const leads = specs.map((spec, i) => makeLead(`L${String(i).padStart(2, '0')}`, spec));
        const shuffled = [...leads].sort(
          (a, b) => ((a.id.charCodeAt(2) * 31 + seed) % 7) - ((b.id.charCodeAt(2) * 31 + seed) % 7),
        );
        const groups = groupDuplicates(leads);
        expect(groupDuplicates(shuffled)).toEqual(groups);
        const ids = groups.flatMap((group) => group.leadIds);
        expect(new Set(ids).size).toBe(ids.length);
        for (const group of groups) expect(group.leadIds.length).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});

describe('merging two leads', () => {
  const target = makeLead('T', {
    name: '张伟',
    phone: '+8613800138000',
    email: null,
    company: '',
    ownerId: asRepId('rep-1'),
    stage: 'sql',
    costFen: 0,
    bant: { budget: null, need: 'high' },
    customFields: { 来源活动: '春季展会' },
    events: [
      { kind: 'visit', at: 100 },
      { kind: 'download', at: 300 },
    ],
    createdAt: 5000,
    updatedAt: 6000,
  });
  const source = makeLead('S', {
    name: 'Zhang Wei',
    phone: '+8613900139000',
    email: 'zw@example.com',
    company: '字节跳动',
    ownerId: asRepId('rep-2'),
    costFen: 12_000,
    bant: { budget: 50_000, need: 'low' },
    customFields: { 来源活动: '官网', 预算周期: 'Q3' },
    events: [
      { kind: 'visit', at: 100 },
      { kind: 'event', at: 200 },
    ],
    createdAt: 4000,
    updatedAt: 7000,
  });

  it('fills only the empty fields of the target and keeps its owner and stage', () => {
    const merged = mergeLeads(target, source);
    expect(merged).toMatchObject({
      id: 'T',
      name: '张伟',
      phone: '+8613800138000',
      email: 'zw@example.com',
      company: '字节跳动',
      costFen: 12_000,
      ownerId: 'rep-1',
      stage: 'sql',
      bant: { budget: 50_000, need: 'high' },
      customFields: { 来源活动: '春季展会', 预算周期: 'Q3' },
      createdAt: 4000,
      updatedAt: 7000,
    });
  });

  it('appends behaviour events once each by kind and time, in time order', () => {
    expect(mergeLeads(target, source).events).toEqual([
      { kind: 'visit', at: 100 },
      { kind: 'event', at: 200 },
      { kind: 'download', at: 300 },
    ]);
  });

  it('lets field-by-field choices override the defaults', () => {
    const merged = mergeLeads(target, source, { phone: 'source', company: 'target' });
    expect(merged.phone).toBe('+8613900139000');
    expect(merged.company).toBe('');
    expect(merged.ownerId).toBe('rep-1');
  });
});

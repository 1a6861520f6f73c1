// The rows file of an analysis: what the commit reads back is what the analysis wrote.
import { describe, expect, it } from 'vitest';
import { decodeAnalysedRow, encodeAnalysedRow, type AnalysedRow } from '../../../core/api/import-files';
import type { LeadDraft } from '../../../core/domain/lead';

const draft: LeadDraft = {
  name: '张伟',
  phone: '+8613800138000',
  email: null,
  wechat: 'zw_1',
  company: '北京某某科技有限公司',
  title: null,
  industry: '零售',
  region: null,
  companySize: 50,
  product: null,
  source: '展会',
  campaign: null,
  costFen: 100_050,
  needs: '需要报价, "尽快"\n下周联系',
  bant: { budget: 5_000_000, need: 'high' },
  customFields: { 客户等级: 'A' },
};

const keys = {
  phoneKey: '+8613800138000',
  emailKey: null,
  companyKey: '北京某某科技',
  companyNameKey: '北京某某科技|张伟',
};

const roundTrip = (row: AnalysedRow) => decodeAnalysedRow(JSON.parse(encodeAnalysedRow(row)));

describe('the rows file of an analysis', () => {
  it('gives back a valid row with its draft, keys and uniqueness', () => {
    const row: AnalysedRow = { r: 7, d: draft, k: keys };
    expect(roundTrip(row)).toEqual(row);
  });

  it('gives back a past lead with its history and a row without keys', () => {
    const past = {
      stage: 'won',
      ownerId: 'rep_1',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_100_000,
      closedAt: 1_700_000_100_000,
      wonAmountFen: 500_000,
      lostReason: null,
    } as const;
    expect(roundTrip({ r: 9, d: draft, k: keys, h: past })).toEqual({ r: 9, d: draft, k: keys, h: past });
    expect(roundTrip({ r: 10, d: draft })).toEqual({ r: 10, d: draft });
  });

  it('gives back a rejected row with its cells and reason', () => {
    const row: AnalysedRow = { r: 3, c: ['王芳', 'not-an-email'], e: '邮箱: 格式不对' };
    expect(roundTrip(row)).toEqual(row);
  });

  it('writes a valid row in about half the text of the object it holds', () => {
    const row: AnalysedRow = { r: 7, d: draft, k: keys };
    expect(encodeAnalysedRow(row).length).toBeLessThan(JSON.stringify(row).length * 0.7);
  });
});

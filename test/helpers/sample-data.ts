// Small, readable sample leads and reps for store and API tests.
import { asLeadId, asRepId } from '../../core/domain/ids';
import type { Lead } from '../../core/domain/lead';
import type { Rep } from '../../core/domain/rep';

export function sampleRep(overrides: Partial<Rep> = {}): Rep {
  return {
    id: asRepId('rep_1'),
    name: '王芳',
    email: 'wangfang@example.cn',
    phone: '13800138000',
    tier: 'senior',
    skills: ['制造', '旗舰版'],
    regions: ['华东'],
    weight: 3,
    capOpen: 50,
    capDaily: 10,
    isActive: true,
    isOutOfOffice: false,
    leave: [],
    joinedOn: '2024-03-01',
    ...overrides,
  };
}

export function sampleLead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: asLeadId('lead_1'),
    name: '张伟',
    phone: '138 0013 8000',
    email: 'Zhang.Wei@Example.com',
    wechat: 'zhangwei88',
    company: '上海启明软件有限公司',
    title: '采购总监',
    industry: '软件',
    region: '华东',
    companySize: 300,
    product: '专业版',
    source: '官网表单',
    campaign: '2026 秋季发布会',
    costFen: 12_000,
    needs: '需要替换现有的 Excel 线索管理',
    bant: { budget: 200_000, authority: 'decision_maker' },
    customFields: { 备注: '老客户介绍' },
    events: [{ kind: 'download', at: 1_700_000_000_000, detail: '价格表' }],
    stage: 'mql',
    ownerId: null,
    score: 72,
    grade: 'B',
    scoreModelVersion: null,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    isHistory: false,
    wonAmountFen: null,
    lostReason: null,
    closedAt: null,
    ...overrides,
  };
}

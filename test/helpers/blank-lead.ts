// A lead with every optional field empty, for tests to fill in only what they are about.
import { asLeadId } from '../../core/domain/ids';
import type { Lead } from '../../core/domain/lead';

export function blankLead(id: string, fields: Partial<Lead> = {}): Lead {
  return {
    id: asLeadId(id),
    name: '',
    phone: null,
    email: null,
    wechat: null,
    company: null,
    title: null,
    industry: null,
    region: null,
    companySize: null,
    product: null,
    source: null,
    campaign: null,
    costFen: 0,
    needs: null,
    bant: {},
    customFields: {},
    events: [],
    stage: 'raw',
    ownerId: null,
    score: null,
    grade: null,
    createdAt: 0,
    updatedAt: 0,
    isHistory: false,
    ...fields,
  };
}

// A lead with every optional field empty, for tests to fill in only what they are about.
import { asLeadId } from '../../core/domain/ids';
import { blankLead as blankDomainLead, type Lead } from '../../core/domain/lead';

export function blankLead(id: string, fields: Partial<Lead> = {}): Lead {
  return blankDomainLead(asLeadId(id), fields);
}

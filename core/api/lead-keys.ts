// Dedupe keys stored with each lead, so duplicates and a company's existing owner are found by index, not by scan.
import { dedupeKeys } from '../domain/dedupe';
import type { Lead } from '../domain/lead';
import { companyKey } from '../domain/normalize/company';
import type { LeadKeys } from '../store/leads';

export function leadKeysOf(lead: Pick<Lead, 'phone' | 'email' | 'company' | 'name'>): LeadKeys {
  const keys = dedupeKeys(lead);
  const company = lead.company ? companyKey(lead.company) : '';
  return {
    phoneKey: keys.phone,
    emailKey: keys.email,
    companyKey: company || null,
    companyNameKey: keys.companyName,
  };
}

// Dedupe keys stored with each lead, so duplicates and a company's existing owner are found by index, not by scan.
import { storedMatchKeys } from '../../domain/dedupe';
import type { Lead } from '../../domain/lead';
import type { LeadKeys } from '../../store/leads';

export function leadKeysOf(lead: Pick<Lead, 'phone' | 'email' | 'company' | 'name'>): LeadKeys {
  const keys = storedMatchKeys(lead);
  return {
    phoneKey: keys.phone,
    emailKey: keys.email,
    companyKey: keys.company,
    companyNameKey: keys.companyName,
  };
}

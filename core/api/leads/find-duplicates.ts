// Possible duplicates of a lead being entered, found by its stored match keys; another rep's lead is reduced to
// the fact that it exists (see `leads.findDuplicates` in calls.ts).
import type { z } from 'zod';
import type { DedupeKeyKind } from '../../domain/dedupe';
import { findLeadRowsByKeys } from '../../store/lead-merges';
import { rowToLead } from '../../store/leads';
import type { CallContext } from '../call-context';
import type { leadsCalls, PossibleDuplicate } from './calls';
import { leadKeysOf } from './lead-keys';

const MAX_MATCHES = 20;

export function findPossibleDuplicates(
  ctx: CallContext,
  input: z.output<(typeof leadsCalls)['leads.findDuplicates']['input']>,
): PossibleDuplicate[] {
  const keys = leadKeysOf({
    name: input.name?.trim() ?? '',
    phone: input.phone?.trim() || null,
    email: input.email?.trim() || null,
    company: input.company?.trim() || null,
  });
  const out: PossibleDuplicate[] = [];
  for (const row of findLeadRowsByKeys(ctx.db, keys, MAX_MATCHES + 1)) {
    if (row.id === input.excludeId) continue;
    const hits: [DedupeKeyKind, boolean][] = [
      ['phone', row.phone_key !== null && row.phone_key === keys.phoneKey],
      ['email', row.email_key !== null && row.email_key === keys.emailKey],
      ['companyName', row.company_name_key !== null && row.company_name_key === keys.companyNameKey],
    ];
    const by = hits.filter(([, hit]) => hit).map(([kind]) => kind);
    const isOtherRepsLead =
      ctx.actor.role === 'rep' && row.owner_id !== null && row.owner_id !== ctx.actor.repId;
    out.push({ lead: isOtherRepsLead ? null : rowToLead(row), isOtherRepsLead, by });
  }
  return out.slice(0, MAX_MATCHES);
}

// 撞单 on entry: who gets a lead being entered when it matches leads already in the workspace. An existing
// customer's owner keeps it; a rep's lead is protected for the team's protection period (保护期); otherwise a
// rep's own new lead stays with that rep, and the team lead's goes through the distribution rules.
import { DAY_MS } from '../clock';
import { isOpenStage, type FunnelStage } from '../funnel';

/** The team's protection rules. */
export interface EntryProtectionRules {
  /** Whole days a rep's lead stays theirs after they got it; 0 = no protection. */
  readonly protectionDays: number;
  /** Whether a rep may see the name of another rep who owns a matching lead. */
  readonly showOwnerName: boolean;
}

export const DEFAULT_ENTRY_PROTECTION: EntryProtectionRules = { protectionDays: 30, showOwnerName: false };

/** A live lead that matched the one being entered. Times are epoch ms. */
export interface EntryMatch {
  readonly leadId: string;
  readonly ownerId: string | null;
  readonly stage: FunnelStage;
  readonly isHistory: boolean;
  /** When its owner got it (assignment, else creation); the protection period runs from here. */
  readonly ownedSince: number;
}

export type EntryDecision =
  /** A won customer's owner keeps the new lead. */
  | { readonly outcome: 'existing_customer'; readonly repId: string; readonly matchId: string }
  /** A rep's matching lead is still protected: the new lead goes to that rep. */
  | {
      readonly outcome: 'protected';
      readonly repId: string;
      readonly matchId: string;
      readonly protectedUntil: number;
    }
  /** No one else holds it: the rep who entered it keeps it, protected until then. */
  | { readonly outcome: 'kept'; readonly repId: string; readonly protectedUntil: number }
  /** Entered by the team lead and nobody holds it: the distribution rules decide. */
  | { readonly outcome: 'distribute' };

/**
 * Who gets a lead entered at `now` by `enteredBy` (a rep id, or null for the team lead), given its matches.
 * Order: a won match with an owner (the oldest such) → its owner; else an open, non-history match whose owner
 * is still inside the protection period (the earliest owned) → that owner; else a rep keeps their own entry;
 * else distribute. Invariant: the answer never depends on the order of `matches`.
 */
export function decideEntryOwner(
  enteredBy: string | null,
  matches: readonly EntryMatch[],
  rules: EntryProtectionRules,
  now: number,
): EntryDecision {
  const sorted = [...matches].sort(
    (a, b) => a.ownedSince - b.ownedSince || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0),
  );
  const customer = sorted.find((m) => m.ownerId !== null && m.stage === 'won');
  if (customer?.ownerId != null)
    return { outcome: 'existing_customer', repId: customer.ownerId, matchId: customer.leadId };
  const period = Math.max(0, rules.protectionDays) * DAY_MS;
  const holder = sorted.find(
    (m) => m.ownerId !== null && !m.isHistory && isOpenStage(m.stage) && now < m.ownedSince + period,
  );
  if (holder?.ownerId != null)
    return {
      outcome: 'protected',
      repId: holder.ownerId,
      matchId: holder.leadId,
      protectedUntil: holder.ownedSince + period,
    };
  if (enteredBy !== null) return { outcome: 'kept', repId: enteredBy, protectedUntil: now + period };
  return { outcome: 'distribute' };
}

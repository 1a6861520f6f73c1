// 撞单 on entry, applied: the matches of a lead being entered (by its stored match keys), the protection rules'
// decision (domain/sla/entry-protection.ts), what the caller may be told, and handing a new lead to its holder.
import type { Database } from 'better-sqlite3';
import type { DedupeKeyKind } from '../../domain/dedupe';
import { entryProtectionTexts } from '../../domain/distribution/step-texts';
import type { FunnelStage } from '../../domain/funnel';
import {
  decideEntryOwner,
  DEFAULT_ENTRY_PROTECTION,
  type EntryDecision,
  type EntryProtectionRules,
} from '../../domain/sla/entry-protection';
import { appendAssignment } from '../../store/assignments';
import { findLeadRowsByKeys } from '../../store/lead-merges';
import { hasLeadWithMatchKeys } from '../../store/leads';
import { readSettingCached, writeSetting } from '../../store/settings';
import { findLeadCard, setLeadOwnerIf } from '../../store/work-leads';
import { actorLabel, type CallContext } from '../call-context';
import { readDistributionSettings } from '../distribution/setup';
import { mapRepNames } from '../sla/cards';
import { entryRulesSchema, type EntryOutcome } from './calls';
import { leadKeysOf } from './lead-keys';

const ENTRY_RULES_KEY = 'leads.entryProtection';
const MAX_MATCHES = 20;

function parseEntryRules(stored: unknown): EntryProtectionRules {
  const parsed = entryRulesSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_ENTRY_PROTECTION;
}

/** The protection rules; validated again only when their stored text changed (read twice per lead entered). */
export function readEntryRules(db: Database): EntryProtectionRules {
  return readSettingCached(db, ENTRY_RULES_KEY, parseEntryRules, DEFAULT_ENTRY_PROTECTION);
}

export function writeEntryRules(db: Database, rules: EntryProtectionRules, now: number): void {
  writeSetting(db, ENTRY_RULES_KEY, rules, now);
}

interface EntryFields {
  readonly name?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly company?: string | null | undefined;
}

export interface EntryCheck {
  readonly matches: {
    readonly leadId: string;
    readonly name: string;
    readonly stage: FunnelStage;
    readonly ownerId: string | null;
    readonly by: DedupeKeyKind[];
  }[];
  readonly decision: EntryDecision;
}

/** The live leads matching `fields` (never `excludeId`), and who would get a lead with them entered now. */
export function checkEntry(ctx: CallContext, fields: EntryFields, excludeId?: string): EntryCheck {
  const keys = leadKeysOf({
    name: fields.name?.trim() ?? '',
    phone: fields.phone?.trim() || null,
    email: fields.email?.trim() || null,
    company: fields.company?.trim() || null,
  });
  // Most leads entered match nothing: the index probes say so before the rows are read and sorted.
  const rows = hasLeadWithMatchKeys(ctx.db, keys)
    ? findLeadRowsByKeys(ctx.db, keys, MAX_MATCHES + 1)
        .filter((row) => row.id !== excludeId)
        .slice(0, MAX_MATCHES)
    : [];
  // Most new leads match nothing: each match's card comes from the one-card query compiled once.
  const matches = rows.map((row) => ({
    leadId: row.id,
    name: row.name,
    stage: row.stage as FunnelStage,
    ownerId: row.owner_id,
    isHistory: row.is_history === 1,
    ownedSince: findLeadCard(ctx.db, row.id)?.assignedAt ?? row.created_at,
    by: (
      [
        ['phone', row.phone_key !== null && row.phone_key === keys.phoneKey],
        ['email', row.email_key !== null && row.email_key === keys.emailKey],
        ['companyName', row.company_name_key !== null && row.company_name_key === keys.companyNameKey],
      ] as const
    )
      .filter(([, hit]) => hit)
      .map(([kind]) => kind),
  }));
  const enteredBy = ctx.actor.role === 'rep' ? ctx.actor.repId : null;
  return { matches, decision: decideEntryOwner(enteredBy, matches, readEntryRules(ctx.db), ctx.now) };
}

/** What the caller may be told: another rep's lead only exists, named by holder only when the team allows. */
export function describeEntry(ctx: CallContext, check: EntryCheck) {
  const me = ctx.actor.role === 'rep' ? ctx.actor.repId : null;
  const showNames = me === null || readEntryRules(ctx.db).showOwnerName;
  // Every rep's name, read only when someone is to be named (a team lead's new lead that matches nothing is not).
  let names: Map<string, string> | null = null;
  const nameOf = (repId: string | null): string | null =>
    repId === null || (!showNames && repId !== me)
      ? null
      : ((names ??= mapRepNames(ctx.db)).get(repId) ?? null);
  const matches = check.matches.map((match) => {
    const isOtherRepsLead = me !== null && match.ownerId !== null && match.ownerId !== me;
    return {
      leadId: isOtherRepsLead ? null : match.leadId,
      name: isOtherRepsLead ? null : match.name,
      stage: match.stage,
      by: match.by,
      isMine: me !== null && match.ownerId === me,
      isOtherRepsLead,
      ownerName: nameOf(match.ownerId),
    };
  });
  const decision = check.decision;
  const repId = decision.outcome === 'distribute' ? null : decision.repId;
  const outcome: EntryOutcome = {
    outcome: decision.outcome,
    isYou: me !== null && repId === me,
    ownerName: nameOf(repId),
    protectedUntil:
      decision.outcome === 'protected' || decision.outcome === 'kept' ? decision.protectedUntil : null,
  };
  return { matches, outcome };
}

/** Hands a just-created, unowned lead to the rep the protection rules chose, with the reason in its history. */
export function assignByEntryRules(ctx: CallContext, leadId: string, decision: EntryDecision): string | null {
  if (decision.outcome === 'distribute') return null;
  if (!setLeadOwnerIf(ctx.db, leadId, null, decision.repId, ctx.now)) return null;
  const text = entryProtectionTexts(decision, readDistributionSettings(ctx.db).utcOffsetMinutes);
  appendAssignment(ctx.db, {
    id: ctx.newId('asg'),
    leadId,
    repId: decision.repId,
    kind: 'manual',
    ruleId: null,
    reason: text?.en ?? '',
    explanation: { entryProtection: decision, ...(text === null ? {} : { text }) },
    actor: actorLabel(ctx.actor),
    at: ctx.now,
  });
  return decision.repId;
}

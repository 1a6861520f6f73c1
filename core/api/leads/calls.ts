// Lead calls: the paged list, one lead's detail, create, edit (through the Won/Lost gates), facets, possible
// duplicates of a lead being entered, and the export of a filtered list.
import { z } from 'zod';
import { defineCall, empty, id, patchSchemaOf } from '../contract-kit';
import { LEADS_ERRORS } from './errors';
import {
  leadDetailSchema,
  leadFilterShape,
  leadInputSchema,
  leadListInput,
  leadSchema,
  stageSchema,
} from './schemas';

/** Key kinds a duplicate matched by, in the domain's words. */
export const dedupeKindSchema = z.enum(['phone', 'email', 'companyName']);

const leadUpdateInput = z
  .object({
    id,
    patch: patchSchemaOf(leadInputSchema),
    /** With `patch.stage: 'won'`: the amount won, as for `funnel.move`. */
    wonAmountYuan: z.number().min(0).max(10_000_000_000).optional(),
    /** With `patch.stage: 'lost'`: one of the funnel's lost reasons. */
    lostReason: z.string().trim().min(1).max(60).optional(),
  })
  .strict();

const findDuplicatesInput = z
  .object({
    name: z.string().max(200).optional(),
    phone: z.string().max(100).optional(),
    email: z.string().max(254).optional(),
    company: z.string().max(300).optional(),
    /** The lead being edited, left out of its own matches. */
    excludeId: id.optional(),
  })
  .strict();

/** The list's filter; its paging is accepted and ignored (an export takes every matching lead). */
const exportFilter = z
  .object({
    ...leadFilterShape,
    offset: z.number().int().min(0).max(10_000_000).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

export const exportedFileSchema = z
  .object({
    fileName: z.string(),
    mimeType: z.string(),
    contentBase64: z.string(),
    rows: z.number().int(),
  })
  .strict();
export type ExportedFile = z.output<typeof exportedFileSchema>;

const possibleDuplicateSchema = z
  .object({
    /** The matching lead; null when it is another rep's (a rep learns only that it exists). */
    lead: leadSchema.nullable(),
    isOtherRepsLead: z.boolean(),
    by: z.array(dedupeKindSchema).readonly(),
  })
  .strict();
export type PossibleDuplicate = z.output<typeof possibleDuplicateSchema>;

const seenLeadErrors = [LEADS_ERRORS.notFound, LEADS_ERRORS.notYours];

// --- 撞单 on entry (duplicates while a lead is entered, and the protection rules that decide who gets it) ---

const epochMs = z.number().int();

export const entryRulesSchema = z
  .object({
    /** Whole days a rep's lead stays theirs after they got it; 0 = no protection. */
    protectionDays: z.number().int().min(0).max(365),
    /** Whether a rep sees the name of another rep who holds a matching lead. */
    showOwnerName: z.boolean(),
  })
  .strict();

const entryMatchSchema = z
  .object({
    /** null when it is another rep's lead and the caller is a rep: only that it exists is told. */
    leadId: z.string().nullable(),
    name: z.string().nullable(),
    stage: stageSchema,
    by: z.array(z.enum(['phone', 'email', 'companyName'])),
    isMine: z.boolean(),
    isOtherRepsLead: z.boolean(),
    /** The holder's name: for the team lead, for the caller's own, and for others' only if the team allows. */
    ownerName: z.string().nullable(),
  })
  .strict();

/** What saving the lead will do, in words the form can say. */
const entryOutcomeSchema = z
  .object({
    outcome: z.enum(['existing_customer', 'protected', 'kept', 'distribute']),
    /** Whether the lead will be the caller's. */
    isYou: z.boolean(),
    /** Who will get it, when decided and the caller may see it. */
    ownerName: z.string().nullable(),
    protectedUntil: epochMs.nullable(),
  })
  .strict();
export type EntryOutcome = z.output<typeof entryOutcomeSchema>;

const entryCheckOutput = z
  .object({ matches: z.array(entryMatchSchema), outcome: entryOutcomeSchema })
  .strict();

/** `leads.create`'s answer: the lead, and who got it under the protection rules and why. */
const createdLeadSchema = leadSchema.extend({ entry: entryCheckOutput }).strict();
/** `leads.update`'s answer: the lead, and the live leads its contact now matches (an edit moves no owner). */
const updatedLeadSchema = leadSchema.extend({ entryMatches: z.array(entryMatchSchema) }).strict();

const entryCheckInput = z
  .object({
    name: z.string().max(200).optional(),
    phone: z.string().max(100).optional(),
    email: z.string().max(254).optional(),
    company: z.string().max(300).optional(),
    /** The lead being edited, left out of its own matches. */
    excludeId: id.optional(),
  })
  .strict();

/** 撞单 on entry: the live check and the team's protection rules. */
const leadsEntryCalls = {
  'leads.checkEntry': defineCall({
    input: entryCheckInput,
    output: entryCheckOutput,
    access: 'signed-in',
    // Another rep's lead is reduced to the fact that it exists (and its holder's name if the team allows).
    repScope: 'own-and-pool',
  }),
  'leads.entryRules': defineCall({
    input: empty,
    output: entryRulesSchema,
    access: 'signed-in',
    repScope: 'shared',
  }),
  'leads.saveEntryRules': defineCall({
    input: entryRulesSchema,
    output: entryRulesSchema,
    access: 'team-lead',
  }),
};

export const leadsCalls = {
  'leads.list': defineCall({
    input: leadListInput,
    output: z.object({ total: z.number().int(), rows: z.array(leadSchema) }).strict(),
    access: 'signed-in',
    repScope: 'own-and-pool',
  }),
  'leads.get': defineCall({
    input: z.object({ id }).strict(),
    output: leadDetailSchema,
    access: 'signed-in',
    repScope: 'own-and-pool',
    errors: seenLeadErrors,
  }),
  /**
   * A new lead matching a won customer goes to its owner, one matching a rep's lead still in its protection period
   * (保护期) to that rep; otherwise a rep keeps their own entry and the team lead's goes through distribution. The
   * answer says who got it and why (`entry`).
   */
  'leads.create': defineCall({
    input: leadInputSchema,
    // 撞单 on entry: who got it under the protection rules (entry-check.ts).
    output: createdLeadSchema,
    access: 'signed-in',
    repScope: 'own-and-pool',
  }),
  'leads.update': defineCall({
    input: leadUpdateInput,
    output: updatedLeadSchema,
    access: 'signed-in',
    repScope: 'own-leads',
    errors: [
      ...seenLeadErrors,
      LEADS_ERRORS.claimFirst,
      LEADS_ERRORS.wonAmountRequired,
      LEADS_ERRORS.lostReasonRequired,
      LEADS_ERRORS.lostReasonUnknown,
      LEADS_ERRORS.closingFactsWithoutClosing,
      LEADS_ERRORS.nameOrCompany,
    ],
  }),
  /** Distinct sources, industries and regions: the filter menus' values, the same for everyone. */
  'leads.facets': defineCall({
    input: empty,
    output: z
      .object({ sources: z.array(z.string()), industries: z.array(z.string()), regions: z.array(z.string()) })
      .strict(),
    access: 'signed-in',
    repScope: 'shared',
  }),
  /**
   * Possible duplicates of a lead being entered, up to 20. A rep sees their own and pool leads in full; of another
   * rep's lead only that it exists and which keys matched (`lead: null`, `isOtherRepsLead: true`): no name, no
   * contact data, no id, so typing a phone number cannot be used to look up a colleague's customer, yet the rep
   * still learns not to enter the lead twice.
   */
  'leads.findDuplicates': defineCall({
    input: findDuplicatesInput,
    output: z.array(possibleDuplicateSchema),
    access: 'signed-in',
    repScope: 'own-and-pool',
  }),
  ...leadsEntryCalls,
  'leads.export': defineCall({
    input: z
      .object({
        filter: exportFilter.default({ sort: 'createdAt', direction: 'desc', includeHistory: false }),
        format: z.enum(['csv', 'xlsx']),
      })
      .strict(),
    output: exportedFileSchema,
    access: 'team-lead',
    waitsOnIo: true,
  }),
};

export const leadsEvents = {
  'leads.changed': z.object({ leadIds: z.array(z.string()), reason: z.string() }),
} as const satisfies Record<string, z.ZodType>;

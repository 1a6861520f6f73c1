// Lead calls: the paged list, one lead's detail, create, edit (through the Won/Lost gates), facets, possible
// duplicates of a lead being entered, and the export of a filtered list.
import { z } from 'zod';
import { defineCall, empty, id, patchSchemaOf } from '../contract-kit';
import { LEADS_ERRORS } from './errors';
import { leadDetailSchema, leadFilterShape, leadInputSchema, leadListInput, leadSchema } from './schemas';

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
  /** A rep's new lead goes through distribution like any other; the answer is the lead the rep typed in. */
  'leads.create': defineCall({
    input: leadInputSchema,
    output: leadSchema,
    access: 'signed-in',
    repScope: 'own-and-pool',
  }),
  'leads.update': defineCall({
    input: leadUpdateInput,
    output: leadSchema,
    access: 'signed-in',
    repScope: 'own-leads',
    errors: [
      ...seenLeadErrors,
      LEADS_ERRORS.claimFirst,
      LEADS_ERRORS.wonAmountRequired,
      LEADS_ERRORS.lostReasonRequired,
      LEADS_ERRORS.lostReasonUnknown,
      LEADS_ERRORS.closingFactsWithoutClosing,
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
  'leads.export': defineCall({
    input: z
      .object({
        filter: exportFilter.default({ sort: 'createdAt', direction: 'desc' }),
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

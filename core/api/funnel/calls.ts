// Calls of the funnel: the board and its columns, moving a lead between stages, and the stage settings.
import { z } from 'zod';
import { GRADES, MAX_STAGES } from '../../domain/funnel';
import { defineCall, empty, id, isoDate, MAX_TEXT, optionalText, stageKeySchema } from '../contract-kit';
import { stageSchema } from '../leads/schemas';
import { WORK_ERRORS, WORKABLE_LEAD_ERRORS } from '../work/errors';
import { workCardSchema } from '../work/schemas';
import { FUNNEL_ERRORS } from './errors';
import { funnelSettingsSchema } from './schemas';

const boardFilter = z
  .object({
    text: z.string().max(MAX_TEXT).optional(),
    owner: z.union([z.literal('pool'), id]).optional(),
    grades: z.array(z.enum(GRADES)).max(GRADES.length).optional(),
    source: z.string().max(MAX_TEXT).optional(),
    overdueOnly: z.boolean().optional(),
  })
  .strict();
export type BoardFilter = z.output<typeof boardFilter>;

/**
 * Saving the funnel: the settings, and for each stage being hidden or removed while it still has leads, the shown
 * working stage its leads move to (all in one transaction, each move in the lead's stage history).
 */
const saveSettingsInput = funnelSettingsSchema.extend({
  reassign: z
    .array(z.object({ from: stageKeySchema, to: stageKeySchema }).strict())
    .max(MAX_STAGES)
    .default([]),
});

const cardsPageSchema = z.object({ total: z.number().int(), cards: z.array(workCardSchema) }).strict();

const moneyYuan = z.number().min(0).max(10_000_000_000);

export const funnelCalls = {
  'funnel.saveSettings': defineCall({
    input: saveSettingsInput,
    output: z.object({ funnel: funnelSettingsSchema, moved: z.number().int() }).strict(),
    access: 'team-lead',
    errors: [
      FUNNEL_ERRORS.reassignNotRetired,
      FUNNEL_ERRORS.reassignTwice,
      FUNNEL_ERRORS.reassignTarget,
      FUNNEL_ERRORS.stageHasLeads,
    ],
  }),
  /** Live (non-history) leads per stage key, for the stage editor: hiding a stage with leads moves them. */
  'funnel.stageCounts': defineCall({
    input: empty,
    output: z.object({ counts: z.partialRecord(stageSchema, z.number().int()) }).strict(),
    access: 'team-lead',
  }),
  'funnel.board': defineCall({
    input: z
      .object({ filter: boardFilter.default({}), window: z.number().int().min(0).max(200).default(40) })
      .strict(),
    output: z
      .object({
        columns: z.array(
          z
            .object({
              stage: stageSchema,
              total: z.number().int(),
              /** The first `window` cards; the rest come page by page from funnel.cards. */
              cards: z.array(workCardSchema),
              /** Open leads per owner in the stage (a rep sees only their own), for per-rep WIP limits. */
              byOwner: z.record(z.string(), z.number().int()).optional(),
            })
            .strict(),
        ),
        now: z.number().int(),
      })
      .strict(),
    access: 'signed-in',
    // A rep's board shows only their own leads, whatever owner the filter names.
    repScope: 'own-leads',
  }),
  'funnel.cards': defineCall({
    input: z
      .object({
        stage: stageKeySchema,
        filter: boardFilter.default({}),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: cardsPageSchema,
    access: 'signed-in',
    repScope: 'own-leads',
  }),
  'funnel.move': defineCall({
    input: z
      .object({
        id,
        stage: stageKeySchema,
        lostReason: optionalText(60),
        wonAmountYuan: moneyYuan.optional(),
        wakeOn: isoDate.optional(),
        note: optionalText(MAX_TEXT),
      })
      .strict(),
    output: workCardSchema,
    access: 'signed-in',
    repScope: 'own-leads',
    errors: [
      ...WORKABLE_LEAD_ERRORS,
      WORK_ERRORS.historyLead,
      FUNNEL_ERRORS.unknownStage,
      FUNNEL_ERRORS.hiddenStage,
      FUNNEL_ERRORS.wonAmountRequired,
      FUNNEL_ERRORS.lostReasonRequired,
      FUNNEL_ERRORS.lostReasonUnknown,
      FUNNEL_ERRORS.wakeOnPast,
    ],
  }),
};

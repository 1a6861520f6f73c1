// The funnel's settings as stored, edited and answered: stages in board order, lost reasons, pool and stale rules.
import { z } from 'zod';
import { checkStageList, MAX_STAGES } from '../../domain/funnel';
import { stageKeySchema } from '../contract-kit';

const stageConfigSchema = z
  .object({
    key: stageKeySchema,
    zh: z.string().trim().min(1).max(40),
    en: z.string().trim().min(1).max(40),
    /** Off the board and out of the pickers; leads cannot be moved there. */
    hidden: z.boolean().default(false),
    /** Kanban limits: most leads in the stage, most per rep, days without activity before a card rots (null = none). */
    wipLimit: z.number().int().min(1).max(100_000).nullable().optional(),
    repWipLimit: z.number().int().min(1).max(100_000).nullable().optional(),
    rotDays: z.number().int().min(1).max(3650).nullable().optional(),
  })
  .strict();

/** The funnel in board order, its labels, the lost-reason list, pool rules and the stale threshold. */
export const funnelSettingsSchema = z
  .object({
    stages: z
      .array(stageConfigSchema)
      .max(MAX_STAGES)
      .superRefine((stages, ctx) => {
        for (const problem of checkStageList(stages)) ctx.addIssue({ code: 'custom', message: problem });
      }),
    lostReasons: z.array(z.string().trim().min(1).max(60)).min(1).max(30),
    claimDailyLimit: z.number().int().min(0).max(1000),
    claimCooldownDays: z.number().int().min(0).max(365),
    staleDays: z.number().int().min(1).max(365),
  })
  .strict();
export type FunnelSettings = z.output<typeof funnelSettingsSchema>;

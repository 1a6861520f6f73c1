// Calls and events of one feature: Working the leads: funnel, queue, follow-ups, SLA, pool and notifications (issue 6).
import { z } from 'zod';
import { FOLLOW_UP_CHANNELS } from '../../domain/follow-up';
import { checkStageList, GRADES, MAX_STAGES, type FunnelStage, type Grade } from '../../domain/funnel';
import {
  checkSlaPolicy,
  SLA_GRADE_KEYS,
  type SlaGradeKey,
  type SlaPolicy,
} from '../../domain/sla/sla-policy';
import type { SlaDeadlines } from '../../domain/sla/due-actions';
import type { FollowUpRecord } from '../../store/follow-ups';
import type { NotificationRecord } from '../../store/notifications';
import type { RecycleRecord } from '../../store/pool-claims';
import type { AppliedSlaActionRecord } from '../../store/sla-actions';
import type { StageChange } from '../../store/stage-history';
import { call, empty, id, isoDate, MAX_NOTES, MAX_TEXT, optionalText, stageKeySchema } from '../contract-kit';

// ---------- settings ----------

const minutes = z.number().int().min(0).max(525_600);
const clockRuleSchema = z
  .object({
    firstContactMinutes: minutes,
    followUpMinutes: minutes.nullable(),
    escalateAfterMinutes: minutes.nullable(),
    recycleAfterMinutes: minutes.nullable(),
  })
  .strict();
const workingHoursSchema = z
  .object({ startMinute: z.number().int().min(0).max(1440), endMinute: z.number().int().min(0).max(1440) })
  .strict();

/** The SLA policy as stored and edited; the domain's checkSlaPolicy names what is inconsistent. */
export const slaPolicySchema = z
  .object({
    grades: z
      .object(
        Object.fromEntries(SLA_GRADE_KEYS.map((key) => [key, clockRuleSchema])) as Record<
          SlaGradeKey,
          typeof clockRuleSchema
        >,
      )
      .strict(),
    recycleTarget: z.enum(['pool', 'redistribute']),
    calendar: z
      .object({
        utcOffsetMinutes: z.number().int().min(-720).max(840),
        weekdays: z.array(workingHoursSchema.nullable()).length(7).readonly(),
        holidays: z.array(isoDate).max(400).readonly(),
        makeUpDays: z.array(isoDate).max(100).readonly().optional(),
      })
      .strict()
      .nullable(),
  })
  .strict()
  .superRefine((policy, ctx) => {
    for (const problem of checkSlaPolicy(policy)) ctx.addIssue({ code: 'custom', message: problem });
  }) satisfies z.ZodType<SlaPolicy>;

const stageConfigSchema = z
  .object({
    key: stageKeySchema,
    zh: z.string().trim().min(1).max(40),
    en: z.string().trim().min(1).max(40),
    /** Off the board and out of the pickers; leads cannot be moved there. */
    hidden: z.boolean().default(false),
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

/**
 * Saving the funnel: the settings, and for each stage being hidden or removed while it still has leads, the shown
 * working stage its leads move to (all in one transaction, each move in the lead's stage history).
 */
const saveFunnelInput = funnelSettingsSchema.extend({
  reassign: z
    .array(z.object({ from: stageKeySchema, to: stageKeySchema }).strict())
    .max(MAX_STAGES)
    .default([]),
});

export interface WorkSettings {
  readonly funnel: FunnelSettings;
  readonly sla: SlaPolicy;
  readonly slaDefaults: SlaPolicy;
}

// ---------- cards ----------

/** A lead's running SLA clock as the UI shows it. Times are epoch ms. */
export interface CardSla {
  readonly trigger: SlaDeadlines['trigger'];
  /** The next thing due: the first-contact/follow-up deadline or the planned next step, whichever is first. */
  readonly dueAt: number | null;
  readonly escalateAt: number | null;
  readonly recycleAt: number | null;
  readonly isOverdue: boolean;
  /** Past the escalation deadline: the team lead was told and the lead will be recycled. */
  readonly isToBeRecycled: boolean;
}

export interface WorkCard {
  readonly id: string;
  readonly name: string;
  readonly company: string | null;
  readonly grade: Grade | null;
  readonly score: number | null;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  readonly stage: FunnelStage;
  readonly source: string | null;
  readonly sla: CardSla | null;
  readonly nextStep: string | null;
  readonly nextAt: number | null;
  readonly lastFollowUpAt: number | null;
}

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

const boardInput = z
  .object({ filter: boardFilter.default({}), window: z.number().int().min(0).max(200).default(40) })
  .strict();
const cardsInput = z
  .object({
    stage: stageKeySchema,
    filter: boardFilter.default({}),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export interface BoardColumn {
  readonly stage: FunnelStage;
  readonly total: number;
  /** The first `window` cards; the rest come page by page from funnel.cards. */
  readonly cards: WorkCard[];
}

const moneyYuan = z.number().min(0).max(10_000_000_000);
const moveInput = z
  .object({
    id,
    stage: stageKeySchema,
    lostReason: optionalText(60),
    wonAmountYuan: moneyYuan.optional(),
    wakeOn: isoDate.optional(),
    note: optionalText(MAX_TEXT),
  })
  .strict();

// ---------- queue, follow-ups, detail ----------

const queueInput = z
  .object({
    repId: z.union([z.literal('all'), id]).optional(),
    limit: z.number().int().min(1).max(1000).default(300),
  })
  .strict();

const followUpInput = z
  .object({
    leadId: id,
    channel: z.enum(FOLLOW_UP_CHANNELS),
    said: z.string().trim().min(1, 'say what was said').max(MAX_NOTES),
    reaction: optionalText(MAX_NOTES),
    nextStep: optionalText(MAX_TEXT),
    nextAt: z.number().int().min(0).max(8_640_000_000_000).nullish(),
  })
  .strict();

export interface LeadWorkDetail {
  readonly stageHistory: StageChange[];
  readonly sla: (SlaDeadlines & { readonly isOverdue: boolean }) | null;
  readonly slaActions: AppliedSlaActionRecord[];
  readonly recycles: RecycleRecord[];
  readonly nurtureWakeAt: number | null;
}

// ---------- pool, stale ----------

const poolInput = z
  .object({
    text: z.string().max(MAX_TEXT).optional(),
    grades: z.array(z.enum(GRADES)).max(GRADES.length).optional(),
    source: z.string().max(MAX_TEXT).optional(),
    recycledOnly: z.boolean().optional(),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export interface PoolRow extends WorkCard {
  readonly lastRecycledAt: number | null;
  /** For a rep: until when they may not claim it (it was recycled from them); null = claimable. */
  readonly coolDownUntil: number | null;
}

export interface PoolPage {
  readonly total: number;
  readonly rows: PoolRow[];
  /** For a rep: claims made today and the daily limit. */
  readonly claimsToday: number;
  readonly claimDailyLimit: number;
}

export interface StaleRow {
  readonly leadId: string;
  readonly name: string;
  readonly company: string | null;
  readonly grade: Grade | null;
  readonly stage: FunnelStage;
  readonly ownerId: string;
  readonly ownerName: string | null;
  readonly lastProgressAt: number;
  readonly idleDays: number;
}

// ---------- notifications, scheduler ----------

export interface TickSummary {
  readonly now: number;
  readonly reminded: number;
  readonly escalated: number;
  readonly recycled: number;
  readonly followUpReminders: number;
  readonly nextStepReminders: number;
  readonly nurtureWoken: number;
  readonly assignmentNotices: number;
  readonly failed: number;
}

const notificationsInput = z
  .object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) })
  .strict();
const markReadInput = z
  .object({ ids: z.array(id).max(500).optional(), all: z.boolean().optional() })
  .strict()
  .refine((input) => input.all === true || (input.ids?.length ?? 0) > 0, {
    message: 'give ids or all: true',
  });

export const workCalls = {
  'work.settings': call<WorkSettings>()(empty),
  'funnel.saveSettings': call<{ funnel: FunnelSettings; moved: number }>()(saveFunnelInput),
  /** Live (non-history) leads per stage key, for the stage editor: hiding a stage with leads moves them. */
  'funnel.stageCounts': call<{ counts: Partial<Record<FunnelStage, number>> }>()(empty),
  'sla.savePolicy': call<SlaPolicy>()(z.object({ policy: slaPolicySchema }).strict()),
  'funnel.board': call<{ columns: BoardColumn[]; now: number }>()(boardInput),
  'funnel.cards': call<{ total: number; cards: WorkCard[] }>()(cardsInput),
  'funnel.move': call<WorkCard>()(moveInput),
  'queue.list': call<{ total: number; items: WorkCard[]; now: number }>()(queueInput),
  'followUps.log': call<FollowUpRecord>()(followUpInput),
  'work.leadDetail': call<LeadWorkDetail>()(z.object({ id }).strict()),
  'pool.list': call<PoolPage>()(poolInput),
  'pool.claim': call<WorkCard>()(z.object({ leadId: id }).strict()),
  'stale.list': call<{ days: number; rows: StaleRow[] }>()(
    z.object({ days: z.number().int().min(1).max(365).optional() }).strict(),
  ),
  'stale.recycle': call<{ recycled: number }>()(z.object({ leadIds: z.array(id).min(1).max(2000) }).strict()),
  'notifications.list': call<{ unread: number; rows: NotificationRecord[] }>()(notificationsInput),
  'notifications.markRead': call<{ unread: number }>()(markReadInput),
  /** Applies every due SLA action, nurture wake-up and reminder now (the scheduler's tick). */
  'sla.runDue': call<TickSummary>()(empty),
  /** Test hook: moves the hub's clock forward, then ticks. Refused unless the hub runs with --test-hooks. */
  'dev.advanceClock': call<TickSummary>()(
    z.object({ minutes: z.number().int().min(0).max(5_256_000) }).strict(),
  ),
} as const;

export const workEvents = {
  /** A notification was stored for `recipient` ('lead' = the team lead, else a rep id). */
  'notifications.new': z.custom<NotificationRecord>(),
  /** The user clicked a desktop notification: the window should open this lead (sent by Electron's main). */
  'notifications.opened': z.object({ leadId: z.string() }),
} as const satisfies Record<string, z.ZodType>;

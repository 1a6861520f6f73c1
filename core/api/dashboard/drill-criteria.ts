// The Dashboard's period, filters and click-through criteria as schemas: the KPI calls take them, and the Leads
// list takes the criteria (`leads.list` `drill`) to show exactly the leads behind a count.
import { z } from 'zod';
import { RESPONSE_HISTOGRAM_EDGES } from '../../domain/kpi/response-time';
import { REP_TIERS } from '../../domain/rep';
import { id, isoDate, MAX_TEXT, stageKeySchema } from '../contract-kit';

/** The longest period the Dashboard asks about; bounds the per-day series. */
export const MAX_DASHBOARD_DAYS = 366;

const DAY_MS = 86_400_000;

/** A period of local days, both ends included, no longer than MAX_DASHBOARD_DAYS. */
export function checkedPeriod<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema
    .refine((v) => v.from <= v.to, { message: 'the range must end on or after its start', path: ['to'] })
    .refine((v) => (Date.parse(v.to) - Date.parse(v.from)) / DAY_MS < MAX_DASHBOARD_DAYS, {
      message: `at most ${MAX_DASHBOARD_DAYS} days`,
      path: ['from'],
    });
}

/** The KPI row's period and optional filters (a rep, a tier, a source). */
export const kpiShape = {
  from: isoDate,
  to: isoDate,
  repId: id.optional(),
  tier: z.enum(REP_TIERS).optional(),
  source: z.string().trim().min(1).max(MAX_TEXT).optional(),
};

export const DRILL_METRICS = [
  'arrived',
  'won',
  'lost',
  'recycled',
  'never_contacted',
  'any_loss',
  'closed',
  'won_closed',
  'stage_now',
  'not_contacted',
  'handed_over',
  'reached',
  'response_bucket',
  'overdue_first_contact',
  'overdue_follow_up',
  'open_load',
] as const;

/** Which count: the KPI input, the metric, and an optional grade, source row, stage or response-time bucket. */
export const drillShape = {
  ...kpiShape,
  metric: z.enum(DRILL_METRICS),
  grade: z.enum(['A', 'B', 'C', 'D', 'ungraded']).optional(),
  channel: z
    .object({ source: z.string().max(MAX_TEXT).nullable() })
    .strict()
    .optional(),
  stage: stageKeySchema.optional(),
  /** With 'response_bucket': the response-time histogram's bucket, by its index (RESPONSE_HISTOGRAM_EDGES). */
  bucket: z.number().int().min(0).max(RESPONSE_HISTOGRAM_EDGES.length).optional(),
};

/** A count's criteria, as the Leads page carries them from a click on the Dashboard. */
export const drillCriteriaSchema = checkedPeriod(z.object(drillShape).strict());
export type DrillCriteria = z.output<typeof drillCriteriaSchema>;

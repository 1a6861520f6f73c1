// Click-through for the response-time histogram: the hand-overs in each bucket of business minutes and their
// leads, judged by the very domain functions the KPI row's histogram is counted with.
import { judgeResponses, RESPONSE_HISTOGRAM_EDGES } from '../../domain/kpi/response-time';
import { bucketIndexOf } from '../../domain/kpi/stats';
import { listResponses, type KpiFilter } from '../../store/dashboard-kpi';
import type { CallContext } from '../call-context';
import { readDistributionSettings } from '../distribution/setup';
import { readSlaPolicy } from '../sla/settings';
import { resolvePeriod } from './period';
import { toResponseFact } from './rows';
import { readKpiTargets } from './targets';

export interface ResponseBucketLeads {
  /** Business minutes, lower bound included. */
  readonly from: number;
  /** Upper bound excluded; null for the open last bucket. */
  readonly to: number | null;
  /** Contacted hand-overs whose first contact fell in the bucket: the histogram's count. */
  readonly handOvers: number;
  /** Their leads, each once (a lead handed over twice in the period may count twice above). */
  readonly leadIds: ReadonlySet<string>;
}

/** Per bucket of the response-time histogram, for a period and filters as the KPI row reads them. */
export function readResponseBucketLeads(
  ctx: CallContext,
  input: { from: string; to: string } & KpiFilter,
): ResponseBucketLeads[] {
  const { db } = ctx;
  const period = resolvePeriod(input.from, input.to, readDistributionSettings(db).utcOffsetMinutes);
  const filter: KpiFilter = { repId: input.repId, tier: input.tier, source: input.source };
  const rows = listResponses(db, period, filter);
  const judged = judgeResponses(
    rows.map(toResponseFact),
    readSlaPolicy(db).calendar,
    readKpiTargets(db).responseMinutes,
    ctx.now,
  );
  const buckets = [0, ...RESPONSE_HISTOGRAM_EDGES].map((from, i) => ({
    from,
    to: RESPONSE_HISTOGRAM_EDGES[i] ?? null,
    handOvers: 0,
    leadIds: new Set<string>(),
  }));
  judged.forEach((j, i) => {
    const row = rows[i];
    if (j.minutes === null || row === undefined) return;
    const bucket = buckets[bucketIndexOf(j.minutes, RESPONSE_HISTOGRAM_EDGES)];
    if (bucket === undefined) return;
    bucket.handOvers += 1;
    bucket.leadIds.add(row.leadId);
  });
  return buckets;
}

/** The bucket counts as the `dashboard.responseBuckets` call answers them. */
export function countResponseBuckets(
  ctx: CallContext,
  input: { from: string; to: string } & KpiFilter,
): { buckets: { from: number; to: number | null; handOvers: number; leads: number }[] } {
  return {
    buckets: readResponseBucketLeads(ctx, input).map(({ leadIds, ...bucket }) => ({
      ...bucket,
      leads: leadIds.size,
    })),
  };
}

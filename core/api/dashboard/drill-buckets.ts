// Click-through for the response-time histogram: the hand-overs in each bucket of business minutes and their
// leads, measured and bucketed by the very domain functions the KPI row's histogram is counted with
// (responseMinutes, as judgeResponses measures; bucketIndexOf, as histogramOf buckets).
import { RESPONSE_HISTOGRAM_EDGES, responseMinutes } from '../../domain/kpi/response-time';
import { bucketIndexOf } from '../../domain/kpi/stats';
import { listResponses, type KpiFilter } from '../../store/dashboard-kpi';
import type { CallContext } from '../call-context';
import { readDistributionSettings } from '../distribution/setup';
import { readSlaPolicy } from '../sla/settings';
import { resolvePeriod } from './period';
import { toResponseFact } from './rows';

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
  const calendar = readSlaPolicy(db).calendar;
  const buckets = [0, ...RESPONSE_HISTOGRAM_EDGES].map((from, i) => ({
    from,
    to: RESPONSE_HISTOGRAM_EDGES[i] ?? null,
    handOvers: 0,
    leadIds: new Set<string>(),
  }));
  // Only the minutes matter here, not the verdict against the target: half the business-time work of judging.
  for (const row of rows) {
    const minutes = responseMinutes(toResponseFact(row), calendar);
    if (minutes === null) continue;
    const bucket = buckets[bucketIndexOf(minutes, RESPONSE_HISTOGRAM_EDGES)];
    if (bucket === undefined) continue;
    bucket.handOvers += 1;
    bucket.leadIds.add(row.leadId);
  }
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

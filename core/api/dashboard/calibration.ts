// Score calibration for a period: per grade and 20-point score band, the share of closed leads that were won,
// beside what the learned model predicted for them (when one is trained). On demand, not in the KPI row: it reads
// every closed lead of the period whole to predict it.
import { computeConversion, type ClosureFact } from '../../domain/kpi/conversion';
import { predictConversion } from '../../domain/scoring/learned';
import { listDrillLeads } from '../../store/dashboard-drill';
import { rowToLead } from '../../store/leads';
import type { CallContext } from '../call-context';
import { readDistributionSettings } from '../distribution/setup';
import type { KpiInput } from './calls';
import { resolvePeriod } from './period';
import { filterOf, gradeOf } from './rows';
import type { Calibration } from './schemas';

/** Closed leads read at most, so an on-demand call stays bounded on a huge period. */
export const MAX_CALIBRATION_LEADS = 50_000;

export function computeCalibration(ctx: CallContext, input: KpiInput): Calibration {
  const period = resolvePeriod(input.from, input.to, readDistributionSettings(ctx.db).utcOffsetMinutes);
  const learned = ctx.scoring.learned();
  const { total, rows } = listDrillLeads(
    ctx.db,
    period,
    filterOf(input),
    { metric: 'closed' },
    { offset: 0, limit: MAX_CALIBRATION_LEADS },
  );
  const closures: ClosureFact[] = rows.map((row) => {
    const lead = rowToLead(row);
    return {
      grade: gradeOf(row.grade),
      score: row.score,
      isWon: row.stage === 'won',
      // What the model would have said when the lead arrived, not after its later activity.
      predicted: learned === null ? null : predictConversion(learned, lead, lead.createdAt, 0).probability,
    };
  });
  return {
    hasModel: learned !== null,
    closed: total,
    isTruncated: total > rows.length,
    cells: computeConversion([], closures).calibration,
  };
}

// A rep's own dashboard: their response time, conversion and grade mix against the team's median — the median
// over active reps is the only figure about others, and no other rep is named.
import { GRADES } from '../../domain/funnel';
import { computeResponseTimes, type ResponseFact } from '../../domain/kpi/response-time';
import { medianOf, proportionEstimate } from '../../domain/kpi/stats';
import { countClosuresByOwner, listResponses } from '../../store/dashboard-kpi';
import { listReps } from '../../store/reps';
import type { CallContext } from '../call-context';
import { ServiceError } from '../errors';
import { readDistributionSettings } from '../distribution/setup';
import { readSlaPolicy } from '../sla/settings';
import { DASHBOARD_ERRORS } from './errors';
import { countHandOvers, gradeKeyOf, toResponseFact } from './rows';
import type { DashboardMine } from './schemas';
import { resolvePeriod } from './period';
import { readKpiTargets } from './targets';

type GradeCounts = Record<'A' | 'B' | 'C' | 'D' | 'ungraded', number>;
const KEYS = [...GRADES, 'ungraded'] as const;

export function computeMine(ctx: CallContext, input: { from: string; to: string }): DashboardMine {
  if (ctx.actor.role !== 'rep') throw new ServiceError(DASHBOARD_ERRORS.repOnly);
  const me = ctx.actor.repId as string;
  const { db } = ctx;
  const period = resolvePeriod(input.from, input.to, readDistributionSettings(db).utcOffsetMinutes);
  const targets = readKpiTargets(db);
  const calendar = readSlaPolicy(db).calendar;
  const team = listReps(db, { includeInactive: false }).map((rep) => rep.id as string);
  if (!team.includes(me)) team.push(me);

  const rows = listResponses(db, period, {});
  const facts = new Map<string, ResponseFact[]>(team.map((id) => [id, []]));
  for (const row of rows) facts.get(row.repId)?.push(toResponseFact(row));
  const response = new Map(
    team.map((id) => [
      id,
      computeResponseTimes(facts.get(id) ?? [], calendar, targets.responseMinutes, ctx.now),
    ]),
  );
  const closures = new Map(countClosuresByOwner(db, period, {}).map((row) => [row.repId, row]));
  const conversion = new Map(
    team.map((id) => [id, proportionEstimate(closures.get(id)?.won ?? 0, closures.get(id)?.closed ?? 0)]),
  );
  const mix = new Map<string, GradeCounts>(team.map((id) => [id, { A: 0, B: 0, C: 0, D: 0, ungraded: 0 }]));
  for (const row of countHandOvers(rows)) {
    const counts = mix.get(row.repId);
    if (counts !== undefined) counts[gradeKeyOf(row.grade)] += row.count;
  }

  const teamMedian = (pick: (id: string) => number | null) => medianOf(team.flatMap((id) => pick(id) ?? []));
  const mixMedian = {} as GradeCounts;
  for (const key of KEYS) mixMedian[key] = teamMedian((id) => mix.get(id)?.[key] ?? 0) ?? 0;
  const mine = response.get(me);
  return {
    period: { from: period.fromDate, to: period.toDate },
    responseMedianMinutes: {
      mine: mine?.overall.medianMinutes ?? null,
      teamMedian: teamMedian((id) => response.get(id)?.overall.medianMinutes ?? null),
    },
    withinTarget: {
      mine: mine?.overall.withinTarget ?? proportionEstimate(0, 0),
      teamMedian: teamMedian((id) => response.get(id)?.overall.withinTarget.value ?? null),
    },
    conversion: {
      mine: conversion.get(me) ?? proportionEstimate(0, 0),
      teamMedian: teamMedian((id) => conversion.get(id)?.value ?? null),
    },
    gradeMix: { mine: mix.get(me) ?? { A: 0, B: 0, C: 0, D: 0, ungraded: 0 }, teamMedian: mixMedian },
  };
}

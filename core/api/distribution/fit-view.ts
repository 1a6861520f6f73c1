// What `distribution.repFit` answers: each rep's learned conversion with its evidence and uncertainty, for profiles.
import { FIT_SEGMENTS, type RateEstimate, type RepFitModel } from '../../domain/distribution/rep-fit';
import type { RepFitView } from './schemas';

/** Cells shown per rep, so a rep with many segments stays a short list. */
const MAX_CELLS = 12;

/** The model as profiles read it: per rep, the grades and segments that differ most from the team. */
export function toRepFitView(model: RepFitModel): RepFitView {
  const teamRateOf = (segment: 'grade' | (typeof FIT_SEGMENTS)[number], key: string): number =>
    (segment === 'grade'
      ? model.team.byGrade[key as keyof typeof model.team.byGrade]
      : model.team.bySegment[segment][key]
    )?.rate ?? model.team.overall.rate;
  return {
    status: model.status,
    outcomes: model.outcomes,
    minOutcomes: model.minOutcomes,
    priorStrength: model.priorStrength,
    team: model.team.overall,
    reps: Object.values(model.reps).map((rep) => {
      const cells: {
        segment: 'grade' | (typeof FIT_SEGMENTS)[number];
        key: string;
        estimate: RateEstimate;
      }[] = [];
      for (const [key, estimate] of Object.entries(rep.byGrade))
        if (estimate !== undefined) cells.push({ segment: 'grade', key, estimate });
      for (const segment of FIT_SEGMENTS)
        for (const [key, estimate] of Object.entries(rep.bySegment[segment]))
          cells.push({ segment, key, estimate });
      const withTeam = cells.map((c) => ({ ...c, teamRate: teamRateOf(c.segment, c.key) }));
      withTeam.sort(
        (a, b) =>
          Math.abs(Math.log(b.estimate.rate / b.teamRate)) -
            Math.abs(Math.log(a.estimate.rate / a.teamRate)) ||
          (a.segment + a.key < b.segment + b.key ? -1 : 1),
      );
      return { repId: rep.repId, overall: rep.overall, cells: withTeam.slice(0, MAX_CELLS) };
    }),
  };
}

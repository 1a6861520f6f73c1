// What `distribution.repFit` answers: each rep's learned conversion with its evidence and uncertainty, for profiles.
import { z } from 'zod';
import { FIT_SEGMENTS, type RateEstimate, type RepFitModel } from '../../domain/distribution/rep-fit';

const estimateSchema = z
  .object({
    wins: z.number().int(),
    n: z.number().int(),
    raw: z.number().nullable(),
    rate: z.number(),
    low: z.number(),
    high: z.number(),
  })
  .strict();

const segmentFitSchema = z
  .object({
    segment: z.enum(['grade', ...FIT_SEGMENTS]),
    key: z.string(),
    estimate: estimateSchema,
    teamRate: z.number(),
  })
  .strict();

export const repFitViewSchema = z
  .object({
    /** too-little-history: every rep has equal fit and the methods say so. */
    status: z.enum(['learned', 'too-little-history']),
    outcomes: z.number().int(),
    minOutcomes: z.number().int(),
    priorStrength: z.number(),
    team: estimateSchema,
    reps: z
      .array(
        z
          .object({
            repId: z.string(),
            overall: estimateSchema,
            /** Grades and segments with at least one closed lead, the largest differences from the team first. */
            cells: z.array(segmentFitSchema).readonly(),
          })
          .strict(),
      )
      .readonly(),
  })
  .strict();
export type RepFitView = z.output<typeof repFitViewSchema>;

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

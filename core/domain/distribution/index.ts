// The distribution engine's public surface: what the store, API and UI call.
export { distributeBatch, distributeLead, createEmptyState, sortByArrival } from './engine';
export { validateRules, validateWorkingHours } from './validate-rules';
export { explanationSummary } from './explanation-summary';
export type { ExplanationSummary, SummaryToken } from './explanation-summary';
export { computeFairness, computeGini, computeStdDev, isNewRep } from './fairness';
export type { FairnessFigures, FairnessInput, GradeKey, RepLeadCounts } from './fairness';
export { replayDistribution, replayDistributionAsync, compareReplays } from './replay';
export type {
  ReplayComparison,
  ReplayInput,
  ReplayResult,
  ReplayRepFigures,
  ReplayComparisonToActual,
} from './replay';
export { solveAssignment, VALUE_SCALE } from './optimal';
export type { AssignmentProblem, AssignmentSolution } from './optimal';
export { leadProbability } from './conditions';
export { DEFAULT_TIER_MAP, tierLadderOrder } from './methods';
export * from './types';

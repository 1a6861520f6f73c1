// Public surface of the historical import's pure building blocks: dates, outcomes, owners, leaks and rows.
export { countValues, foldValue } from './fold';
export type { ValueCount } from './fold';
export {
  analyzeDateColumn,
  parseDateValue,
  formatWallClock,
  DATE_ERROR_MESSAGES,
  DEFAULT_OFFSET_MINUTES,
} from './parse-dates';
export type {
  AmbiguousDateExample,
  AnalyzeDateColumnOptions,
  BadDateExample,
  DateColumnAnalysis,
  DateColumnFormat,
  DateColumnStats,
  DateErrorReason,
  DateForm,
  DateOrder,
  DateParse,
} from './parse-dates';
export {
  applyOutcomeMapping,
  createOutcomeMapping,
  guessOutcomeMapping,
  listUnmappedOutcomes,
} from './outcome-mapping';
export type {
  GuessOutcomeOptions,
  OutcomeConfidence,
  OutcomeGuess,
  OutcomeMapping,
  OutcomeResult,
} from './outcome-mapping';
export {
  createOwnerMapping,
  listUndecidedOwners,
  matchOwners,
  ownerKey,
  resolveOwner,
  stripOwnerNote,
} from './owner-matching';
export type {
  CreateOwnerMappingOptions,
  OwnerMapping,
  OwnerMatch,
  OwnerMatchStatus,
  OwnerResult,
  RepForMatching,
} from './owner-matching';
export { detectLeaks, featureFieldOf, matchLeakyHeader } from './leak-detection';
export type {
  DetectLeaksOptions,
  LeakColumn,
  LeakEvidence,
  LeakFlag,
  LeakReason,
  LeakReport,
} from './leak-detection';
export { DATE_ROLES, HISTORY_ROLES, guessHistoryColumns, maskHistoryColumns } from './history-columns';
export type { DateRole, HistoryColumns, HistoryRole } from './history-columns';
export { parseAmountFen } from './parse-amount';
export { buildHistoryLead, HISTORY_ISSUE_MESSAGES } from './history-row';
export type {
  HistoryActivity,
  HistoryDraft,
  HistoryIssue,
  HistoryIssueCode,
  HistoryLeadFields,
  HistoryRowContext,
  HistoryRowInput,
  HistoryRowResult,
} from './history-row';

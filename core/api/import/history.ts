// The "these are past leads" side of the import: reads the whole file once, settles date formats, outcome and owner
// mappings from the team lead's answers, builds a past lead per row and flags leak columns; questions block the commit.
import type { Database } from 'better-sqlite3';
import { analyzeDateColumn } from '../../domain/history/parse-dates';
import { buildHistoryLead } from '../../domain/history/history-row';
import { countValues } from '../../domain/history/fold';
import {
  createOutcomeMapping,
  guessOutcomeMapping,
  listUnmappedOutcomes,
} from '../../domain/history/outcome-mapping';
import { createOwnerMapping, matchOwners } from '../../domain/history/owner-matching';
import { DATE_ROLES, maskHistoryColumns } from '../../domain/history/history-columns';
import type { DecimalStyle } from '../../domain/scoring/column-profile';
import { detectLeaks } from '../../domain/history/leak-detection';
import type { DateColumnFormat } from '../../domain/history/parse-dates';
import type { DateRole, HistoryColumns } from '../../domain/history/history-columns';
import type { HistoryIssue } from '../../domain/history/history-row';
import type { OwnerMatch } from '../../domain/history/owner-matching';
import type { FunnelStage } from '../../domain/funnel';
import { asRepId, type RepId } from '../../domain/ids';
import type { Rep } from '../../domain/rep';
import type { LeadDraft } from '../../import/validate-row';
import type { ColumnTarget } from '../../import/types';
import type { LeadFile, SourceRow } from '../../import/read-file';
import { appendAudit } from '../../store/audit-log';
import { insertRep, listReps } from '../../store/reps';
import { readSetting, writeSetting } from '../../store/settings';
import type {
  DateColumnReport,
  HistoryAnalysis,
  HistoryAnswers,
  HistoryLeak,
  HistoryQuestion,
  OwnerDecision,
} from './schemas';

/** The history fields written with a row's draft for the commit job. */
export interface HistoryExtras {
  readonly stage: FunnelStage;
  readonly ownerId: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly closedAt: number | null;
  readonly wonAmountFen: number | null;
  readonly lostReason: string | null;
}

export type HistoryRowOutcome =
  | { readonly ok: true; readonly draft: LeadDraft; readonly extras: HistoryExtras }
  | { readonly ok: false; readonly errors: readonly HistoryIssue[] };

export interface HistoryPass {
  readonly mapping: readonly ColumnTarget[];
  readonly batches: () => AsyncGenerator<SourceRow[]>;
  readonly build: (source: SourceRow, draft: LeadDraft) => HistoryRowOutcome;
  readonly finish: () => HistoryAnalysis;
}

const MAX_HISTORY_ERRORS = 1_000;
const LATEST_HISTORY_SETTING = 'history.latestBatch';

/**
 * Reads every row (history needs whole columns before any row can be built), then answers what it can and lists
 * what it cannot as questions. Nothing is guessed: an ambiguous date column, an unmapped outcome value or an
 * undecided owner becomes a question and its rows become errors.
 */
export async function prepareHistoryPass(
  db: Database,
  file: LeadFile,
  mapping: readonly ColumnTarget[],
  answers: HistoryAnswers,
  now: number,
  newId: (prefix: string) => string,
  settled: {
    /** The history columns (the answer, else guessed from headers and sampled rows by the caller). */
    readonly columns: HistoryColumns;
    /** How the won amount column writes decimals. */
    readonly wonAmountDecimal?: DecimalStyle;
  },
): Promise<HistoryPass> {
  const headers = file.headers;
  const all: SourceRow[][] = [];
  for await (const batch of file.batches()) all.push(batch);
  const readable = all.flat().filter((r) => !r.issues.some((i) => i.severity === 'error'));
  // One array per column, built once: the date, outcome and owner columns are read again for leak detection.
  const columnCache = new Map<number, string[]>();
  const columnValues = (index: number | undefined): string[] => {
    if (index === undefined) return readable.map(() => '');
    let values = columnCache.get(index);
    if (!values) {
      values = readable.map((r) => r.cells[index] ?? '');
      columnCache.set(index, values);
    }
    return values;
  };
  /** Fills the column cache for many columns in one pass over the rows. */
  const gatherColumns = (indexes: readonly number[]) => {
    const missing = indexes.filter((index) => !columnCache.has(index));
    const gathered = missing.map(() => new Array<string>(readable.length));
    readable.forEach((r, at) => {
      for (let k = 0; k < missing.length; k += 1) {
        const column = gathered[k];
        if (column) column[at] = r.cells[missing[k] ?? 0] ?? '';
      }
    });
    missing.forEach((index, k) => columnCache.set(index, gathered[k] ?? []));
  };

  const columns = settled.columns;
  const masked = maskHistoryColumns(mapping, columns) as ColumnTarget[];
  const questions: HistoryQuestion[] = [];
  const headerOf = (index: number | undefined) => (index === undefined ? '' : (headers[index] ?? ''));

  const dates: DateColumnReport[] = [];
  const dateFormats: Partial<Record<DateRole, DateColumnFormat>> = {};
  const parsedDates: Partial<Record<DateRole, ReadonlyMap<number, number>>> = {};
  for (const role of DATE_ROLES) {
    const index = columns[role];
    if (index === undefined) continue;
    const order = answers.dateOrders?.[role];
    const analysis = analyzeDateColumn(columnValues(index), {
      rows: readable.map((r) => r.row),
      now,
      ...(order ? { order } : {}),
    });
    const column = headerOf(index);
    if (analysis.kind === 'ok') {
      dateFormats[role] = analysis.format;
      const byRow = new Map<number, number>();
      readable.forEach((r, i) => {
        const value = analysis.parsed[i];
        if (value !== undefined && !Number.isNaN(value)) byRow.set(r.row, value);
      });
      parsedDates[role] = byRow;
    }
    if (analysis.kind === 'ambiguous')
      questions.push({
        kind: 'date_order',
        column,
        value: analysis.examples[0]?.raw ?? null,
        message: `Column "${column}": is ${analysis.examples[0]?.raw ?? 'the date'} month/day/year or day/month/year? Choose the order.`,
      });
    if (analysis.kind === 'invalid')
      questions.push({
        kind: 'invalid_dates',
        column,
        value: analysis.badExamples[0]?.raw ?? null,
        message: `Column "${column}" does not hold dates: choose another column for ${role}.`,
      });
    dates.push({
      role,
      column,
      kind: analysis.kind,
      order: analysis.kind === 'ok' ? (analysis.format.order ?? null) : null,
      examples: analysis.kind === 'ambiguous' ? analysis.examples : [],
      badExamples: analysis.badExamples,
      invalidCount: analysis.invalidCount,
    });
  }

  // No arrival column: asked once — one date for every row, or "dates unknown" (learned from, never replayed).
  const undated = columns.createdAt === undefined ? answers.undated : undefined;
  if (columns.createdAt === undefined && undated === undefined)
    questions.push({
      kind: 'undated',
      column: '',
      value: null,
      message:
        'The file has no column of arrival dates: give one date for every row, or import them with dates unknown.',
    });

  const outcomeIndex = columns.outcome;
  const outcomeGuesses =
    outcomeIndex === undefined
      ? []
      : guessOutcomeMapping(countValues(columnValues(outcomeIndex)), { header: headerOf(outcomeIndex) });
  const outcomes = createOutcomeMapping(outcomeGuesses, answers.outcomes ?? {});
  const unmapped = listUnmappedOutcomes(outcomeGuesses, outcomes);
  for (const u of unmapped)
    questions.push({
      kind: 'unmapped_outcome',
      column: headerOf(outcomeIndex),
      value: u.value,
      message: `Column "${headerOf(outcomeIndex)}": which stage is "${u.value}" (${u.count} rows)? Map it to a stage.`,
    });

  const reps = listReps(db, { includeInactive: true });
  const ownerIndex = columns.owner;
  const ownerMatches =
    ownerIndex === undefined ? [] : matchOwners(countValues(columnValues(ownerIndex)), reps);
  const knownRepIds = new Set<string>(reps.map((r) => r.id));
  const decisions: Record<string, RepId | null> = {};
  const newReps: { id: string; name: string }[] = [];
  const decisionOf = (m: OwnerMatch): OwnerDecision | undefined => {
    const given = answers.owners ?? {};
    return given[m.value] ?? given[m.key] ?? m.variants.map((v) => given[v]).find((d) => d !== undefined);
  };
  for (const m of ownerMatches) {
    const decision = decisionOf(m);
    if (!decision) continue;
    if ('repId' in decision) {
      if (knownRepIds.has(decision.repId)) decisions[m.key] = asRepId(decision.repId);
    } else if ('create' in decision) {
      const id = newId('rep');
      newReps.push({ id, name: m.newRepName });
      decisions[m.key] = asRepId(id);
    } else decisions[m.key] = null;
  }
  const owners = createOwnerMapping(ownerMatches, decisions, {
    acceptSuggested: answers.acceptSuggestedOwners ?? true,
  });
  const undecided = ownerMatches.filter((m) => m.status !== 'empty' && !owners.has(m.key));
  for (const u of undecided)
    questions.push({
      kind: 'undecided_owner',
      column: headerOf(ownerIndex),
      value: u.value,
      message:
        u.status === 'ambiguous'
          ? `Column "${headerOf(ownerIndex)}": owner "${u.value}" (${u.count} rows) matches several reps: choose one.`
          : `Column "${headerOf(ownerIndex)}": owner "${u.value}" (${u.count} rows) is not a rep: create them as an inactive rep or map them to a rep.`,
    });

  const stages: (FunnelStage | null)[] = [];
  const built = new Map<number, FunnelStage>();
  const errors: HistoryIssue[] = [];
  let historyErrorRows = 0;
  const context = {
    headers,
    columns,
    dateFormats,
    parsedDates,
    outcomes,
    owners,
    now,
    ...(settled.wonAmountDecimal ? { wonAmountDecimal: settled.wonAmountDecimal } : {}),
    ...(undated && 'fallbackCreatedAt' in undated ? { fallbackCreatedAt: undated.fallbackCreatedAt } : {}),
    ...(undated && 'datesUnknown' in undated ? { datesUnknown: true } : {}),
  };

  return {
    mapping: masked,
    async *batches() {
      for (const batch of all) yield batch;
    },
    build(source, draft) {
      const result = buildHistoryLead(
        { row: source.row, line: source.line, cells: source.cells, draft },
        context,
      );
      if (!result.ok) {
        historyErrorRows += 1;
        for (const e of result.errors) if (errors.length < MAX_HISTORY_ERRORS) errors.push(e);
        return { ok: false, errors: result.errors };
      }
      const lead = result.lead;
      built.set(source.row, lead.stage);
      return {
        ok: true,
        draft,
        extras: {
          stage: lead.stage,
          ownerId: lead.ownerId,
          createdAt: lead.createdAt,
          updatedAt: lead.updatedAt,
          closedAt: lead.closedAt,
          wonAmountFen: lead.wonAmountFen,
          lostReason: lead.lostReason,
        },
      };
    },
    finish() {
      for (const r of readable) stages.push(built.get(r.row) ?? null);
      gatherColumns(masked.flatMap((target, index) => (target === 'ignore' ? [] : [index])));
      const featureColumns = masked.flatMap((target, index) =>
        target === 'ignore' ? [] : [{ header: headerOf(index), target, values: columnValues(index) }],
      );
      const leaks = detectLeaks(featureColumns, stages);
      const keep = new Set(answers.keepFields ?? []);
      return {
        columns,
        dates,
        outcomes: outcomeGuesses,
        unmappedOutcomes: unmapped.map((u) => u.value),
        owners: ownerMatches,
        undecidedOwners: undecided.map((u) => u.value),
        newReps,
        leaks: leaks.flags,
        excludeFields: leaks.excludeFields.filter((f) => !keep.has(f)),
        questions,
        historyErrorRows,
        errors,
        datesUnknown: undated !== undefined && 'datesUnknown' in undated,
      };
    },
  };
}

/** What a history commit needs from its analysis. */
export interface HistoryCommitPlan {
  readonly newReps: readonly { readonly id: string; readonly name: string }[];
  readonly excludeFields: readonly string[];
  /** Why each field was flagged, for the Scoring page (absent in analyses saved before reasons were kept). */
  readonly leaks?: readonly HistoryLeak[];
  readonly questions: readonly HistoryQuestion[];
  /** The rows' dates are unknown (no arrival column, answered so): the batch is never offered for replay. */
  readonly datesUnknown?: boolean;
}

/** Creates the inactive reps a history import asked for (inside the caller's transaction), audited. */
export function createHistoryReps(
  db: Database,
  plan: HistoryCommitPlan,
  actor: string,
  now: number,
  batchId: string,
): string[] {
  const existing = new Set(listReps(db, { includeInactive: true }).map((r) => r.id as string));
  const created: string[] = [];
  for (const r of plan.newReps) {
    if (existing.has(r.id)) continue;
    const rep: Rep = {
      id: asRepId(r.id),
      name: r.name,
      email: null,
      phone: null,
      tier: 'junior',
      skills: [],
      regions: [],
      weight: 1,
      capOpen: null,
      capDaily: null,
      isActive: false,
      isOutOfOffice: false,
      leave: [],
      joinedOn: new Date(now).toISOString().slice(0, 10),
    };
    insertRep(db, rep, now);
    appendAudit(db, {
      at: now,
      actor,
      action: 'rep.create',
      entity: 'rep',
      entityId: rep.id,
      detail: { name: rep.name, isActive: false, reason: 'history import', batchId },
    });
    created.push(rep.id);
  }
  return created;
}

export interface LatestHistoryBatch {
  readonly batchId: string;
  readonly excludeFields: readonly string[];
  readonly at: number;
  /** Why each excluded field was flagged; absent on batches saved before the reasons were kept. */
  readonly leaks?: readonly HistoryLeak[];
  /** Imported with dates unknown: no period to replay. */
  readonly datesUnknown?: boolean;
}

/** Remembers the leak fields of the latest history batch: learned scoring leaves them out unless told otherwise. */
export function saveHistoryBatchFlags(db: Database, latest: LatestHistoryBatch): void {
  writeSetting(db, LATEST_HISTORY_SETTING, latest, latest.at);
  writeSetting(db, `history.batch.${latest.batchId}`, latest, latest.at);
}

export function readLatestHistoryBatch(db: Database): LatestHistoryBatch | null {
  return readSetting<LatestHistoryBatch>(db, LATEST_HISTORY_SETTING) ?? null;
}

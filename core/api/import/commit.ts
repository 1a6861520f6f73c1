// The import commit job. One import is one batch: rows are matched and scored in chunks (so calls keep
// being answered and progress shows) and staged in a temporary table of the connection (store/import-staging.ts),
// and one last transaction moves them into `leads`, applies the merges and marks the batch committed — so a batch
// is all there or not there, even after a crash.
import type { Database } from 'better-sqlite3';
import { asLeadId, asRepId } from '../../domain/ids';
import { mergeLeads, type DedupeKeyKind } from '../../domain/dedupe';
import type { Lead } from '../../domain/lead';
import type { LeadDraft } from '../../import/validate-row';
import { appendAudit } from '../../store/audit-log';
import {
  insertImportBatch,
  saveMergeSnapshot,
  updateImportBatch,
  type DuplicateAction,
} from '../../store/import-batches';
import {
  createImportStaging,
  dropImportStaging,
  moveStagedLeads,
  stagedLeadValues,
  stagingLayout,
  type SharedLeadColumns,
  type TempImportStaging,
} from '../../store/import-staging';
import { insertDuplicateFlag } from '../../store/lead-merges';
import { findStoredLead, updateLeadChanges, type LeadKeys } from '../../store/leads';
import { startRepsAtFirstLead } from '../../store/reps';
import { readDistributionSettings } from '../distribution/setup';
import { inTransaction } from '../../store/sql';
import type { EventName, EventPayload } from '../contract';
import type { ImportJobResult, JobStatus } from '../jobs/schemas';
import { ServiceError } from '../errors';
import type { AnalysisMeta } from './files';
import { startBatchDistribution } from './distribute-batch';
import { IMPORT_ERRORS } from './errors';
import { abandonBatch, activeSet } from './recovery';
import { createHistoryReps, saveHistoryBatchFlags, type HistoryExtras } from './history';
import { createStoredKeyMatcher } from './matcher';
import { takeAnalysisRows, type AnalysedRowsReader } from './kept-analysis';
import type { JobRunner, JobStep } from '../jobs/job-runner';
import { leadKeysOf } from '../leads/lead-keys';
import type { ScoringState } from '../scoring/scoring-state';

/** Rows per transaction: big enough to amortize the commit, small enough to keep calls answered (~50 ms). */
const CHUNK_ROWS = 5_000;
const SLICE_ROWS = 250;

export interface ImportDeps {
  readonly db: Database;
  readonly jobs: JobRunner;
  readonly scoring: ScoringState;
  readonly clock: () => number;
  readonly newId: (prefix: string) => string;
  readonly actor: string;
  readonly emit: <K extends EventName>(event: K, payload: EventPayload<K>) => void;
}

interface PendingMerge {
  readonly targetId: string;
  readonly draft: LeadDraft;
}

interface PendingFlag {
  readonly leadId: string;
  readonly duplicateOf: string;
  readonly by: readonly DedupeKeyKind[];
}

/** Starts the commit job of an analysed upload; the batch row exists (state `running`) when this returns. */
export function startImportCommit(
  deps: ImportDeps,
  analysis: AnalysisMeta,
  duplicateAction: DuplicateAction,
): { job: JobStatus; batchId: string } {
  const { db, scoring } = deps;
  const keptRows = takeAnalysisRows(db, analysis.analysisId);
  if (!keptRows) throw new ServiceError(IMPORT_ERRORS.analysisForgotten, undefined, 'analysisId');
  const batchId = deps.newId('import');
  const startedAt = deps.clock();
  const history = analysis.history ?? null;
  // Each slice's keys are looked up in the key indexes before it is matched: the leads as they are now, whatever was
  // written since the analysis (another import, a new or merged lead).
  const matcher = createStoredKeyMatcher(db);
  const createdReps = inTransaction(db, () => {
    insertImportBatch(db, {
      id: batchId,
      fileName: analysis.fileName,
      actor: deps.actor,
      duplicateAction,
      totalRows: analysis.totalRows,
      errors: analysis.errorRows,
      startedAt,
    });
    // Past owners who are not reps yet exist (inactive) before any lead points at them.
    return history ? createHistoryReps(db, history, deps.actor, startedAt, batchId) : [];
  });
  if (createdReps.length > 0) deps.emit('reps.changed', { repIds: createdReps });
  activeSet(db).add(batchId);

  let reader: AnalysedRowsReader | null = null;
  let leadStaging: TempImportStaging | null = null;
  const makeStep = (): JobStep<'import'> => {
    const rowsReader = keptRows;
    reader = rowsReader;
    // What every lead of this batch shares is written once by the move, not staged with each row.
    const shared: SharedLeadColumns = history
      ? { events_json: '[]', is_history: 1, import_batch_id: batchId, deleted_at: null }
      : {
          events_json: '[]',
          stage: 'raw',
          won_amount_fen: null,
          lost_reason: null,
          closed_at: null,
          owner_id: null,
          is_history: 0,
          import_batch_id: batchId,
          created_at: startedAt,
          updated_at: startedAt,
          deleted_at: null,
        };
    const layout = stagingLayout(shared);
    // Staged in the job's own chunk transactions: no other connection sees the table, and it ends with the process.
    const stagedLeads = createImportStaging(db, batchId, layout);
    leadStaging = stagedLeads;
    const merges: PendingMerge[] = [];
    const flags: PendingFlag[] = [];
    const insertedIds: string[] = [];
    let done = 0;
    let skipped = 0;
    let isFinished = false;

    const insertDraft = (draft: LeadDraft, keys: LeadKeys, past?: HistoryExtras): Lead => {
      const base: Lead = past
        ? {
            ...draft,
            ...past,
            id: asLeadId(deps.newId('lead')),
            events: [],
            ownerId: past.ownerId === null ? null : asRepId(past.ownerId),
            score: null,
            grade: null,
            isHistory: true,
          }
        : {
            ...draft,
            id: asLeadId(deps.newId('lead')),
            events: [],
            stage: 'raw',
            ownerId: null,
            score: null,
            grade: null,
            createdAt: startedAt,
            updatedAt: startedAt,
            isHistory: false,
          };
      const scored = scoring.scoreLead(base, startedAt);
      const lead: Lead = {
        ...base,
        score: scored.score,
        grade: scored.grade,
        scoreModelVersion: scored.modelVersion,
      };
      stagedLeads.insert.run(
        stagedLeadValues(layout, lead, keys, {
          importBatchId: batchId,
          scoreModelVersion: scored.modelVersion,
          scoredAt: scored.scoredAt,
        }),
      );
      matcher.remember(keys, lead.id);
      insertedIds.push(lead.id);
      return lead;
    };

    return () => {
      if (isFinished) throw new Error(`import ${batchId}: stepped after it finished`);
      // Taken in small slices within the step, up to CHUNK_ROWS rows in one transaction.
      let rows = rowsReader.next(SLICE_ROWS);
      if (rows.length > 0) {
        inTransaction(db, () => {
          for (let taken = 0; rows.length > 0;) {
            // The analysis computed the keys (the lead's name, phone, email and company are the draft's).
            const sliceKeys = rows.map((row) => row.k ?? leadKeysOf(row.d));
            matcher.lookUp(sliceKeys);
            for (const [index, row] of rows.entries()) {
              done += 1;
              const keys = sliceKeys[index] as LeadKeys;
              const match = matcher.match(keys)[0];
              if (!match) {
                insertDraft(row.d, keys, row.h);
              } else if (duplicateAction === 'skip') {
                skipped += 1;
              } else if (duplicateAction === 'merge' && !row.h) {
                merges.push({ targetId: match.id, draft: row.d });
                matcher.remember(keys, match.id);
              } else {
                // A past lead is its own record (its outcome and dates): never merged into a live lead.
                const lead = insertDraft(row.d, keys, row.h);
                flags.push({ leadId: lead.id, duplicateOf: match.id, by: match.by });
              }
            }
            taken += rows.length;
            rows = taken < CHUNK_ROWS ? rowsReader.next(SLICE_ROWS) : [];
          }
        });
        return {
          done,
          total: analysis.totalRows,
          message: `${Math.round(done / Math.max((deps.clock() - startedAt) / 1000, 0.001))} rows/s`,
        };
      }
      rowsReader.close();
      isFinished = true;
      return commitStaged();
    };

    /** The one transaction that makes the batch visible: staged leads, merges, flags, the batch's final counts. */
    function commitStaged(): { finished: true; result: ImportJobResult } {
      const finishedAt = deps.clock();
      const outcome = inTransaction(db, () => {
        const moved = moveStagedLeads(db, stagedLeads, insertedIds.length);
        if (moved !== insertedIds.length)
          throw new Error(`import ${batchId}: staged ${insertedIds.length} leads but found ${moved}`);
        // Past owners this import created start on the day of their first past lead, not on the import's day.
        if (history)
          startRepsAtFirstLead(db, createdReps, batchId, readDistributionSettings(db).utcOffsetMinutes);
        const mergedIds = applyMerges(db, scoring, batchId, merges, finishedAt);
        for (const flag of flags)
          insertDuplicateFlag(db, {
            leadId: flag.leadId,
            duplicateOf: flag.duplicateOf,
            matchedBy: flag.by,
            batchId,
            at: finishedAt,
          });
        const counts = {
          inserted: insertedIds.length,
          merged: merges.length - mergedIds.lost,
          flagged: flags.length,
          skipped: skipped + mergedIds.lost,
        };
        updateImportBatch(db, batchId, { state: 'committed', finishedAt, ...counts });
        // A batch that inserted nothing (every row a skipped duplicate) never becomes the latest past-leads import.
        if (history && insertedIds.length > 0)
          saveHistoryBatchFlags(db, {
            batchId,
            excludeFields: history.excludeFields,
            at: finishedAt,
            // Every flag, also those the team lead kept: the Scoring page shows them all, kept ones unchecked.
            leaks: history.leaks ?? [],
            ...(history.datesUnknown === true ? { datesUnknown: true } : {}),
          });
        appendAudit(db, {
          at: finishedAt,
          actor: deps.actor,
          action: 'import.commit',
          entity: 'import_batch',
          entityId: batchId,
          detail: {
            fileName: analysis.fileName,
            duplicateAction,
            ...counts,
            errors: analysis.errorRows,
            mergedInto: mergedIds.ids.length,
            ...(history ? { history: true, excludeFields: history.excludeFields, newReps: createdReps } : {}),
          },
        });
        return { mergedIds: mergedIds.ids, counts };
      });
      activeSet(db).delete(batchId);
      leadStaging = null;
      dropImportStaging(db, stagedLeads);
      deps.emit('leads.changed', {
        leadIds: [...insertedIds, ...outcome.mergedIds],
        reason: 'imported',
      });
      const seconds = Math.max((finishedAt - startedAt) / 1000, 0.001);
      const result: ImportJobResult = {
        batchId,
        ...outcome.counts,
        errors: analysis.errorRows,
        rowsPerSecond: Math.round(done / seconds),
      };
      return { finished: true, result };
    }
  };
  const job = deps.jobs.start('import', deps.actor, makeStep, {
    params: { batchId, uploadId: analysis.uploadId, isHistory: history !== null },
    batchId,
  });

  // A cancelled or failed job leaves staged rows behind: drop them and close the batch.
  void deps.jobs.waitFor(job.id).then((status) => {
    reader?.close();
    if (status.state === 'done') {
      // New leads are distributed like any other new lead, once the batch is visible; past leads never are.
      if (!history) startBatchDistribution(deps, batchId);
      return;
    }
    // A database closed meanwhile (the app quitting) is closed out by recoverInterruptedImports when it next opens;
    // it forgot its temporary table.
    if (!db.open) return;
    abandonBatch(db, batchId, status.state === 'cancelled' ? 'cancelled' : 'failed', deps.clock());
    if (leadStaging) dropImportStaging(db, leadStaging);
  });
  return { job, batchId };
}

/** Merges each pending row into its target, keeping the target's pre-merge state for undo. */
function applyMerges(
  db: Database,
  scoring: ScoringState,
  batchId: string,
  merges: readonly PendingMerge[],
  now: number,
): { ids: string[]; lost: number } {
  const touched = new Set<string>();
  let lost = 0;
  for (const merge of merges) {
    const stored = findStoredLead(db, merge.targetId);
    if (!stored) {
      // The lead it matched was deleted or merged away while the import ran; the row is not imported.
      lost += 1;
      continue;
    }
    const target = stored.lead;
    if (stored.row.import_batch_id !== batchId && !touched.has(target.id)) {
      saveMergeSnapshot(db, batchId, {
        leadId: target.id,
        lead: target,
        scoreModelVersion: stored.row.score_model_version,
        scoredAt: stored.row.scored_at,
      });
    }
    const source: Lead = {
      ...merge.draft,
      id: target.id,
      events: [],
      stage: target.stage,
      ownerId: target.ownerId,
      score: null,
      grade: null,
      createdAt: now,
      updatedAt: now,
      isHistory: false,
    };
    const combined = mergeLeads(target, source);
    const scored = scoring.scoreLead(combined, now);
    const after: Lead = {
      ...combined,
      updatedAt: now,
      score: scored.score,
      grade: scored.grade,
      scoreModelVersion: scored.modelVersion,
    };
    updateLeadChanges(db, stored.row, after, leadKeysOf(after), {
      scoreModelVersion: scored.modelVersion,
      scoredAt: scored.scoredAt,
    });
    touched.add(target.id);
  }
  return { ids: [...touched], lost };
}

// Rescoring every stored lead after the model changes: chunks of leads, one transaction each, in the background.
// Resumable: a restarted rescore stamps every lead again with the model then in force (stamps are idempotent).
import type { Database } from 'better-sqlite3';
import { listLeadsAfter, stampLeadScores } from '../../store/lead-rescoring';
import { countLeads } from '../../store/leads';
import { inTransaction } from '../../store/sql';
import type { EventName, EventPayload } from '../contract';
import type { JobRunner, JobStep } from '../jobs/job-runner';
import type { JobStatus } from '../jobs/schemas';
import type { ScoringState } from './scoring-state';

const CHUNK = 5_000;

export interface RescoreDeps {
  readonly db: Database;
  readonly jobs: JobRunner;
  readonly scoring: ScoringState;
  readonly clock: () => number;
  readonly actor: string;
  readonly emit: <K extends EventName>(event: K, payload: EventPayload<K>) => void;
}

export function startRescoreJob(deps: RescoreDeps, resuming?: JobStatus): JobStatus {
  const { db, scoring } = deps;
  const makeStep = (): JobStep<'rescore'> => {
    const version = scoring.model().version;
    const total = countLeads(db);
    let afterId = '';
    let done = 0;
    return () => {
      // A newer save starts its own rescore; this one stops rather than write scores of an old version.
      if (scoring.model().version !== version)
        return { finished: true, result: { version, done, isSuperseded: true } };
      const now = deps.clock();
      const changed = inTransaction(db, () => {
        const leads = listLeadsAfter(db, afterId, CHUNK);
        const lastId = leads[leads.length - 1]?.id;
        if (lastId === undefined) return leads;
        const moved = [];
        for (const lead of leads) {
          const next = scoring.scoreLead(lead, now);
          if (next.score !== lead.score || next.grade !== lead.grade)
            moved.push({
              id: lead.id,
              score: next.score,
              grade: next.grade,
              isGradeMoved: next.grade !== lead.grade,
            });
        }
        // listLeadsAfter reads in id order, so (afterId, lastId] holds exactly this chunk's live leads.
        stampLeadScores(db, { afterId, lastId, modelVersion: version, scoredAt: now }, moved);
        return leads;
      });
      if (changed.length === 0) {
        deps.emit('leads.changed', { leadIds: [], reason: 'rescored' });
        return { finished: true, result: { version, done, isSuperseded: false } };
      }
      done += changed.length;
      afterId = changed[changed.length - 1]?.id ?? afterId;
      return { done, total: Math.max(total, done) };
    };
  };
  return deps.jobs.start('rescore', deps.actor, makeStep, resuming ? { resuming } : {});
}

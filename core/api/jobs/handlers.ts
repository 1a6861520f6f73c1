// Handlers of the job calls, scoped to the caller: the team lead's view is every job, a rep's only their own.
import type { Actor } from '../contract';
import { actorLabel, type HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import type { jobsCalls } from './calls';
import { JOBS_ERRORS } from './errors';
import type { JobStatus } from './schemas';

/** Whether `actor` may see (and cancel) `job`: the team lead any, a rep the jobs they started. */
function isJobVisibleTo(job: JobStatus, actor: Actor): boolean {
  return actor.role === 'lead' || job.actor === actorLabel(actor);
}

export const jobsHandlers: HandlersOf<typeof jobsCalls> = {
  'jobs.list'(ctx) {
    return ctx.jobs.list().filter((job) => isJobVisibleTo(job, ctx.actor));
  },

  'jobs.cancel'(ctx, input) {
    const job = ctx.jobs.get(input.id);
    if (!job || !isJobVisibleTo(job, ctx.actor))
      throw new ServiceError(JOBS_ERRORS.notFound, { id: input.id }, 'id');
    return ctx.jobs.cancel(job.id) ?? job;
  },
};

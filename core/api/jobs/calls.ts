// Job calls: the background jobs a person may see, and cancelling one. A rep sees and cancels only their own.
import { z } from 'zod';
import { defineCall, empty, id } from '../contract-kit';
import { JOBS_ERRORS } from './errors';
import { jobStatusSchema } from './schemas';

export const jobsCalls = {
  'jobs.list': defineCall({
    input: empty,
    output: z.array(jobStatusSchema),
    access: 'signed-in',
    // The team lead sees every job; a rep only the jobs they started.
    repScope: 'self',
  }),
  'jobs.cancel': defineCall({
    input: z.object({ id }).strict(),
    output: jobStatusSchema,
    access: 'signed-in',
    // Another person's job answers as not found: a rep cannot stop the team lead's import, nor learn it exists.
    repScope: 'self',
    errors: [JOBS_ERRORS.notFound],
  }),
};

export const jobsEvents = {
  'jobs.progress': jobStatusSchema,
} as const satisfies Record<string, z.ZodType>;

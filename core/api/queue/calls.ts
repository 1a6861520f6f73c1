// Calls of the queue: the leads to work next, most urgent first.
import { z } from 'zod';
import { defineCall, id } from '../contract-kit';
import { workCardSchema } from '../work/schemas';

export const queueCalls = {
  'queue.list': defineCall({
    input: z
      .object({
        repId: z.union([z.literal('all'), id]).optional(),
        limit: z.number().int().min(1).max(1000).default(300),
      })
      .strict(),
    output: z
      .object({
        total: z.number().int(),
        /** Of `total`, the leads whose clock (SLA or scheduled activity) is overdue now: the Dashboard's and the board's number. */
        overdue: z.number().int(),
        items: z.array(workCardSchema),
        now: z.number().int(),
      })
      .strict(),
    access: 'signed-in',
    // A rep's queue holds only their own leads, whatever `repId` says.
    repScope: 'own-leads',
  }),
};

// Calls of the SLA: the policy (clocks per grade, recycling, working calendar) and the scheduler's tick.
import { z } from 'zod';
import { defineCall, empty } from '../contract-kit';
import { slaPolicySchema, tickSummarySchema } from './schemas';

export const slaCalls = {
  'sla.savePolicy': defineCall({
    input: z.object({ policy: slaPolicySchema }).strict(),
    output: slaPolicySchema,
    access: 'team-lead',
  }),
  /** Applies every due SLA action, nurture wake-up and reminder now (the scheduler's tick). */
  'sla.runDue': defineCall({
    input: empty,
    output: tickSummarySchema,
    access: 'team-lead',
    // Not I/O: the tick opens one short transaction per action and yields between them.
    waitsOnIo: true,
  }),
};

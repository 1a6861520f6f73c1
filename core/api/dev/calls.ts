// Calls of the test hooks: refused unless the hub runs with --test-hooks.
import { z } from 'zod';
import { defineCall } from '../contract-kit';
import { tickSummarySchema } from '../sla/schemas';
import { DEV_ERRORS } from './errors';

export const devCalls = {
  /** Moves the hub's clock forward, then ticks. */
  'dev.advanceClock': defineCall({
    input: z.object({ minutes: z.number().int().min(0).max(5_256_000) }).strict(),
    output: tickSummarySchema,
    access: 'team-lead',
    waitsOnIo: true,
    errors: [DEV_ERRORS.testHooksOff],
  }),
};

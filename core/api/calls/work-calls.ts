// Calls and events of one feature: Working the leads: funnel, queue, follow-ups, SLA, pool and notifications (issue 6).
import type { z } from 'zod';

export const workCalls = {} as const;

export const workEvents = {} as const satisfies Record<string, z.ZodType>;

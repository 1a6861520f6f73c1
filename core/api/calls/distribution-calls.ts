// Calls and events of one feature: Distribution rules, assignments, appeals and replay (issue 5).
import type { z } from 'zod';

export const distributionCalls = {} as const;

export const distributionEvents = {} as const satisfies Record<string, z.ZodType>;

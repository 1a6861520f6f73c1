// Calls and events of one feature: Import, export, duplicates and backups (issue 3).
import type { z } from 'zod';

export const importCalls = {} as const;

export const importEvents = {} as const satisfies Record<string, z.ZodType>;

// Shapes of the backups namespace: a backup copy beside the database and what a restore did.
import { z } from 'zod';

export const backupInfoSchema = z
  .object({
    /** The file name in the backups folder. */
    id: z.string(),
    kind: z.enum(['daily', 'manual', 'pre-restore']),
    at: z.number(),
    sizeBytes: z.number(),
    /** Why the retention policy keeps it (one of the last 7 days or 4 weeks, or the newest manual copies). */
    keptAs: z.enum(['daily', 'weekly', 'daily+weekly', 'newest']).nullable(),
  })
  .strict();
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const restoreResultSchema = z
  .object({
    restoredFrom: z.string(),
    /** The copy of the database taken just before restoring. */
    preRestoreBackup: z.string(),
    schemaVersion: z.number(),
  })
  .strict();

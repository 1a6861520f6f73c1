// Backup calls: list the copies beside the database, take one now, restore one. Team lead only.
import { z } from 'zod';
import { defineCall, empty } from '../contract-kit';
import { BACKUPS_ERRORS } from './errors';
import { backupInfoSchema, restoreResultSchema } from './schemas';

export const backupsCalls = {
  'backups.list': defineCall({
    input: empty,
    output: z.array(backupInfoSchema),
    access: 'team-lead',
    waitsOnIo: true,
  }),
  'backups.create': defineCall({
    input: empty,
    output: backupInfoSchema,
    access: 'team-lead',
    waitsOnIo: true,
  }),
  'backups.restore': defineCall({
    input: z.object({ id: z.string().regex(/^[\w.-]{1,120}\.sqlite$/, 'not a backup file name') }).strict(),
    output: restoreResultSchema,
    access: 'team-lead',
    waitsOnIo: true,
    errors: [
      BACKUPS_ERRORS.notFound,
      BACKUPS_ERRORS.damaged,
      BACKUPS_ERRORS.fromNewerVersion,
      BACKUPS_ERRORS.inMemory,
      BACKUPS_ERRORS.jobsRunning,
    ],
  }),
};

export const backupsEvents = {
  'backups.changed': z.object({ reason: z.string() }).strict(),
} as const satisfies Record<string, z.ZodType>;

// Handlers of the backup calls. A manual backup runs as a job, so a process that dies mid-copy leaves a job the
// next start closes as failed (and a `.partial` file it removes) rather than a silent half copy.
import { appendAudit } from '../../store/audit-log';
import { inTransaction } from '../../store/sql';
import { actorLabel, type HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { recoverInterruptedJobs } from '../jobs/recover-jobs';
import type { backupsCalls } from './calls';
import { createBackup, listBackups, pruneBackups, restoreBackup } from './backup-files';
import { BACKUPS_ERRORS } from './errors';
import type { BackupInfo } from './schemas';

export const backupsHandlers: HandlersOf<typeof backupsCalls> = {
  async 'backups.list'(ctx) {
    return listBackups(ctx.db, ctx.now);
  },

  async 'backups.create'(ctx) {
    let backup: BackupInfo | null = null;
    const job = ctx.jobs.start(
      'backup',
      actorLabel(ctx.actor),
      () => () =>
        createBackup(ctx.db, 'manual', ctx.now).then((taken) => {
          backup = taken;
          return { finished: true as const, result: { backupId: taken.id, sizeBytes: taken.sizeBytes } };
        }),
      { params: { kind: 'manual' } },
    );
    const stopped = await ctx.jobs.waitFor(job.id);
    const taken = backup as BackupInfo | null;
    if (stopped.state !== 'done' || taken === null)
      throw new Error(stopped.error?.message ?? `The backup job ended ${stopped.state}.`);
    await pruneBackups(ctx.db, ctx.now);
    inTransaction(ctx.db, () =>
      appendAudit(ctx.db, {
        at: ctx.now,
        actor: actorLabel(ctx.actor),
        action: 'backup.create',
        entity: 'backup',
        entityId: taken.id,
        detail: { sizeBytes: taken.sizeBytes },
      }),
    );
    ctx.emit('backups.changed', { reason: 'created' });
    return taken;
  },

  async 'backups.restore'(ctx, input) {
    const running = ctx.jobs.list().filter((job) => job.state === 'running').length;
    if (running > 0) throw new ServiceError(BACKUPS_ERRORS.jobsRunning, { running });
    const restored = await restoreBackup(ctx.db, input.id, ctx.now);
    // Everything cached from the old database is stale now.
    ctx.scoring.invalidate();
    // The restored file may hold jobs that were running when it was copied: resumed or closed like after a restart.
    recoverInterruptedJobs(ctx);
    inTransaction(ctx.db, () => {
      appendAudit(ctx.db, {
        at: ctx.now,
        actor: actorLabel(ctx.actor),
        action: 'backup.restore',
        entity: 'backup',
        entityId: input.id,
        detail: { preRestoreBackup: restored.preRestoreBackup },
      });
    });
    ctx.emit('backups.changed', { reason: 'restored' });
    ctx.emit('workspace.changed', { reason: 'restored' });
    ctx.emit('leads.changed', { leadIds: [], reason: 'restored' });
    return { restoredFrom: input.id, ...restored };
  },
};

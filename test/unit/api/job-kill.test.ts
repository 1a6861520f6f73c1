// A child process running a background job is killed with SIGKILL mid-job; a fresh service on the same file resumes
// the job or closes it as failed, and nothing is left half written (issue 12).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import { createService, type Service } from '../../../core/api/service';
import type { JobStatus } from '../../../core/api/jobs/schemas';
import { openDatabase } from '../../../core/store/open-database';
import { useTempDir } from '../../helpers/temp-dir';

const makeTempDir = useTempDir();

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function runAndKill(kind: string): Promise<{ dir: string; dbPath: string }> {
  const dir = makeTempDir();
  const dbPath = join(dir, 'fairlead.sqlite');
  const child = spawn(
    resolve('node_modules/.bin/tsx'),
    [resolve('test/unit/api/job-kill-child.ts'), dbPath, kind, dir],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  // tsx runs the script in a node child and exits with its status: 128 + 9 when SIGKILL ended it.
  if (signal !== 'SIGKILL' && code !== 137) throw new Error(`child ended ${code} ${signal}: ${stderr}`);
  return { dir, dbPath };
}

function restart(dbPath: string): Service {
  const db = openDatabase(dbPath);
  const service = createService({ db });
  cleanups.push(() => db.close());
  return service;
}

function jobRow(service: Service, kind: string): { id: string; state: string } {
  const rows = service.db.prepare('SELECT id, state FROM jobs WHERE kind = ?').all(kind) as {
    id: string;
    state: string;
  }[];
  expect(rows).toHaveLength(1);
  return rows[0] as { id: string; state: string };
}

async function settled(service: Service, id: string): Promise<JobStatus> {
  return service.jobs.waitFor(id);
}

describe('a background job killed with SIGKILL', () => {
  it('distribution after an import resumes and takes exactly the leads the killed process had not reached', async () => {
    const { dbPath } = await runAndKill('distribute');
    const before = openDatabase(dbPath);
    const unownedBefore = (
      before
        .prepare('SELECT count(*) AS n FROM leads WHERE import_batch_id IS NOT NULL AND owner_id IS NULL')
        .get() as {
        n: number;
      }
    ).n;
    expect(before.prepare("SELECT state FROM jobs WHERE kind = 'distribute'").get()).toEqual({
      state: 'running',
    });
    before.close();
    expect(unownedBefore).toBeGreaterThan(0);
    const service = restart(dbPath);
    const row = jobRow(service, 'distribute');
    const done = await settled(service, row.id);
    expect(done).toMatchObject({ state: 'done', kind: 'distribute' });
    // Every lead the batch owns went through distribution: each owner has its assignment row.
    const orphans = service.db
      .prepare(
        `SELECT count(*) AS n FROM leads l WHERE l.import_batch_id IS NOT NULL AND l.owner_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.lead_id = l.id)`,
      )
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    // The resumed job took exactly the leads the killed one had not reached (the rest may go to the pool).
    expect(done.kind === 'distribute' ? done.result?.leads : null).toBe(unownedBefore);
    // The resumed job still names its import's batch (the done step finds an import's distribution by it).
    expect(done.batchId).toMatch(/./);
    expect(done.batchId).toBe(done.kind === 'distribute' ? done.result?.batchId : undefined);
  });

  it.each(['rescore', 'train'])('%s resumes under the same job and finishes', async (kind) => {
    const { dbPath } = await runAndKill(kind);
    const service = restart(dbPath);
    const row = jobRow(service, kind);
    expect(await settled(service, row.id)).toMatchObject({ state: 'done', kind });
    if (kind === 'rescore') {
      const stale = service.db
        .prepare(
          'SELECT count(*) AS n FROM leads WHERE deleted_at IS NULL AND score_model_version < (SELECT max(version) FROM scoring_models)',
        )
        .get() as { n: number };
      expect(stale.n).toBe(0);
    } else {
      expect((service.db.prepare('SELECT count(*) AS n FROM learned_models').get() as { n: number }).n).toBe(
        1,
      );
    }
  });

  it('a replay (which writes nothing) is closed as failed with the interrupted reason', async () => {
    const { dbPath } = await runAndKill('replay');
    const service = restart(dbPath);
    const job = service.jobs.get(jobRow(service, 'replay').id);
    expect(job).toMatchObject({ state: 'failed', error: { reason: 'jobs.interrupted' } });
    expect(jobRow(service, 'replay').state).toBe('failed');
  });

  it('a backup is closed as failed and its half copy and journal leftovers are removed', async () => {
    const { dir, dbPath } = await runAndKill('backup');
    const service = restart(dbPath);
    expect(service.jobs.get(jobRow(service, 'backup').id)).toMatchObject({
      state: 'failed',
      error: { reason: 'jobs.interrupted' },
    });
    const left = existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')) : [];
    expect(left.filter((name) => /partial|-wal|-shm|-journal/.test(name))).toEqual([]);
  });

  it('lets a rep list and cancel only their own jobs after a restart', async () => {
    const { dbPath } = await runAndKill('replay');
    const service = restart(dbPath);
    const rep = service.db.prepare('SELECT id FROM reps WHERE is_active = 1 LIMIT 1').get() as { id: string };
    const asRep = createInProcessClient(service, { as: { role: 'rep', repId: rep.id } });
    const asLead = createInProcessClient(service, { as: { role: 'lead' } });
    expect((await asLead.call('jobs.list', {})).map((job) => job.kind)).toContain('replay');
    expect(await asRep.call('jobs.list', {})).toEqual([]);
    const id = jobRow(service, 'replay').id;
    await expect(asRep.call('jobs.cancel', { id })).rejects.toMatchObject({ reason: 'jobs.notFound' });
  });
});

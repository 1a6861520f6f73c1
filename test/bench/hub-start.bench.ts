// How long `npm run hub` takes to answer /api/health on a fresh database, once built (scripts/hub.mjs builds the
// renderer and the host first when they are stale; that one-off build is not timed). Worst of three starts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figure, type Report } from './figure';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hubScript = join(root, 'scripts', 'hub.mjs');
const STARTS = 3;
const GIVE_UP_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * CPU seconds the process and its children (scripts/hub.mjs and the host it starts) have used, from Linux's /proc
 * (null elsewhere): on a shared machine the wall time also counts other people's work, this does not.
 */
function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null;
  const ticks = (id: string) => {
    const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  };
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  // Linux reports in clock ticks of 1/100 s (USER_HZ) on every architecture Node supports.
  return [String(pid), ...children].reduce((sum, id) => sum + ticks(id), 0) / 100;
}

const cpuSeconds: number[] = [];

/** Seconds from spawning `node scripts/hub.mjs` to its first 200 on /api/health; the hub is stopped after. */
async function timeOneStart(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'fairlead-bench-hub-'));
  const port = await freePort();
  const started = performance.now();
  const hub = spawn(
    process.execPath,
    [hubScript, '--port', String(port), '--db', join(dir, 'fairlead.sqlite')],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    while (performance.now() - started < GIVE_UP_MS) {
      if (hub.exitCode !== null) throw new Error(`the hub exited with ${hub.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) {
        const cpu = cpuSecondsOf(hub.pid);
        if (cpu !== null) cpuSeconds.push(cpu);
        return (performance.now() - started) / 1000;
      }
      // Poll again on the next turn of a short timer: the figure's resolution is ~20 ms.
      await new Promise((next) => setTimeout(next, 20));
    }
    throw new Error(`the hub did not answer /api/health within ${GIVE_UP_MS / 1000} s`);
  } finally {
    if (hub.exitCode === null) {
      const exited = new Promise((done) => hub.once('exit', done));
      hub.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(report: Report): Promise<void> {
  const build = spawnSync(process.execPath, [hubScript, '--build-only'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('scripts/hub.mjs --build-only failed');
  const seconds: number[] = [];
  for (let i = 0; i < STARTS; i += 1) seconds.push(await timeOneStart());
  console.log(`# hub starts: ${seconds.map((s) => s.toFixed(2)).join(' s, ')} s`);
  if (cpuSeconds.length > 0) console.log(`# CPU used until ready: ${cpuSeconds.join(' s, ')} s`);
  report(figure('hub_health_ready_s', Math.max(...seconds), 's', '<=', 2));
}

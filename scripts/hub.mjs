// `npm run hub`: builds the renderer if it is missing or older than its sources, then starts core/host.ts.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'out', 'renderer', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sourcesChanged = !existsSync(built) || newestMtime(join(root, 'renderer')) > statSync(built).mtimeMs;
if (sourcesChanged) {
  console.log('Building the renderer…');
  const build = spawnSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const tsx = join(root, 'node_modules', '.bin', 'tsx');
// The same V8 flags the desktop app gives its core process (core/core-v8-flags.ts says why).
const coreFlags = JSON.parse(readFileSync(join(root, 'core', 'core-v8-flags.json'), 'utf8'));
const child = spawn(tsx, [join(root, 'core', 'host.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', ...coreFlags].join(' ').trim() },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

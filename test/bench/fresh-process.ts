// Runs a benchmark's measured part in a fresh process, bundled and run by plain node with the core's V8 flags, as
// the app runs its core: no TypeScript loader in the way, and its time and peak memory are its own, not the setup's.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_V8_FLAGS } from '../../core/core-v8-flags';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Bundles `entry` (a path under test/bench) inside the project, so its bare imports resolve from node_modules, with
 * each worker module of core/worker-modules.json as a file of its own beside it, as the app's builds place them.
 */
export async function bundleForFreshProcess(entry: string): Promise<string> {
  const name = entry.replace(/^.*\//, '').replace(/\.ts$/, '');
  const outdir = join(root, 'node_modules', '.cache', 'fairlead-bench');
  const workers = JSON.parse(readFileSync(join(root, 'core', 'worker-modules.json'), 'utf8')) as Record<
    string,
    string
  >;
  await build({
    entryPoints: {
      [name]: join(root, 'test', 'bench', entry),
      ...Object.fromEntries(Object.entries(workers).map(([worker, path]) => [worker, join(root, path)])),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  return join(outdir, `${name}.mjs`);
}

/** Runs a bundle with arguments; returns the JSON its last line of output holds. */
export function runFreshProcess<T>(bundle: string, args: readonly string[]): T {
  const child = spawnSync(process.execPath, [...CORE_V8_FLAGS, bundle, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    cwd: root,
  });
  if (child.status !== 0) throw new Error(`${bundle} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as T;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

// Runs a benchmark's measured part in a fresh process, bundled and run by plain node with the core's V8 flags, as
// the app runs its core: no TypeScript loader in the way, and its time and peak memory are its own, not the setup's.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_V8_FLAGS } from '../../core/core-v8-flags';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Bundles `entry` (a path under test/bench) inside the project, so its bare imports resolve from node_modules. */
export async function bundleForFreshProcess(entry: string): Promise<string> {
  const name = entry.replace(/^.*\//, '').replace(/\.ts$/, '.mjs');
  const outfile = join(root, 'node_modules', '.cache', 'fairlead-bench', name);
  await build({
    entryPoints: [join(root, 'test', 'bench', entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return outfile;
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

// Benchmark runner: `npm run bench -- <name>` runs test/bench/<name>.bench.ts (no name: all) and prints
// one line per figure as `<figure>: <value> <unit> (target <= <n> <unit>)`, measured in this run. It exits
// non-zero when any figure misses its target, when a benchmark reports no figure, or when one throws.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORE_V8_FLAGS } from '../../core/core-v8-flags';
import type { BenchModule, Figure } from './figure';
import { formatFigure } from './figure';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const known = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''))
  .sort();
const unknown = wanted.filter((name) => !known.includes(name));
const names = wanted.length === 0 ? known : known.filter((name) => wanted.includes(name));

if (unknown.length > 0 || names.length === 0) {
  console.error(`No benchmark named ${unknown.join(', ')}. Known: ${known.join(', ')}`);
  process.exit(1);
}

/**
 * Runs this runner again in a child with the core's V8 flags (core/core-v8-flags.ts), as the app runs the core, and
 * this process's own loader flags (tsx's); answers its exit status.
 */
function runWithCoreFlags(args: readonly string[]): number {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, ...CORE_V8_FLAGS, fileURLToPath(import.meta.url), ...args],
    { stdio: 'inherit' },
  );
  return child.status ?? 1;
}

if (names.length > 1) {
  // Each benchmark in a fresh process, so memory and JIT state of one never colour another's figures.
  const failed = names.filter((name) => runWithCoreFlags([name]) !== 0);
  if (failed.length > 0) console.log(`# failed: ${failed.join(', ')}`);
  process.exit(failed.length > 0 ? 1 : 0);
}

// The benchmarks that measure the core run with its flags, or a young generation four times the app's would
// colour their pauses.
if (!CORE_V8_FLAGS.every((flag) => process.execArgv.includes(flag)))
  process.exit(runWithCoreFlags(process.argv.slice(2)));

const name = names[0] ?? '';
const mod = (await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)) as BenchModule;
console.log(`# ${name}`);
const figures: Figure[] = [];
await mod.run((figure: Figure) => {
  console.log(formatFigure(figure));
  figures.push(figure);
});
const missed = figures.filter((figure) => !figure.met);
if (figures.length === 0) console.log(`# ${name} reported no figure`);
if (missed.length > 0) console.log(`# ${missed.length} figure(s) missed their target`);
process.exit(figures.length === 0 || missed.length > 0 ? 1 : 0);

// Benchmark runner: `npm run bench -- <name>` runs test/bench/<name>.bench.ts (no name: all) and prints
// one line per figure as `<figure>: <value> <unit> (target <= <n> <unit>)`, measured in this run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, Figure } from './figure';
import { formatFigure } from './figure';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.bench\.ts$/, '')))
  .sort();

if (files.length === 0) {
  console.error(
    `No benchmark named ${wanted.join(', ')}. Known: ${readdirSync(here)
      .filter((f) => f.endsWith('.bench.ts'))
      .join(', ')}`,
  );
  process.exit(1);
}

if (files.length > 1) {
  // Each benchmark in a fresh process, so memory and JIT state of one never colour another's figures.
  const tsx = join(here, '..', '..', 'node_modules', '.bin', 'tsx');
  let failed = 0;
  for (const file of files) {
    const child = spawnSync(tsx, [fileURLToPath(import.meta.url), file.replace(/\.bench\.ts$/, '')], {
      stdio: 'inherit',
    });
    if (child.status !== 0) failed += 1;
  }
  process.exit(failed > 0 ? 1 : 0);
}

let missed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  console.log(`# ${file.replace(/\.bench\.ts$/, '')}`);
  await mod.run((figure: Figure) => {
    console.log(formatFigure(figure));
    if (!figure.met) missed += 1;
  });
}
if (missed > 0) console.log(`# ${missed} figure(s) missed their target`);

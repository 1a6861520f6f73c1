// One measured figure of a benchmark and how it prints.
import type { Database } from 'better-sqlite3';
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target: { readonly op: '<=' | '>='; readonly value: number };
  readonly met: boolean;
}

export type Report = (figure: Figure) => void;

export interface BenchModule {
  run(report: Report): Promise<void>;
}

/** Builds a figure and decides whether it met its target. */
export function figure(name: string, value: number, unit: string, op: '<=' | '>=', target: number): Figure {
  const rounded = Math.round(value * 1000) / 1000;
  return {
    name,
    value: rounded,
    unit,
    target: { op, value: target },
    met: op === '<=' ? value <= target : value >= target,
  };
}

/** `<name>: <value> <unit> (target <op> <n> <unit>)`; a count with no unit prints as `<name>: 3 (target <= 0)`. */
export function formatFigure(f: Figure): string {
  const unit = f.unit === '' ? '' : ` ${f.unit}`;
  return `${f.name}: ${f.value}${unit} (target ${f.target.op} ${f.target.value}${unit})`;
}

/** Milliseconds taken by `fn`, measured with the monotonic clock. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** The nearest-rank `p`th percentile of values sorted ascending; NaN for none (a NaN figure meets no target). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * The disk's own cost in this run: `times` small commits each followed by a sync of the WAL, printed beside a figure
 * that waits for them (an empty sync costs next to nothing, so each is preceded by a write).
 */
export async function printDiskSync(db: Database, flush: () => Promise<void>, times = 100): Promise<void> {
  const write = db.prepare(
    "INSERT OR REPLACE INTO settings (key, value_json, updated_at) VALUES ('bench.fsync', ?, 0)",
  );
  const syncs: number[] = [];
  for (let i = 0; i < times; i += 1) {
    write.run(String(i));
    const start = performance.now();
    await flush();
    syncs.push(performance.now() - start);
  }
  db.prepare("DELETE FROM settings WHERE key = 'bench.fsync'").run();
  syncs.sort((a, b) => a - b);
  console.log(
    `# this disk's fsync of the WAL after a small commit, in this run: p50 ${percentile(syncs, 50).toFixed(2)} ms, p99 ${percentile(syncs, 99).toFixed(2)} ms (an acknowledged write waits for one)`,
  );
}

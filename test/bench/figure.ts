// One measured figure of a benchmark and how it prints.
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

export function formatFigure(f: Figure): string {
  return `${f.name}: ${f.value} ${f.unit} (target ${f.target.op} ${f.target.value} ${f.unit})`;
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

// Training examples as sparse rows of interned feature ids: no feature objects kept per lead, each name looked up once.
import type { Lead } from '../lead';
import type { FeatureOptions } from './features';
import { visitFeatures } from './features';
import type { Rows } from './logistic-fit';

/** Every feature name met, by id in first-met order, with the field and probe of its first occurrence. */
export interface FeatureTable {
  readonly ids: Map<string, number>;
  readonly names: string[];
  readonly fields: string[];
  readonly probes: (string | number | undefined)[];
}

/** Examples as rows of feature ids (in the order extractFeatures lists them), their values and outcomes. */
export interface InternedExamples {
  readonly rowPtr: Int32Array;
  readonly ids: Int32Array;
  readonly vals: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
}

export function createFeatureTable(): FeatureTable {
  return { ids: new Map(), names: [], fields: [], probes: [] };
}

/**
 * The features of each group's leads (outcome `y`, measured as of `at(lead)`), rows in group then lead order;
 * names new to `table` are added to it. Same features and order as extractFeatures.
 */
export function internExamples(
  groups: ReadonlyArray<{ readonly leads: readonly Lead[]; readonly y: number }>,
  at: (lead: Lead) => number,
  options: FeatureOptions,
  table: FeatureTable,
): InternedExamples {
  let n = 0;
  for (const g of groups) n += g.leads.length;
  const rowPtr = new Int32Array(n + 1);
  const y = new Float64Array(n);
  // Typed arrays grown by doubling: a plain array of every feature's id and value was a tenth of training.
  let ids = new Int32Array(16 * n + 16);
  let vals = new Float64Array(ids.length);
  let size = 0;
  const visit = (name: string, field: string, value: number, probe?: string | number) => {
    let id = table.ids.get(name);
    if (id === undefined) {
      id = table.names.length;
      table.ids.set(name, id);
      table.names.push(name);
      table.fields.push(field);
      table.probes.push(probe);
    }
    if (size === ids.length) {
      const grownIds = new Int32Array(size * 2);
      grownIds.set(ids);
      ids = grownIds;
      const grownVals = new Float64Array(size * 2);
      grownVals.set(vals);
      vals = grownVals;
    }
    ids[size] = id;
    vals[size] = value;
    size += 1;
  };
  let row = 0;
  for (const g of groups) {
    for (const lead of g.leads) {
      visitFeatures(lead, at(lead), options, visit);
      y[row] = g.y;
      rowPtr[++row] = size;
    }
  }
  // Views, not copies: the arrays live only as long as the training that reads them.
  return { rowPtr, ids: ids.subarray(0, size), vals: vals.subarray(0, size), y, n };
}

/** How many times each feature id occurs in the examples (`size`: ids in the table). */
export function countSupport(examples: InternedExamples, size: number): Int32Array {
  const counts = new Int32Array(size);
  for (const id of examples.ids) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

/**
 * Sparse rows (CSR) for fitting: column 0 the intercept (1), then each feature whose `columnOf[id]` is a column
 * (≥ 1; 0 leaves it out), columns ascending per row, equal columns in feature order.
 */
export function toRows(examples: InternedExamples, columnOf: Int32Array): Rows {
  const cols = new Int32Array(examples.ids.length + examples.n);
  const vals = new Float64Array(cols.length);
  const rowPtr = new Int32Array(examples.n + 1);
  let k = 0;
  for (let i = 0; i < examples.n; i++) {
    const start = k;
    cols[k] = 0;
    vals[k++] = 1;
    for (let f = examples.rowPtr[i] ?? 0, end = examples.rowPtr[i + 1] ?? 0; f < end; f++) {
      const c = columnOf[examples.ids[f] ?? 0] ?? 0;
      if (c === 0) continue;
      // Insertion keeps the row sorted: rows are a few dozen entries.
      let at = k++;
      while (at > start && (cols[at - 1] ?? 0) > c) {
        cols[at] = cols[at - 1] ?? 0;
        vals[at] = vals[at - 1] ?? 0;
        at--;
      }
      cols[at] = c;
      vals[at] = examples.vals[f] ?? 0;
    }
    rowPtr[i + 1] = k;
  }
  return { rowPtr, cols: cols.subarray(0, k), vals: vals.subarray(0, k), y: examples.y, n: examples.n };
}

// The Dashboard's second reader's answer (a KpiPart) as a few typed arrays moved between threads, not thousands of
// objects cloned: its arrival and receipt rows were ~16k objects, and cloning them out of the worker and back into
// objects on the hub's thread cost ~30 ms of each load (bench), while the hub's thread waited.
import type { ArrivalRow } from '../../store/dashboard-kpi';
import type { ReceiptCount } from '../../store/fairness-receipts';
import type { KpiPart } from './kpi-part';

/** Rows of one shape as columns: numbers (null as NaN) row by row, and texts as numbers into a dictionary. */
export interface RowColumns {
  readonly length: number;
  /** numberKeys.length values per row. */
  readonly numbers: Float64Array;
  /** textKeys.length dictionary positions per row. */
  readonly texts: Uint32Array;
  readonly dictionary: readonly (string | null)[];
}

type NumberKeys<R> = readonly { [K in keyof R]: R[K] extends number | null ? K : never }[keyof R][];
type TextKeys<R> = readonly { [K in keyof R]: R[K] extends string | null ? K : never }[keyof R][];

/** `rows` as RowColumns of the named keys (every key of a row must be named in one of the two lists). */
export function encodeRows<R extends object>(
  rows: readonly R[],
  numberKeys: NumberKeys<R>,
  textKeys: TextKeys<R>,
): RowColumns {
  const numbers = new Float64Array(rows.length * numberKeys.length);
  const texts = new Uint32Array(rows.length * textKeys.length);
  const positions = new Map<string | null, number>();
  const dictionary: (string | null)[] = [];
  let n = 0;
  let t = 0;
  for (const row of rows) {
    const fields = row as Record<keyof R, unknown>;
    for (const key of numberKeys) {
      // A SQL sum over nothing but NULLs is null: NaN carries it, as no count or amount is NaN.
      const value = fields[key];
      numbers[n++] = typeof value === 'number' ? value : Number.NaN;
    }
    for (const key of textKeys) {
      const value = fields[key];
      const text = typeof value === 'string' ? value : null;
      let position = positions.get(text);
      if (position === undefined) {
        position = dictionary.length;
        positions.set(text, position);
        dictionary.push(text);
      }
      texts[t++] = position;
    }
  }
  return { length: rows.length, numbers, texts, dictionary };
}

/** The rows encodeRows was given, from its columns and the same key lists. */
export function decodeRows<R extends object>(
  columns: RowColumns,
  numberKeys: NumberKeys<R>,
  textKeys: TextKeys<R>,
): R[] {
  const { numbers, texts, dictionary } = columns;
  const rows: R[] = [];
  let n = 0;
  let t = 0;
  for (let i = 0; i < columns.length; i += 1) {
    const row: Record<string | number | symbol, unknown> = {};
    for (const key of numberKeys) {
      const value = numbers[n++] ?? Number.NaN;
      row[key] = Number.isNaN(value) ? null : value;
    }
    for (const key of textKeys) row[key] = dictionary[texts[t++] ?? 0] ?? null;
    rows.push(row as R);
  }
  return rows;
}

const ARRIVAL_NUMBERS: NumberKeys<ArrivalRow> = [
  'day',
  'furthest',
  'arrived',
  'won',
  'lost',
  'recycled',
  'neverContacted',
  'anyLoss',
  'costFen',
  'revenueFen',
];
const ARRIVAL_TEXTS: TextKeys<ArrivalRow> = ['grade', 'source'];
const RECEIPT_NUMBERS: NumberKeys<ReceiptCount> = ['day', 'count'];
const RECEIPT_TEXTS: TextKeys<ReceiptCount> = ['repId', 'kind', 'grade'];

/** A KpiPart with its arrival and receipt rows as columns (the rest is small, or typed arrays already). */
export interface EncodedKpiPart extends Omit<KpiPart, 'arrivals' | 'receipts'> {
  readonly arrivals: RowColumns;
  readonly receipts: RowColumns;
}

export function encodeKpiPart(part: KpiPart): EncodedKpiPart {
  return {
    ...part,
    arrivals: encodeRows(part.arrivals, ARRIVAL_NUMBERS, ARRIVAL_TEXTS),
    receipts: encodeRows(part.receipts, RECEIPT_NUMBERS, RECEIPT_TEXTS),
  };
}

export function decodeKpiPart(encoded: EncodedKpiPart): KpiPart {
  return {
    ...encoded,
    arrivals: decodeRows(encoded.arrivals, ARRIVAL_NUMBERS, ARRIVAL_TEXTS),
    receipts: decodeRows(encoded.receipts, RECEIPT_NUMBERS, RECEIPT_TEXTS),
  };
}

/** The buffers an encoded part can hand over to the receiving thread instead of copying (the sender loses them). */
export function transferablesOf(encoded: EncodedKpiPart): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  // An empty array is left alone: EMPTY_RESPONSE_TALLY's is shared by every tally of the thread.
  const add = (array: { readonly buffer: ArrayBufferLike; readonly byteLength: number }) => {
    if (array.byteLength > 0 && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  };
  for (const columns of [encoded.arrivals, encoded.receipts]) {
    add(columns.numbers);
    add(columns.texts);
  }
  const { tallies } = encoded;
  for (const tally of [
    tallies.current,
    tallies.previous,
    ...tallies.byGrade,
    ...tallies.byDay,
    ...tallies.byRep.values(),
  ])
    add(tally.minutes);
  return [...buffers];
}

// The second reader's answer as columns (kpi-part-codec.ts) decodes to the rows it encoded, nulls included, and its
// typed arrays can move to another thread: after a real transfer the sender's arrays are gone, the receiver's whole.
import fc from 'fast-check';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  decodeKpiPart,
  decodeRows,
  encodeKpiPart,
  encodeRows,
  transferablesOf,
} from '../../../core/api/dashboard/kpi-part-codec';
import type { KpiPart } from '../../../core/api/dashboard/kpi-part';
import { EMPTY_RESPONSE_TALLY } from '../../../core/domain/kpi/response-groups';
import { asRepId } from '../../../core/domain/ids';

interface Row {
  day: number;
  costFen: number | null;
  grade: string | null;
  source: string | null;
}

const rowArb = fc.record({
  day: fc.integer({ min: -1e6, max: 1e6 }),
  costFen: fc.option(fc.double({ noNaN: true }), { nil: null }),
  grade: fc.option(fc.constantFrom('A', 'B', ''), { nil: null }),
  source: fc.option(fc.string(), { nil: null }),
});

describe('the KPI part codec', () => {
  it('decodes exactly the rows it encoded', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
        const columns = encodeRows<Row>(rows, ['day', 'costFen'], ['grade', 'source']);
        expect(decodeRows<Row>(columns, ['day', 'costFen'], ['grade', 'source'])).toEqual(rows);
      }),
    );
  });

  it('a part survives a transfer to another thread, its arrays moved, not copied', () => {
    const tally = { assigned: 3, decided: 2, within: 1, minutes: Float64Array.of(1.5, 7, 30) };
    const part: KpiPart = {
      arrivals: [
        {
          day: 20_400,
          grade: 'A',
          source: '官网',
          furthest: 4,
          arrived: 3,
          won: 1,
          lost: 1,
          recycled: 0,
          neverContacted: 1,
          anyLoss: 2,
          costFen: 15_000,
          revenueFen: 880_000,
        },
        {
          day: 20_401,
          grade: null,
          source: null,
          furthest: 0,
          arrived: 1,
          won: 0,
          lost: 0,
          recycled: 1,
          neverContacted: 1,
          anyLoss: 1,
          costFen: null as unknown as number,
          revenueFen: 0,
        },
      ],
      tallies: {
        current: tally,
        previous: EMPTY_RESPONSE_TALLY,
        byGrade: [tally],
        byRep: new Map([['rep_1', tally]]),
        byDay: [EMPTY_RESPONSE_TALLY],
      },
      receipts: [
        { repId: asRepId('rep_1'), kind: 'auto', grade: 'A', day: 20_400, count: 2 },
        { repId: asRepId('rep_2'), kind: 'claim', grade: null, day: 20_401, count: 1 },
      ],
      receivedByGrade: new Map([['rep_1', { A: 1, B: 0, C: 0, D: 0, ungraded: 2 }]]),
      notContactedLeads: 4,
      closures: null,
      activity: { followUpsByRep: [{ repId: 'rep_1', count: 9 }], stays: [] },
    };
    const expected = structuredClone(part);
    const encoded = encodeKpiPart(part);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(encoded, transferablesOf(encoded));
    const received = receiveMessageOnPort(port2)?.message as typeof encoded;
    port1.close();
    expect(decodeKpiPart(received)).toEqual(expected);
    // Moved: the sender's tally minutes and columns are detached; the shared empty tally is left alone.
    expect(tally.minutes.length).toBe(0);
    expect(encoded.arrivals.numbers.length).toBe(0);
    expect((encoded.tallies.current.minutes.buffer as ArrayBuffer & { detached: boolean }).detached).toBe(
      true,
    );
    expect((EMPTY_RESPONSE_TALLY.minutes.buffer as ArrayBuffer & { detached: boolean }).detached).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDateColumn, parseDateValue } from '../../../../core/domain/history/parse-dates';
import type { DateParse } from '../../../../core/domain/history/parse-dates';

const HOUR = 3_600_000;
/** Epoch ms of a wall-clock time in China (+08:00). */
const cst = (y: number, m: number, d: number, h = 0, min = 0, s = 0) =>
  Date.UTC(y, m - 1, d, h, min, s) - 8 * HOUR;
const valueOf = (parsed: DateParse) => (parsed.ok ? parsed.value : parsed.reason);

describe('parseDateValue', () => {
  it.each([
    ['2024-03-05', cst(2024, 3, 5)],
    ['2024/3/5 14:07', cst(2024, 3, 5, 14, 7)],
    ['2024/03/05 14:07:09', cst(2024, 3, 5, 14, 7, 9)],
    ['2024.3.5', cst(2024, 3, 5)],
    ['2024-03-05T14:07:00+08:00', cst(2024, 3, 5, 14, 7)],
    ['2024-03-05T06:07:00Z', cst(2024, 3, 5, 14, 7)],
    ['2024-03-05T14:07:00.250+0800', cst(2024, 3, 5, 14, 7) + 250],
    ['2024年3月5日', cst(2024, 3, 5)],
    ['2024年03月05日 14时07分', cst(2024, 3, 5, 14, 7)],
    ['2024年3月5日 14:07', cst(2024, 3, 5, 14, 7)],
    ['2024/3/5 下午2:07', cst(2024, 3, 5, 14, 7)],
    ['2024/3/5 2:07 PM', cst(2024, 3, 5, 14, 7)],
    ['20240305', cst(2024, 3, 5)],
    ['２０２４／３／５　１４：０７', cst(2024, 3, 5, 14, 7)],
    ['45356', cst(2024, 3, 5)],
    ['45356.5875', cst(2024, 3, 5, 14, 6)],
  ])('reads %s', (raw, expected) => {
    expect(valueOf(parseDateValue(raw))).toBe(expected);
  });

  it('reads a day-first dotted date in a day-first column', () => {
    expect(valueOf(parseDateValue('05.03.2024', { order: 'DMY' }))).toBe(cst(2024, 3, 5));
  });

  it('reads 03/05/2024 as March in a month-first column and as May in a day-first one', () => {
    expect(valueOf(parseDateValue('03/05/2024', { order: 'MDY' }))).toBe(cst(2024, 3, 5));
    expect(valueOf(parseDateValue('03/05/2024', { order: 'DMY' }))).toBe(cst(2024, 5, 3));
  });

  it('reads 5/3/2024 as 5 March in a day-first column', () => {
    expect(valueOf(parseDateValue('5/3/2024', { order: 'DMY' }))).toBe(cst(2024, 3, 5));
  });

  it('refuses to guess the order of 03/05/2024 when the column has none', () => {
    expect(parseDateValue('03/05/2024')).toEqual({ ok: false, reason: 'ambiguous_order' });
  });

  it('reads a day/month date whose own parts decide the order without a column order', () => {
    expect(valueOf(parseDateValue('25/12/2024'))).toBe(cst(2024, 12, 25));
    expect(valueOf(parseDateValue('12/25/2024'))).toBe(cst(2024, 12, 25));
    expect(valueOf(parseDateValue('05/05/2024'))).toBe(cst(2024, 5, 5));
  });

  it('reads two-digit years the way Excel does', () => {
    expect(valueOf(parseDateValue('3/5/24', { order: 'MDY' }))).toBe(cst(2024, 3, 5));
    expect(valueOf(parseDateValue('3/5/95', { order: 'MDY' }))).toBe(cst(1995, 3, 5));
  });

  it('says a value contradicts the column order when only the other order reads it', () => {
    expect(parseDateValue('25/12/2024', { order: 'MDY' })).toEqual({
      ok: false,
      reason: 'contradicts_order',
    });
  });

  it('uses the team offset for values without a zone and ignores it for values with one', () => {
    expect(valueOf(parseDateValue('2024-03-05 14:07', { order: null }, 0))).toBe(Date.UTC(2024, 2, 5, 14, 7));
    expect(valueOf(parseDateValue('2024-03-05 14:07', { order: null }, -300))).toBe(
      Date.UTC(2024, 2, 5, 19, 7),
    );
    expect(valueOf(parseDateValue('2024-03-05T14:07:00+08:00', { order: null }, 0))).toBe(
      cst(2024, 3, 5, 14, 7),
    );
  });

  it('counts Excel serials in the 1900 system, whose fictional 29 February 1900 is not a date', () => {
    expect(valueOf(parseDateValue('1', { order: null }, 0))).toBe(Date.UTC(1900, 0, 1));
    expect(valueOf(parseDateValue('59', { order: null }, 0))).toBe(Date.UTC(1900, 1, 28));
    expect(parseDateValue('60', { order: null }, 0)).toEqual({ ok: false, reason: 'nonexistent_date' });
    expect(valueOf(parseDateValue('61', { order: null }, 0))).toBe(Date.UTC(1900, 2, 1));
    expect(valueOf(parseDateValue('25569', { order: null }, 0))).toBe(0);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['明天', 'unrecognized'],
    ['2024-02-30', 'nonexistent_date'],
    ['2023-02-29', 'nonexistent_date'],
    ['13/14/2024', 'nonexistent_date'],
    ['2024/3/5 25:00', 'invalid_time'],
    ['2024/3/5 14:07 +25:00', 'invalid_zone'],
    ['2024/3/5 午饭后', 'invalid_time'],
    ['0', 'out_of_range'],
  ])('rejects %j as %s', (raw, reason) => {
    expect(parseDateValue(raw)).toEqual({ ok: false, reason });
  });

  it('keeps dates inside the column year range', () => {
    expect(parseDateValue('12', { order: null, minYear: 1980 })).toEqual({
      ok: false,
      reason: 'out_of_range',
    });
    expect(valueOf(parseDateValue('2024-03-05', { order: null, minYear: 1980, maxYear: 2100 }))).toBe(
      cst(2024, 3, 5),
    );
  });

  it('reads the same instant from every form it writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }).map((ms) => ms - (ms % 60_000)),
        (utcMs) => {
          const wall = new Date(utcMs + 8 * HOUR);
          const y = wall.getUTCFullYear();
          const mo = wall.getUTCMonth() + 1;
          const d = wall.getUTCDate();
          const h = wall.getUTCHours();
          const mi = String(wall.getUTCMinutes()).padStart(2, '0');
          const serial = (utcMs + 8 * HOUR) / 86_400_000 + 25569;
          const forms = [
            `${y}/${mo}/${d} ${h}:${mi}`,
            `${y}年${mo}月${d}日 ${h}时${mi}分`,
            `${String(d).padStart(2, '0')}.${String(mo).padStart(2, '0')}.${y} ${h}:${mi}`,
            new Date(utcMs).toISOString(),
            String(serial),
          ];
          for (const form of forms) expect(valueOf(parseDateValue(form, { order: 'DMY' }))).toBe(utcMs);
        },
      ),
    );
  });
});

describe('analyzeDateColumn', () => {
  it('asks for the order when no value decides it, with telling examples', () => {
    const result = analyzeDateColumn(['03/05/2024', '04/06/2024', '03/05/2024', '', '11/12/2024']);
    expect(result.kind).toBe('ambiguous');
    if (result.kind !== 'ambiguous') return;
    expect(result.candidates).toEqual(['MDY', 'DMY']);
    expect(result.ambiguousCount).toBe(4);
    expect(result.examples).toEqual([
      { raw: '03/05/2024', asMDY: '2024-03-05', asDMY: '2024-05-03' },
      { raw: '04/06/2024', asMDY: '2024-04-06', asDMY: '2024-06-04' },
      { raw: '11/12/2024', asMDY: '2024-11-12', asDMY: '2024-12-11' },
    ]);
  });

  it('parses an ambiguous column in the order the team lead chose', () => {
    const values = ['03/05/2024', '04/06/2024 09:30'];
    const result = analyzeDateColumn(values, { order: 'DMY' });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.format.order).toBe('DMY');
    expect(values.map((v) => valueOf(result.parse(v)))).toEqual([cst(2024, 5, 3), cst(2024, 6, 4, 9, 30)]);
  });

  it('lets one day above 12 decide the order of the whole column', () => {
    const result = analyzeDateColumn(['03/05/2024', '04/06/2024', '25/12/2024']);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.format.order).toBe('DMY');
    expect(valueOf(result.parse('03/05/2024'))).toBe(cst(2024, 5, 3));
  });

  it('lets one month-first value above 12 decide a month-first column', () => {
    const result = analyzeDateColumn(['03/05/2024', '12/25/2024']);
    expect(result.kind === 'ok' && result.format.order).toBe('MDY');
  });

  it('reports the values against the decided order with their rows', () => {
    const result = analyzeDateColumn(['25/12/2024', '26/12/2024', '12/27/2024']);
    expect(result.kind).toBe('ok');
    expect(result.badExamples).toEqual([{ row: 4, raw: '12/27/2024', reason: 'contradicts_order' }]);
  });

  it('asks when the deciding values contradict each other evenly', () => {
    expect(analyzeDateColumn(['25/12/2024', '12/25/2024', '03/05/2024']).kind).toBe('ambiguous');
  });

  it('reports invalid dates with their spreadsheet rows and keeps the column usable', () => {
    const result = analyzeDateColumn(['2024-03-05', '2024-02-30', '下周', '2024-03-06', '2024-03-07'], {
      rows: [10, 11, 12, 13, 14],
    });
    expect(result.kind).toBe('ok');
    expect(result.invalidCount).toBe(2);
    expect(result.badExamples).toEqual([
      { row: 11, raw: '2024-02-30', reason: 'nonexistent_date' },
      { row: 12, raw: '下周', reason: 'unrecognized' },
    ]);
  });

  it('calls a column of mostly non-dates invalid', () => {
    const result = analyzeDateColumn(['张三', '李四', '2024-03-05']);
    expect(result.kind).toBe('invalid');
    expect(result.badExamples.map((b) => b.row)).toEqual([2, 3]);
  });

  it('does not read stray small numbers as 1900 dates', () => {
    const result = analyzeDateColumn(['45356', '45357', '3']);
    expect(result.badExamples).toEqual([{ row: 4, raw: '3', reason: 'out_of_range' }]);
  });

  it('counts the forms it saw, mixed forms included', () => {
    const result = analyzeDateColumn(['2024/3/5 14:07', '2024年3月5日', '45356.5875', '']);
    expect(result.kind).toBe('ok');
    expect(result.forms).toEqual({ ymd: 1, chinese: 1, serial: 1 });
    expect(result.empty).toBe(1);
  });

  it('hints how many dates each reading would put in the future, without choosing', () => {
    const now = cst(2024, 6, 1);
    const result = analyzeDateColumn(['03/05/2024', '01/08/2024'], { now });
    expect(result.kind).toBe('ambiguous');
    if (result.kind !== 'ambiguous') return;
    expect(result.futureCount).toEqual({ MDY: 0, DMY: 1 });
  });
});

describe('analyzeDateColumn keeps what it read', () => {
  it('holds each value as parse reads it, NaN where it does not parse, so rows need not be read twice', () => {
    const values = [
      '2024/6/10 07:34',
      '2024年6月10日',
      '',
      '13/02/2024',
      'not a date',
      '45000',
      '2024-07-07 14:52',
    ];
    const analysis = analyzeDateColumn(values);
    if (analysis.kind !== 'ok') throw new Error(`expected ok, got ${analysis.kind}`);
    values.forEach((raw, i) => {
      const again = analysis.parse(raw);
      expect(analysis.parsed[i]).toBe(again.ok ? again.value : Number.NaN);
    });
    expect(Number.isNaN(analysis.parsed[4])).toBe(true);
  });
});

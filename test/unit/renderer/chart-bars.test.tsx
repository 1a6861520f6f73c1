// The Dashboard's bars as data and their words: what each bar opens, no link before its count is known, and the
// response-time buckets named in both languages.
import { describe, expect, it } from 'vitest';
import { RESPONSE_HISTOGRAM_EDGES } from '../../../core/domain/kpi/response-time';
import dashboardEn from '../../../renderer/src/features/dashboard/i18n.en.json';
import dashboardZh from '../../../renderer/src/features/dashboard/i18n.zh-CN.json';
import { bucketWords } from '../../../renderer/src/features/dashboard/PeriodCharts';
import {
  arrivalBars,
  funnelBars,
  responseBars,
  type ResponseBuckets,
} from '../../../renderer/src/features/dashboard/chart-bars';
import { createI18n } from '../../../renderer/src/i18n';
import { ROW } from './dashboard-fixtures';

const histogram = [0, ...RESPONSE_HISTOGRAM_EDGES].map((from, i) => ({
  from,
  to: RESPONSE_HISTOGRAM_EDGES[i] ?? null,
  count: i === 0 ? 3 : i === 2 ? 1 : 0,
}));
const row = { ...ROW, response: { ...ROW.response, current: { ...ROW.response.current, histogram } } };
const buckets = (handOvers: (i: number) => number): ResponseBuckets => ({
  buckets: histogram.map((b, i) => ({
    from: b.from,
    to: b.to,
    handOvers: handOvers(i),
    leads: i === 0 ? 2 : b.count,
  })),
});

describe('the Dashboard’s bars', () => {
  it('opens each day’s arrivals on that day alone', () => {
    const bars = arrivalBars(row);
    expect(bars).toHaveLength(row.seriesDates.length);
    for (const [i, bar] of bars.entries()) {
      const date = row.seriesDates[i] ?? '';
      expect(bar.drill).toEqual({ metric: 'arrived', from: date, to: date });
      expect(bar.count).toBe(row.arrivalsSeries[i]);
    }
  });

  it('opens the arrivals that reached each funnel stage', () => {
    expect(funnelBars(row).map((bar) => [bar.drill, bar.count])).toEqual(
      row.funnel.map((step) => [{ metric: 'reached', stage: step.stage }, step.reached]),
    );
  });

  it('counts a response-time bar’s leads (each once) only once the buckets agree with the histogram', () => {
    expect(responseBars(row, undefined).every((bar) => bar.count === null)).toBe(true);
    const agreeing = responseBars(
      row,
      buckets((i) => histogram[i]?.count ?? 0),
    );
    expect(agreeing.map((bar) => bar.value)).toEqual([3, 0, 1, 0, 0, 0, 0]);
    expect(agreeing.map((bar) => bar.count)).toEqual([2, 0, 1, 0, 0, 0, 0]);
    expect(agreeing.map((bar) => bar.drill)).toEqual(
      histogram.map((_b, i) => ({ metric: 'response_bucket', bucket: i })),
    );
    // Figures from another moment (a hand-over since): no count, so no link, rather than a wrong one.
    const stale = responseBars(
      row,
      buckets((i) => (i === 0 ? 4 : (histogram[i]?.count ?? 0))),
    );
    expect(stale[0]?.count).toBeNull();
  });

  it('names the response-time buckets in words, in Chinese and in English', () => {
    const zh = createI18n('zh-CN');
    zh.addResourceBundle('zh-CN', 'translation', dashboardZh, true, false);
    const en = createI18n('en');
    en.addResourceBundle('en', 'translation', dashboardEn, true, false);
    expect(histogram.map((b) => bucketWords(b.from, b.to, zh.t, 'zh-CN'))).toEqual([
      '5 分钟以内',
      '5–15 分钟',
      '15–30 分钟',
      '30 分钟–1 小时',
      '1–4 小时',
      '4 小时–1 个工作日',
      '1 个工作日及以上',
    ]);
    expect(histogram.map((b) => bucketWords(b.from, b.to, en.t, 'en'))).toEqual([
      'under 5 min',
      '5–15 min',
      '15–30 min',
      '30 min–1 h',
      '1–4 h',
      '4 h–1 workday',
      '1 workday or more',
    ]);
    expect(bucketWords(1080, null, en.t, 'en')).toBe('2 workdays or more');
  });
});

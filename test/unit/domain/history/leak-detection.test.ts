import { describe, expect, it } from 'vitest';
import type { FunnelStage } from '../../../../core/domain/funnel';
import { detectLeaks, matchLeakyHeader } from '../../../../core/domain/history/leak-detection';
import type { LeakColumn } from '../../../../core/domain/history/leak-detection';
import { extractFeatures } from '../../../../core/domain/scoring/features';
import { makeLead, NOW } from '../scoring/lead-fixtures';

const ROWS = 1000;
// Every fifth lead won (20%); the rest lost, and every 50th has no outcome yet.
const outcomes: (FunnelStage | null)[] = Array.from({ length: ROWS }, (_, i) =>
  i % 50 === 49 ? 'sql' : i % 5 === 0 ? 'won' : 'lost',
);
const column = (header: string, value: (i: number) => string, target?: string): LeakColumn => ({
  header,
  values: Array.from({ length: ROWS }, (_, i) => value(i)),
  ...(target === undefined ? {} : { target }),
});
const REGIONS = ['上海', '北京', '深圳', '广州', '杭州', '成都', '武汉'];
const region = column('地区', (i) => REGIONS[i % 7] ?? '', 'region');
// A rep's tag written after the deal: 高 only on won leads.
const tag = column('客户分层', (i) =>
  outcomes[i] === 'won' ? (i % 3 === 0 ? '中' : '高') : i % 2 ? '中' : '低',
);
// A genuinely strong predictor: 制造 wins 80% of the time, the rest 5%.
const industry = column(
  '行业',
  (i) => {
    if (outcomes[i] === 'won') return (i / 5) % 5 === 0 ? '软件' : '制造';
    return i % 40 === 1 ? '制造' : '软件';
  },
  'industry',
);

describe('detectLeaks', () => {
  it('flags a value that appears only on won leads, with its counts', () => {
    const report = detectLeaks([tag], outcomes);
    expect(report.flags).toHaveLength(1);
    const [flag] = report.flags;
    expect(flag).toMatchObject({
      column: '客户分层',
      field: 'custom.客户分层',
      reason: 'predicts_outcome',
      evidence: { value: '高', lost: 0 },
      excludeByDefault: true,
    });
    expect(flag?.evidence.won).toBeGreaterThan(100);
    expect(flag?.detail).toBe(`The value "高" appears on ${flag?.evidence.won} won and 0 lost leads`);
    expect(report.excludeFields).toEqual(['custom.客户分层']);
  });

  it('leaves an innocent column alone', () => {
    expect(detectLeaks([region], outcomes).flags).toEqual([]);
  });

  it('leaves a strong but imperfect predictor alone', () => {
    expect(detectLeaks([industry], outcomes).flags).toEqual([]);
  });

  it('flags a column filled only for won leads', () => {
    const amount = column('金额', (i) => (outcomes[i] === 'won' ? String(1000 + i) : ''));
    const [flag] = detectLeaks([amount], outcomes).flags;
    expect(flag).toMatchObject({
      reason: 'filled_only_for_outcome',
      evidence: { pattern: 'filled', lost: 0 },
    });
  });

  it('flags a column filled only for lost leads', () => {
    const notes = column('备注2', (i) => (outcomes[i] === 'won' ? '' : `第${i % 7}次`));
    const [flag] = detectLeaks([notes], outcomes).flags;
    expect(flag).toMatchObject({
      reason: 'filled_only_for_outcome',
      evidence: { pattern: 'filled', won: 0 },
    });
  });

  it('flags a column that every won lead has filled and only some lost ones', () => {
    const visits = column('回访记录', (i) => (outcomes[i] === 'won' || i % 2 === 0 ? `回访${i % 4}` : ''));
    const [flag] = detectLeaks([visits], outcomes).flags;
    expect(flag).toMatchObject({ reason: 'filled_only_for_outcome', evidence: { pattern: 'empty', won: 0 } });
  });

  it('flags a leaky header by name and by data separately', () => {
    const quality = column('线索质量', (i) => (outcomes[i] === 'won' ? '高' : i % 2 ? '中' : '低'));
    expect(detectLeaks([quality], outcomes).flags.map((f) => f.reason)).toEqual(['name', 'predicts_outcome']);
  });

  it('flags a lost-reason column by name even when there are too few outcomes to judge the data', () => {
    const few = outcomes.slice(0, 30);
    const reason = column('输单原因', (i) => (i % 5 === 0 ? '' : '价格太高'));
    const report = detectLeaks([{ ...reason, values: reason.values.slice(0, 30) }], few);
    expect(report.dataChecked).toBe(false);
    expect(report.flags).toMatchObject([{ reason: 'name', evidence: { matched: '输单原因' } }]);
  });

  it('names fields the way the learned model does', () => {
    const budget = column('预算', (i) => (outcomes[i] === 'won' ? '50000' : ''), 'budget');
    const report = detectLeaks([budget, tag], outcomes);
    expect(report.excludeFields).toEqual(['bant.budget', 'custom.客户分层']);
    const lead = makeLead({ customFields: { 客户分层: '高', 渠道等级: '一级' }, bant: { budget: 50_000 } });
    const names = extractFeatures(lead, NOW, { excludeFields: report.excludeFields }).map((f) => f.name);
    expect(names).toContain('custom.渠道等级=一级');
    expect(names.some((n) => n.startsWith('custom.客户分层') || n.startsWith('bant.budget'))).toBe(false);
  });

  it('skips ignored columns', () => {
    expect(detectLeaks([{ ...tag, header: '阶段', target: 'ignore' }], outcomes).flags).toEqual([]);
  });
});

describe('matchLeakyHeader', () => {
  it.each([
    ['输单原因', 'lost reason'],
    ['丢单原因', 'lost reason'],
    ['Lost Reason', 'lost reason'],
    ['成交日期', 'close date'],
    ['Close Date', 'close date'],
    ['合同金额', 'won amount'],
    ['Won Amount', 'won amount'],
    ['线索质量', 'rep rating'],
    ['Lead Quality', 'rep rating'],
    ['客户评级', 'rep rating'],
    ['Sales assigned tag', 'rep tag'],
    ['销售阶段', 'stage'],
    ['Lead Status', 'stage'],
  ])('recognizes %s as a %s', (header, kind) => {
    expect(matchLeakyHeader(header)?.kind).toBe(kind);
  });

  it.each(['行业', '地区', 'Wonderful Products', '渠道等级', 'Company size', '需求'])(
    'leaves %s alone',
    (header) => {
      expect(matchLeakyHeader(header)).toBeNull();
    },
  );
});

describe('contact details in leak detection', () => {
  const outcomes: FunnelStage[] = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 'won' : 'lost'));

  it('flags a phone column filled only on won leads', () => {
    const phone = {
      header: '手机',
      target: 'phone',
      values: outcomes.map((o, i) => (o === 'won' ? `1380000${String(i).padStart(4, '0')}` : '')),
    };
    expect(detectLeaks([phone], outcomes).flags.map((f) => f.reason)).toEqual(['filled_only_for_outcome']);
  });

  it('never calls one contact value a predictor, however often it repeats', () => {
    const email = {
      header: '邮箱',
      target: 'email',
      values: outcomes.map((o, i) => (o === 'won' ? 'sales@example.com' : `c${i}@example.com`)),
    };
    expect(detectLeaks([email], outcomes).flags).toEqual([]);
  });
});

// Rule linter: 50 rules over 50 reps with four weeks of recent leads (5,600) — the time one lint takes, median of
// 15 runs after warm-up, in CPU time of this process (the shared 2-core machine's load swings wall time 5×; the
// wall-clock median is printed beside). Prints linter_50_rules_50_reps_ms.
import { createRng } from '../../core/domain/clock';
import type { DistributionRule } from '../../core/domain/distribution/types';
import { asRepId } from '../../core/domain/ids';
import type { Rep } from '../../core/domain/rep';
import { lintRules } from '../../core/domain/rule-lint/lint-rules';
import { blankLead } from '../helpers/blank-lead';
import { figure, percentile, timeMs, type Report } from './figure';

const NOW = Date.UTC(2026, 6, 1, 2, 0, 0);
const DAY = 86_400_000;
const REGIONS = ['华东', '华南', '华北', '西南', '西北', '东北', '华中', '港澳'];
const INDUSTRIES = ['制造', '零售', '教育', '医疗', '金融', '物流', '软件', '地产', '能源', '餐饮'];
const SOURCES = ['官网表单', '百度推广', '展会', '转介绍', '抖音'];
const GRADES = ['A', 'B', 'C', 'D'] as const;

function pick<T>(list: readonly T[], rng: () => number): T {
  return list[Math.floor(rng() * list.length)] as T;
}

function team(rng: () => number): Rep[] {
  return Array.from({ length: 50 }, (_, i) => ({
    id: asRepId(`rep-${String(i).padStart(2, '0')}`),
    name: `销售${i}`,
    email: null,
    phone: null,
    tier: (['senior', 'mid', 'junior'] as const)[i % 3] ?? 'mid',
    skills: [pick(INDUSTRIES, rng), pick(INDUSTRIES, rng)],
    regions: [pick(REGIONS, rng)],
    weight: 1 + (i % 3),
    capOpen: 200,
    capDaily: 4 + (i % 5),
    isActive: i !== 49,
    isOutOfOffice: i === 48,
    leave: i % 10 === 0 ? [{ from: '2026-07-02', to: '2026-07-05' }] : [],
    joinedOn: '2024-01-01',
  }));
}

function rules(rng: () => number): DistributionRule[] {
  const out: DistributionRule[] = Array.from({ length: 49 }, (_, i) => ({
    id: `rule-${i}`,
    name: `规则 ${i}`,
    enabled: i % 17 !== 16,
    conditions: [
      { field: 'region', op: 'in', values: [pick(REGIONS, rng), pick(REGIONS, rng)] },
      { field: 'industry', op: 'equals', value: pick(INDUSTRIES, rng) },
      ...(i % 3 === 0 ? [{ field: 'grade' as const, op: 'in' as const, values: [pick(GRADES, rng)] }] : []),
      ...(i % 4 === 0
        ? [{ field: 'score' as const, op: 'range' as const, min: 40 + (i % 30), max: 100 }]
        : []),
      ...(i % 5 === 0
        ? [{ field: 'source' as const, op: 'equals' as const, value: pick(SOURCES, rng) }]
        : []),
    ],
    target: i % 2 === 0 ? { kind: 'territory' } : { kind: 'skill', tags: [pick(INDUSTRIES, rng)] },
    method: i % 2 === 0 ? 'load-balanced' : 'skill-match',
  }));
  out.push({
    id: 'fallback',
    name: '兜底',
    enabled: true,
    conditions: [],
    target: { kind: 'everyone' },
    method: 'round-robin',
  });
  return out;
}

export async function run(report: Report): Promise<void> {
  const rng = createRng(20260701);
  const reps = team(rng);
  const ruleList = rules(rng);
  const history = Array.from({ length: 28 * 200 }, (_, i) => {
    const score = Math.floor(rng() * 100);
    return blankLead(`h-${i}`, {
      name: `客户${i}`,
      createdAt: NOW - DAY * 28 + Math.floor((i / (28 * 200)) * DAY * 28),
      region: pick(REGIONS, rng),
      industry: pick(INDUSTRIES, rng),
      source: pick(SOURCES, rng),
      score,
      grade: score > 80 ? 'A' : score > 60 ? 'B' : score > 40 ? 'C' : 'D',
    });
  });
  const lint = () =>
    lintRules({ rules: ruleList, reps, history, historyDays: 28, now: NOW, utcOffsetMinutes: 480 });
  const warnings = lint().warnings.length;
  for (let i = 0; i < 3; i += 1) lint();
  const times: number[] = [];
  const walls: number[] = [];
  for (let i = 0; i < 15; i += 1) {
    const before = process.cpuUsage();
    walls.push(await timeMs(lint));
    const spent = process.cpuUsage(before);
    times.push((spent.user + spent.system) / 1000);
  }
  times.sort((a, b) => a - b);
  walls.sort((a, b) => a - b);
  console.log(
    `# ${warnings} warnings; wall median ${percentile(walls, 50).toFixed(1)} ms, CPU p95 ${percentile(times, 95).toFixed(1)} ms`,
  );
  report(figure('linter_50_rules_50_reps_ms', percentile(times, 50), 'ms', '<=', 100));
}

// A seeded generator of past won/lost leads with a known (planted) signal, for tests, benchmarks and demos.
import type { Rng } from '../clock';
import { createRng, DAY_MS } from '../clock';
import { asLeadId } from '../ids';
import type { Bant, BehaviourEvent, Lead } from '../lead';
import { BEHAVIOUR_KINDS } from '../lead';

export interface SyntheticHistoryOptions {
  readonly count: number;
  readonly seed: number;
  /** Epoch ms; every lead is created within the year before and closed by then. */
  readonly now: number;
  /** 'planted': decision-makers and 制造 convert far more; 'none': outcome is a 30% coin flip. */
  readonly signal: 'planted' | 'none';
}

/**
 * The feature names that carry the planted signal (see extractFeatures). Outcome log-odds are
 * -4.5 + 4 × decision-maker + 3.5 × 制造: 1% for the rest, 38% for decision-makers, 27% for 制造,
 * 95% for decision-makers in 制造 (about 4.5× the ~21% average). Nothing else affects the outcome.
 */
export const PLANTED_FACTORS: readonly string[] = ['title_level=decision_maker', 'industry=制造'];

const DECISION_MAKER_TITLES = ['总经理', 'CEO', '销售总监', '副总裁', '董事长', 'IT总监'];
const MANAGER_TITLES = ['销售经理', '采购经理', '项目经理', 'IT主管', '市场经理'];
const STAFF_TITLES = ['工程师', '采购专员', '销售代表', '助理', '运营专员', '实习生'];
const OTHER_INDUSTRIES = ['软件', '金融', '零售', '教育', '医疗', '物流', '能源'];
const REGIONS = ['上海', '北京', '深圳', '广州', '杭州', '成都', '武汉', '西安', '江苏', '浙江'];
const SOURCES = ['官网表单', '百度推广', '展会', '转介绍', '导入批次', '微信公众号'];
const PRODUCTS = ['CRM', 'ERP', '数据平台', '营销自动化'];
const NEEDS = ['想了解CRM线索管理', '需要ERP进销存', '数据分析报表', '先看看', '预算审批中，尽快采购', ''];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '军', '杰'];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rng() * 10));
  return s;
}

/**
 * `count` closed history leads (stage won or lost, isHistory true), ids `hist-<seed>-000001`…
 * Same options → identical leads. Every other field is drawn independently of the outcome.
 */
export function generateSyntheticHistory(options: SyntheticHistoryOptions): Lead[] {
  const rng = createRng(options.seed);
  const leads: Lead[] = [];
  for (let i = 0; i < options.count; i++) {
    const levelRoll = rng();
    const isDecisionMaker = levelRoll < 0.3;
    const title = isDecisionMaker
      ? pick(rng, DECISION_MAKER_TITLES)
      : levelRoll < 0.65
        ? pick(rng, MANAGER_TITLES)
        : pick(rng, STAFF_TITLES);
    const isManufacturing = rng() < 0.25;
    const industry = isManufacturing ? '制造' : pick(rng, OTHER_INDUSTRIES);
    const createdAt = options.now - Math.floor((30 + rng() * 335) * DAY_MS);
    const closedAt = Math.min(options.now, createdAt + Math.floor((5 + rng() * 55) * DAY_MS));
    const eventCount = Math.floor(rng() * 8);
    const events: BehaviourEvent[] = [];
    for (let e = 0; e < eventCount; e++) {
      events.push({
        kind: pick(rng, BEHAVIOUR_KINDS),
        at: createdAt + Math.floor(rng() * (closedAt - createdAt)),
      });
    }
    events.sort((a, b) => a.at - b.at);
    const bant: Bant = {
      budget: rng() < 0.4 ? Math.floor(rng() * 100) * 10_000 : null,
      authority: rng() < 0.5 ? pick(rng, ['decision_maker', 'influencer', 'user'] as const) : null,
      need: rng() < 0.5 ? pick(rng, ['high', 'medium', 'low'] as const) : null,
      timeline: rng() < 0.5 ? pick(rng, ['now', 'quarter', 'year', 'unknown'] as const) : null,
    };
    const logOdds =
      options.signal === 'planted'
        ? -4.5 + (isDecisionMaker ? 4 : 0) + (isManufacturing ? 3.5 : 0)
        : Math.log(0.3 / 0.7);
    const won = rng() < 1 / (1 + Math.exp(-logOdds));
    const region = pick(rng, REGIONS);
    const needs = pick(rng, NEEDS);
    leads.push({
      id: asLeadId(`hist-${options.seed}-${String(i + 1).padStart(6, '0')}`),
      name: pick(rng, SURNAMES) + pick(rng, GIVEN),
      phone: `1${pick(rng, ['3', '5', '8'])}${digits(rng, 9)}`,
      email: rng() < 0.6 ? `user${i + 1}@example.cn` : null,
      wechat: rng() < 0.5 ? `wx_${digits(rng, 8)}` : null,
      company: `${region}${pick(rng, ['华信', '恒达', '中科', '远航', '博瑞'])}${industry}有限公司`,
      title,
      industry,
      region,
      companySize: rng() < 0.9 ? Math.max(1, Math.floor(Math.exp(rng() * 9))) : null,
      product: pick(rng, PRODUCTS),
      source: pick(rng, SOURCES),
      campaign: null,
      costFen: Math.floor(rng() * 50_000),
      needs: needs === '' ? null : needs,
      bant,
      customFields: { 渠道等级: pick(rng, ['一级', '二级', '三级']) },
      events,
      stage: won ? 'won' : 'lost',
      ownerId: null,
      score: null,
      grade: null,
      createdAt,
      updatedAt: closedAt,
      isHistory: true,
    });
  }
  return leads;
}

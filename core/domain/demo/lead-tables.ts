// What a demo lead is made of: titles, products and deal sizes, sources and campaigns, behaviour, needs, outcomes.

export type TitleLevel = 'executive' | 'manager' | 'staff';

export const TITLES_ZH: readonly (readonly [string, TitleLevel])[] = [
  ['总经理', 'executive'],
  ['董事长', 'executive'],
  ['副总经理', 'executive'],
  ['销售总监', 'executive'],
  ['采购总监', 'executive'],
  ['IT总监', 'executive'],
  ['IT经理', 'manager'],
  ['采购经理', 'manager'],
  ['运营经理', 'manager'],
  ['市场经理', 'manager'],
  ['销售经理', 'manager'],
  ['信息部主管', 'manager'],
  ['工程师', 'staff'],
  ['采购专员', 'staff'],
  ['市场专员', 'staff'],
  ['行政助理', 'staff'],
  ['销售代表', 'staff'],
];

export const TITLES_EN: readonly (readonly [string, TitleLevel])[] = [
  ['CEO', 'executive'],
  ['General Manager', 'executive'],
  ['CTO', 'executive'],
  ['Procurement Manager', 'manager'],
  ['IT Manager', 'manager'],
  ['Operations Manager', 'manager'],
  ['Sales Coordinator', 'staff'],
  ['Purchasing Specialist', 'staff'],
];

export const PRODUCTS: readonly (readonly [string, number])[] = [
  ['标准版', 40],
  ['专业版', 33],
  ['旗舰版', 15],
  ['实施服务', 12],
];

/** Typical contract value of a won deal per product, in yuan: [min, max]. */
export const DEAL_YUAN: Readonly<Record<string, readonly [number, number]>> = {
  标准版: [28_000, 80_000],
  专业版: [80_000, 200_000],
  旗舰版: [200_000, 600_000],
  实施服务: [50_000, 150_000],
};

export interface DemoSource {
  readonly name: string;
  readonly weight: number;
  /** Campaign names; `{year}` is replaced with the lead's year. */
  readonly campaigns: readonly string[];
  /** Cost of one lead in fen: [min, max]. */
  readonly costFen: readonly [number, number];
}

export const SOURCES: readonly DemoSource[] = [
  { name: '官网表单', weight: 24, campaigns: ['官网-免费试用', '官网-预约演示'], costFen: [0, 0] },
  {
    name: '百度推广',
    weight: 20,
    campaigns: ['SEM-CRM关键词', 'SEM-销售管理软件', 'SEM-线索分配'],
    costFen: [6_000, 22_000],
  },
  {
    name: '展会',
    weight: 12,
    campaigns: ['{year}中国国际工业博览会', '{year}华南企业数字化峰会'],
    costFen: [15_000, 40_000],
  },
  { name: '转介绍', weight: 10, campaigns: ['老客户转介绍'], costFen: [0, 0] },
  {
    name: '微信公众号',
    weight: 14,
    campaigns: ['公众号-制造业案例', '公众号-销售管理直播课'],
    costFen: [1_000, 4_000],
  },
  { name: '导入批次', weight: 12, campaigns: ['导入-{year}行业名录', '导入-展商名单'], costFen: [200, 800] },
  { name: '电话咨询', weight: 5, campaigns: ['400热线'], costFen: [0, 0] },
  { name: '领英', weight: 3, campaigns: ['LinkedIn Sponsored InMail'], costFen: [10_000, 30_000] },
];

export const EVENT_DETAILS = {
  visit: [
    '/pricing',
    '/product/crm',
    '/product/lead-routing',
    '/cases/manufacturing',
    '/cases/education',
    '/blog/sla',
  ],
  download: ['《制造业CRM选型白皮书》.pdf', '产品手册-专业版.pdf', '线索分配实践指南.pdf', 'ROI计算表.xlsx'],
  event: ['线上直播：线索分配最佳实践', '展会展位参观', '城市沙龙：销售数字化'],
  email_open: ['EDM：新功能发布', 'EDM：客户案例', 'EDM：直播邀请'],
  form: ['预约演示', '申请试用', '索取报价'],
  call_in: ['400热线来电'],
} as const;

export const NEEDS: readonly string[] = [
  '目前用Excel管理客户，销售跟进靠微信，想要一套能自动分配线索的CRM',
  '需要和现有的金蝶ERP对接，客户和订单数据打通',
  '预算有限，先了解标准版的价格和用户数限制',
  '销售团队20人左右，希望手机端也能跟进',
  '数据必须本地部署，不能上公有云',
  '市场部每月投放几百条线索，分配不均，老销售抢单严重',
  '想看一下线索评分和漏斗报表的演示',
  '有两个分公司，需要按区域分配线索',
  '现在用的系统太复杂，想换一个简单好上手的',
  '希望能统计每个渠道的获客成本和ROI',
  '需要实施顾问帮忙梳理销售流程',
  '年底前要上线，时间比较紧',
  '集团统一采购，需要走招标流程',
  'We need a CRM with Chinese and English UI for our sales team in China.',
];

/** Needs of buyers ready to move: what they want fits the product and they say when and with what budget. */
export const URGENT_NEEDS: readonly string[] = [
  '市场部线索越来越多，想尽快上一套CRM自动分配线索，今年预算已批',
  '销售管理一团乱，老板要求本月选定CRM，已经有预算',
  '需要线索评分和商机报表，年底前采购，已经在走招标',
  'We need a CRM for lead routing asap; budget is approved for this quarter.',
];

export const CUSTOM_FIELD_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  现有系统: ['Excel', '金蝶K3', '用友U8', '纷享销客', 'Salesforce', '无'],
  销售团队人数: ['8', '15', '25', '40', '120'],
  决策周期: ['1个月', '3个月', '半年'],
  是否招标: ['是', '否'],
  部署方式: ['本地部署', '私有云', '不限'],
};

export const LOST_REASONS: readonly string[] = [
  '预算不足',
  '选择了竞品（纷享销客）',
  '选择了竞品（Salesforce）',
  '项目暂缓',
  '多次联系未回复',
  '需求不匹配',
  '价格太高',
];

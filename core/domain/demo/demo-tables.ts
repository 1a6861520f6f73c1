// Word lists the demo workspace draws from: names, companies, titles, sources and follow-up phrasing.

/** A surname or given name with its pinyin, so emails can be built from Chinese names. */
export type Syllable = readonly [hanzi: string, pinyin: string];

export const SURNAMES: readonly Syllable[] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['高', 'gao'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['韩', 'han'],
  ['冯', 'feng'],
  ['邓', 'deng'],
  ['曹', 'cao'],
  ['彭', 'peng'],
  ['曾', 'zeng'],
  ['田', 'tian'],
  ['董', 'dong'],
  ['潘', 'pan'],
  ['袁', 'yuan'],
  ['蔡', 'cai'],
  ['蒋', 'jiang'],
  ['余', 'yu'],
];

export const GIVEN_NAMES: readonly Syllable[] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['洋', 'yang'],
  ['艳', 'yan'],
  ['勇', 'yong'],
  ['军', 'jun'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['建华', 'jianhua'],
  ['晓东', 'xiaodong'],
  ['海燕', 'haiyan'],
  ['志强', 'zhiqiang'],
  ['丹', 'dan'],
  ['鹏', 'peng'],
  ['婷婷', 'tingting'],
  ['雪', 'xue'],
  ['宇航', 'yuhang'],
  ['子涵', 'zihan'],
  ['思远', 'siyuan'],
  ['文博', 'wenbo'],
  ['佳怡', 'jiayi'],
  ['浩然', 'haoran'],
  ['欣怡', 'xinyi'],
  ['俊杰', 'junjie'],
  ['国庆', 'guoqing'],
  ['红梅', 'hongmei'],
  ['晨', 'chen'],
  ['一鸣', 'yiming'],
];

export const ENGLISH_FIRST_NAMES: readonly string[] = [
  'Emily',
  'David',
  'Michael',
  'Sarah',
  'Jason',
  'Grace',
  'Kevin',
  'Linda',
  'Peter',
  'Cindy',
  'Tony',
  'Vivian',
  'Eric',
  'Jessica',
  'Frank',
  'Helen',
];

export const WESTERN_SURNAMES: readonly string[] = [
  'Anderson',
  'Schmidt',
  'Tanaka',
  'Kim',
  'Miller',
  'Dubois',
];

export const INDUSTRIES = ['制造', '软件', '金融', '教育', '医疗', '零售', '物流'] as const;
export type DemoIndustry = (typeof INDUSTRIES)[number];

/** Word in a company's name that tells its industry, and a short English slug for its web domain. */
export const INDUSTRY_WORDS: Readonly<Record<DemoIndustry, readonly Syllable[]>> = {
  制造: [
    ['精密机械', 'machinery'],
    ['电子科技', 'tech'],
    ['汽车零部件', 'auto'],
    ['新材料', 'material'],
    ['智能装备', 'equip'],
  ],
  软件: [
    ['软件', 'soft'],
    ['信息技术', 'it'],
    ['网络科技', 'net'],
  ],
  金融: [
    ['投资管理', 'capital'],
    ['融资租赁', 'leasing'],
    ['保险经纪', 'insurance'],
  ],
  教育: [
    ['教育科技', 'edu'],
    ['职业培训', 'training'],
  ],
  医疗: [
    ['医疗器械', 'medical'],
    ['生物科技', 'bio'],
    ['医药', 'pharma'],
  ],
  零售: [
    ['商贸', 'trading'],
    ['电子商务', 'ecom'],
    ['连锁超市', 'mart'],
  ],
  物流: [
    ['供应链管理', 'scm'],
    ['物流', 'logistics'],
  ],
};

export const INDUSTRY_WEIGHTS: readonly (readonly [DemoIndustry, number])[] = [
  ['制造', 30],
  ['软件', 18],
  ['金融', 10],
  ['教育', 12],
  ['医疗', 12],
  ['零售', 10],
  ['物流', 8],
];

export const COMPANY_CORES: readonly Syllable[] = [
  ['启明', 'qiming'],
  ['华拓', 'huatuo'],
  ['恒通', 'hengtong'],
  ['鼎盛', 'dingsheng'],
  ['瑞丰', 'ruifeng'],
  ['博远', 'boyuan'],
  ['新锐', 'xinrui'],
  ['汇智', 'huizhi'],
  ['中科', 'zhongke'],
  ['远航', 'yuanhang'],
  ['金桥', 'jinqiao'],
  ['卓越', 'zhuoyue'],
  ['联创', 'lianchuang'],
  ['天成', 'tiancheng'],
  ['海纳', 'haina'],
  ['星辰', 'xingchen'],
  ['明德', 'mingde'],
  ['安泰', 'antai'],
  ['宏图', 'hongtu'],
  ['嘉禾', 'jiahe'],
  ['云帆', 'yunfan'],
  ['正元', 'zhengyuan'],
  ['百川', 'baichuan'],
  ['同创', 'tongchuang'],
];

export interface DemoCity {
  readonly name: string;
  readonly region: string;
  readonly weight: number;
}

/** 华中 and 西北 have no rep on purpose: territory rules need a fallback. */
export const CITIES: readonly DemoCity[] = [
  { name: '上海', region: '华东', weight: 14 },
  { name: '杭州', region: '华东', weight: 7 },
  { name: '苏州', region: '华东', weight: 6 },
  { name: '南京', region: '华东', weight: 5 },
  { name: '宁波', region: '华东', weight: 3 },
  { name: '深圳', region: '华南', weight: 12 },
  { name: '广州', region: '华南', weight: 8 },
  { name: '东莞', region: '华南', weight: 4 },
  { name: '佛山', region: '华南', weight: 2 },
  { name: '北京', region: '华北', weight: 13 },
  { name: '天津', region: '华北', weight: 4 },
  { name: '石家庄', region: '华北', weight: 2 },
  { name: '成都', region: '西南', weight: 7 },
  { name: '重庆', region: '西南', weight: 4 },
  { name: '昆明', region: '西南', weight: 1 },
  { name: '武汉', region: '华中', weight: 4 },
  { name: '长沙', region: '华中', weight: 2 },
  { name: '西安', region: '西北', weight: 3 },
];

export interface EnglishCompany {
  readonly name: string;
  readonly industry: DemoIndustry;
  readonly city: string;
  readonly domain: string;
}

export const ENGLISH_COMPANIES: readonly EnglishCompany[] = [
  { name: 'Acme Manufacturing Co., Ltd.', industry: '制造', city: '苏州', domain: 'acme-mfg.com' },
  { name: 'Northwind Trading (Shanghai) Co., Ltd.', industry: '零售', city: '上海', domain: 'northwind.cn' },
  { name: 'Bluepeak Software Ltd.', industry: '软件', city: '深圳', domain: 'bluepeak.io' },
  {
    name: 'Harbor Medical Devices (Suzhou) Co., Ltd.',
    industry: '医疗',
    city: '苏州',
    domain: 'harbormed.com',
  },
  { name: 'Silverline Capital Partners', industry: '金融', city: '北京', domain: 'silverline-cap.com' },
  { name: 'Brightpath Education Group', industry: '教育', city: '上海', domain: 'brightpath.edu.cn' },
  {
    name: 'Keystone Logistics (Shenzhen) Co., Ltd.',
    industry: '物流',
    city: '深圳',
    domain: 'keystone-log.com',
  },
  { name: 'Vertex Precision Components Co., Ltd.', industry: '制造', city: '东莞', domain: 'vertex-pc.com' },
  { name: 'Lumen Analytics Inc.', industry: '软件', city: '北京', domain: 'lumenanalytics.com' },
  { name: 'Evergreen Foods Co., Ltd.', industry: '零售', city: '广州', domain: 'evergreenfoods.cn' },
];

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

export const FOLLOW_UP_CHANNELS = ['call', 'wechat', 'visit', 'email', 'other'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

export interface FollowUpStep {
  readonly channels: readonly FollowUpChannel[];
  readonly summaries: readonly string[];
  readonly reactions: readonly string[];
  readonly nextSteps: readonly string[];
}

/** The standard steps: first contact, needs confirmed, proposal sent, quote, close. */
export const FOLLOW_UP_STEPS: readonly FollowUpStep[] = [
  {
    channels: ['call', 'call', 'wechat'],
    summaries: [
      '电话初次沟通，介绍了产品定位和主要功能',
      '添加微信，发送了产品介绍资料',
      '回电确认留资信息，了解了基本需求场景',
    ],
    reactions: ['有兴趣，希望看演示', '比较忙，约下周再聊', '态度一般，先看看资料', '明确有采购计划'],
    nextSteps: ['安排线上演示', '发送客户案例', '约下周电话回访'],
  },
  {
    channels: ['call', 'visit', 'wechat'],
    summaries: [
      '远程演示了线索分配和销售漏斗',
      '与对方IT经理确认了和ERP对接的需求',
      '了解到客户销售团队约30人，目前用Excel管理',
    ],
    reactions: ['认可分配功能，关心数据安全', '需要内部讨论', '对报表很感兴趣'],
    nextSteps: ['整理解决方案', '安排上门拜访', '约决策人参加演示'],
  },
  {
    channels: ['email', 'visit'],
    summaries: ['上门拜访，讲解实施方案和上线计划', '邮件发送了方案书和报价区间'],
    reactions: ['对旗舰版感兴趣，但预算偏紧', '需要领导审批', '希望先试用两周'],
    nextSteps: ['准备正式报价', '约决策人会面', '开通试用账号'],
  },
  {
    channels: ['email', 'wechat', 'call'],
    summaries: ['发送正式报价单', '就折扣和付款方式进行谈判'],
    reactions: ['希望再优惠5%', '已进入采购流程', '在和另一家做比较'],
    nextSteps: ['走合同审批', '等待客户回复', '申请特价'],
  },
];

export const WON_STEP: FollowUpStep = {
  channels: ['visit', 'other'],
  summaries: ['合同已签署，首付款到账', '签约完成，安排实施启动会'],
  reactions: ['满意，期待尽快上线'],
  nextSteps: ['交付实施启动会'],
};

/** A check-in on a deal in progress: keeps a live pipeline's last contact recent. */
export const CHECK_IN_STEP: FollowUpStep = {
  channels: ['call', 'wechat', 'wechat'],
  summaries: ['电话回访，了解内部评估进度', '微信跟进，客户说还在比较方案', '发送新案例，约下次沟通时间'],
  reactions: ['还在内部评估', '下周给答复', '暂时没有新进展'],
  nextSteps: ['下周再跟进', '约决策人演示'],
};

export const NURTURE_STEP: FollowUpStep = {
  channels: ['call', 'wechat'],
  summaries: ['客户表示今年没有预算，明年再考虑', '项目推迟，转入培育池定期回访'],
  reactions: ['暂不需要'],
  nextSteps: ['季度回访', '发送新版本介绍'],
};

export const LOST_SUMMARIES: readonly string[] = [
  '客户确认选择其他方案',
  '多次联系未回复，关闭线索',
  '客户取消了采购计划',
];

/** Valid mainland mobile prefixes (China Mobile, Unicom, Telecom). */
export const MOBILE_PREFIXES: readonly string[] = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '198',
  '199',
];

export const FREE_MAIL_DOMAINS: readonly string[] = [
  'qq.com',
  '163.com',
  '126.com',
  'gmail.com',
  'outlook.com',
];

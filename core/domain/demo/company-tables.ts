// Industries, cities and company names the demo workspace draws its customers' companies from.
import type { Syllable } from './people-tables';

export type DemoIndustry = '制造' | '软件' | '金融' | '教育' | '医疗' | '零售' | '物流';

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

// Guesses which lead field each column holds from its header, in Chinese or English; the rest become custom fields.
import { LEAD_FIELDS } from './types';
import type { ColumnMapping, ColumnTarget, LeadField } from './types';

/** Header folded for matching: NFKC (width), lower-case, no spaces, punctuation or underscores. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}_]+/gu, '');
}

// Exact folded headers first; then substring rules in order, most specific first ("公司规模" is a size, not a company;
// "联系电话" a phone, not a name).
const EXACT: Readonly<Record<string, LeadField>> = {
  姓名: 'name',
  名字: 'name',
  联系人: 'name',
  客户姓名: 'name',
  客户: 'name',
  name: 'name',
  fullname: 'name',
  contact: 'name',
  contactname: 'name',
  手机: 'phone',
  电话: 'phone',
  tel: 'phone',
  mobile: 'phone',
  phone: 'phone',
  邮箱: 'email',
  email: 'email',
  mail: 'email',
  微信: 'wechat',
  wechat: 'wechat',
  weixin: 'wechat',
  wx: 'wechat',
  公司: 'company',
  单位: 'company',
  企业: 'company',
  company: 'company',
  organization: 'company',
  organisation: 'company',
  account: 'company',
  职位: 'title',
  职务: 'title',
  title: 'title',
  jobtitle: 'title',
  position: 'title',
  role: 'title',
  行业: 'industry',
  industry: 'industry',
  地区: 'region',
  省份: 'region',
  城市: 'region',
  区域: 'region',
  region: 'region',
  province: 'region',
  city: 'region',
  area: 'region',
  location: 'region',
  规模: 'companySize',
  人数: 'companySize',
  员工数: 'companySize',
  companysize: 'companySize',
  employees: 'companySize',
  headcount: 'companySize',
  size: 'companySize',
  产品: 'product',
  意向产品: 'product',
  product: 'product',
  来源: 'source',
  渠道: 'source',
  source: 'source',
  channel: 'source',
  leadsource: 'source',
  活动: 'campaign',
  campaign: 'campaign',
  成本: 'cost',
  费用: 'cost',
  cost: 'cost',
  预算: 'budget',
  budget: 'budget',
  需求: 'needs',
  备注: 'needs',
  说明: 'needs',
  notes: 'needs',
  note: 'needs',
  needs: 'needs',
  remark: 'needs',
  remarks: 'needs',
  comment: 'needs',
  comments: 'needs',
  description: 'needs',
};

const CONTAINS: readonly (readonly [LeadField, readonly string[]])[] = [
  ['companySize', ['规模', '人数', '员工', 'companysize', 'employee', 'headcount', 'staffsize']],
  ['cost', ['成本', '费用', 'cost', 'spend']],
  ['budget', ['预算', 'budget']],
  ['email', ['邮箱', '邮件', 'email', 'mail']],
  ['wechat', ['微信', 'wechat', 'weixin']],
  ['phone', ['手机', '电话', '号码', 'mobile', 'phone', 'tel', 'cell']],
  ['campaign', ['活动', 'campaign']],
  ['source', ['来源', '渠道', 'source', 'channel']],
  ['product', ['产品', 'product']],
  ['industry', ['行业', 'industry', 'sector']],
  [
    'region',
    [
      '地区',
      '省份',
      '省',
      '城市',
      '区域',
      '地址',
      'region',
      'province',
      'city',
      'area',
      'location',
      'address',
    ],
  ],
  ['title', ['职位', '职务', '职称', '岗位', 'title', 'position']],
  ['company', ['公司', '单位', '企业', '机构', 'company', 'organization', 'organisation', 'employer']],
  ['name', ['姓名', '名字', '联系人', 'name']],
  ['needs', ['需求', '备注', '说明', '留言', 'note', 'need', 'remark', 'comment', 'message']],
];

// Columns our own export adds that an import cannot set (ids, stage, score, owner, times): ignored unless mapped.
const SYSTEM_COLUMNS: ReadonlySet<string> = new Set([
  '线索id',
  'leadid',
  'id',
  '阶段',
  'stage',
  '评分',
  'score',
  '等级',
  'grade',
  '负责人',
  'owner',
  '创建时间',
  'createdat',
]);

/**
 * One target per header (columns our export adds for the system, such as 阶段 or 评分, are ignored): the first column that fits a lead field gets it; later columns that would fit the same
 * field, and columns that fit none, become `custom.<header>`. Deterministic; never maps two columns to one field.
 */
export function guessColumnMapping(headers: readonly string[]): ColumnTarget[] {
  const taken = new Set<LeadField>();
  return headers.map((header) => {
    const folded = foldHeader(header);
    if (SYSTEM_COLUMNS.has(folded)) return 'ignore';
    const field =
      EXACT[folded] ?? CONTAINS.find(([, needles]) => needles.some((needle) => folded.includes(needle)))?.[0];
    if (field !== undefined && !taken.has(field)) {
      taken.add(field);
      return field;
    }
    return customTarget(header);
  });
}

/** The custom-field target of a header. */
export function customTarget(header: string): ColumnTarget {
  return `custom.${header.trim()}`;
}

/** The lead fields a mapping covers (for the wizard to show what is missing). */
export function mappedFields(mapping: ColumnMapping): Set<LeadField> {
  const fields = new Set<LeadField>();
  for (const target of mapping) if (isLeadField(target)) fields.add(target);
  return fields;
}

/** Whether a column target is one of the lead's own fields (not custom, not ignored). */
export function isLeadField(target: ColumnTarget): target is LeadField {
  return LEAD_FIELD_SET.has(target);
}

const LEAD_FIELD_SET: ReadonlySet<string> = new Set(LEAD_FIELDS);

// Header words per lead field, in Chinese and English, including the export headers of common CRMs
// (Salesforce, HubSpot, Zoho, Pipedrive, Odoo, 纷享销客, 销售易, 简道云, 悟空CRM).
import type { LeadField } from '../domain/lead-fields';

/** Header folded for matching: NFKC (width), lower-case, no spaces, punctuation or underscores. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}_]+/gu, '');
}

/** Whole folded headers that name a field. */
export const EXACT_HEADERS: Readonly<Record<string, LeadField>> = {
  姓名: 'name',
  名字: 'name',
  联系人: 'name',
  联系人姓名: 'name',
  客户姓名: 'name',
  客户: 'name',
  name: 'name',
  fullname: 'name',
  contact: 'name',
  contactname: 'name',
  personname: 'name',
  姓: 'lastName',
  姓氏: 'lastName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  名: 'firstName',
  firstname: 'firstName',
  givenname: 'firstName',
  手机: 'phone',
  手机号: 'phone',
  手机号码: 'phone',
  电话: 'phone',
  tel: 'phone',
  mobile: 'phone',
  phone: 'phone',
  phonenumber: 'phone',
  mobilephone: 'phone',
  邮箱: 'email',
  email: 'email',
  emailfrom: 'email',
  mail: 'email',
  微信: 'wechat',
  微信号: 'wechat',
  wechat: 'wechat',
  weixin: 'wechat',
  wx: 'wechat',
  公司: 'company',
  公司名称: 'company',
  客户名称: 'company',
  名称: 'company',
  企业名称: 'company',
  单位: 'company',
  企业: 'company',
  company: 'company',
  companyname: 'company',
  partnername: 'company',
  organization: 'company',
  organisation: 'company',
  organizationname: 'company',
  account: 'company',
  accountname: 'company',
  职位: 'title',
  职务: 'title',
  title: 'title',
  jobtitle: 'title',
  jobposition: 'title',
  designation: 'title',
  function: 'title',
  position: 'title',
  role: 'title',
  行业: 'industry',
  industry: 'industry',
  地区: 'region',
  省份: 'region',
  城市: 'region',
  市: 'region',
  区域: 'region',
  region: 'region',
  province: 'region',
  state: 'region',
  city: 'region',
  area: 'region',
  location: 'region',
  规模: 'companySize',
  人数: 'companySize',
  员工数: 'companySize',
  companysize: 'companySize',
  employees: 'companySize',
  noofemployees: 'companySize',
  numberofemployees: 'companySize',
  headcount: 'companySize',
  size: 'companySize',
  产品: 'product',
  意向产品: 'product',
  product: 'product',
  来源: 'source',
  线索来源: 'source',
  渠道: 'source',
  source: 'source',
  channel: 'source',
  leadsource: 'source',
  originalsource: 'source',
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

/**
 * Words a header may contain, per field, checked in this order (most specific first: 公司规模 is a size, not a
 * company; 联系电话 a phone, not a name). A needle's number is its specificity: when two columns fit one field,
 * the more specific wins (a city over a street address).
 */
export const HEADER_NEEDLES: readonly (readonly [LeadField, Readonly<Record<string, number>>])[] = [
  ['companySize', { 规模: 1, 人数: 1, 员工: 1, companysize: 1, employee: 1, headcount: 1, staffsize: 1 }],
  ['cost', { 成本: 1, 费用: 1, cost: 1, spend: 1 }],
  ['budget', { 预算: 1, budget: 1 }],
  ['email', { 邮箱: 1, 邮件: 1, email: 1 }],
  ['wechat', { 微信: 1, wechat: 1, weixin: 1 }],
  ['phone', { 手机: 2, 电话: 1, 号码: 1, mobile: 2, phone: 1, tel: 1, cell: 1 }],
  ['campaign', { 活动: 1, campaign: 1 }],
  ['source', { 来源: 1, 渠道: 1, source: 1, channel: 1 }],
  ['product', { 产品: 1, product: 1 }],
  ['industry', { 行业: 1, industry: 1, sector: 1 }],
  [
    'region',
    {
      城市: 3,
      city: 3,
      地区: 2,
      省份: 2,
      省: 2,
      区域: 2,
      region: 2,
      province: 2,
      state: 2,
      area: 2,
      location: 2,
      地址: 0,
      address: 0,
      street: 0,
    },
  ],
  ['title', { 职位: 2, 职务: 2, 职称: 1, 岗位: 1, jobtitle: 2, title: 1, position: 1, designation: 2 }],
  [
    'company',
    {
      公司: 1,
      单位: 1,
      企业: 1,
      机构: 1,
      company: 1,
      organization: 1,
      organisation: 1,
      employer: 1,
      account: 1,
    },
  ],
  ['lastName', { 姓氏: 1, lastname: 1, surname: 1, familyname: 1 }],
  ['firstName', { firstname: 1, givenname: 1 }],
  ['name', { 姓名: 1, 名字: 1, 联系人: 1, name: 1 }],
  [
    'needs',
    {
      需求: 1,
      备注: 1,
      说明: 1,
      留言: 1,
      note: 1,
      need: 1,
      remark: 1,
      comment: 1,
      message: 1,
      description: 1,
    },
  ],
];

// Headers that mention a field but are about something else: a consent flag, a country, a second address.
const NOT_A_FIELD: readonly RegExp[] = [
  /^(?:donot|dont|optout|optedout|hasoptedout|unsubscribe|bounce|是否|不要|禁止)/,
  /(?:optout|optedout|unsubscribed|bounced|donotcall|donotemail|verified|consent)$/,
  /country|国家/,
  // People of the team, not of the lead: owners, creators, editors.
  /owner|所有者|负责人|创建人|修改人|createdby|modifiedby|salesperson|assignedto/,
];

/** True when a header names a consent flag, a country or the like: never a lead field, whatever it mentions. */
export function isNotAField(folded: string): boolean {
  return NOT_A_FIELD.some((pattern) => pattern.test(folded));
}

/**
 * True for an external id column (`id`, `Record ID`, `Lead ID`, Odoo's `company_id/id`, `partner_id`): its
 * values name records in another system, never a lead's company or name. WeChat and Skype ids are contact
 * details, not record ids.
 */
export function isExternalId(header: string): boolean {
  const text = header.normalize('NFKC').trim();
  if (/wechat|weixin|微信|skype|qq/i.test(text)) return false;
  return (
    /(?:^|[\s_./:-])id$/i.test(text) ||
    /^id(?:[\s_./:-]|$)/i.test(text) ||
    /[\s_-]id[/.]/i.test(text) ||
    /编号$|^id号?$/i.test(text)
  );
}

// Columns our own export adds that an import cannot set (ids, stage, score, owner, times): ignored unless mapped.
export const SYSTEM_COLUMNS: ReadonlySet<string> = new Set([
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

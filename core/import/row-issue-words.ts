// The row problems in Chinese, as the import screen words them (renderer/src/features/import/i18n.zh-CN.json,
// `import.reasons`; a test keeps the two the same), for the error file a Chinese team lead downloads.
import type { RowIssueCode } from './types';

export const ISSUE_MESSAGES_ZH: Readonly<Record<RowIssueCode, string>> = {
  unclosed_quote: '引号没有闭合',
  malformed_quote: '引号后面还有内容',
  stray_quote: '单元格中有多余的引号',
  field_too_large: '单元格内容过长',
  row_too_large: '整行内容过长',
  too_many_fields: '列数多于表头',
  too_few_fields: '列数少于表头',
  too_many_rows: '行数超过导入上限',
  control_chars_stripped: '已去除控制字符',
  invalid_encoding: '有无法识别的字符（编码不对？）',
  no_contact: '没有姓名、手机和邮箱',
  no_name: '既没有姓名也没有公司',
  invalid_phone: '手机号码无效',
  phone_kept_as_typed: '号码在所选国家无效：已按原样保留',
  phone_dropped: '电话单元格中没有号码：已略去',
  invalid_email: '邮箱地址无效',
  invalid_cost: '成本不是金额',
  invalid_budget: '预算不是金额',
  invalid_company_size: '公司规模不是人数',
  value_too_long: '内容超过字段长度',
};

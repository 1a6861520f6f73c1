// The past-leads import's row problems in Chinese, beside their English in history-row.ts and parse-dates.ts, for
// the error file a Chinese team lead downloads to fix and re-import.
import type { HistoryIssueCode } from './history-row';
import type { DateErrorReason } from './parse-dates';

export const HISTORY_ISSUE_MESSAGES_ZH: Readonly<Record<HistoryIssueCode, string>> = {
  missing_created_at: '没有进线（创建）时间',
  invalid_date: '日期无效',
  future_date: '日期在未来',
  missing_outcome: '没有结果或阶段',
  unmapped_outcome: '结果或阶段的值没有对应到线索通的阶段',
  unknown_owner: '负责人不是已有的销售：请先添加该销售，或把这个名字归并到已有销售',
  invalid_amount: '赢单金额不是金额',
  value_too_long: '内容超过字段长度',
  closed_before_created: '结束时间早于进线时间',
  amount_not_won: '未赢单的线索上有赢单金额，已略去',
  closed_at_on_open_lead: '仍在跟进的线索上有结束时间，已略去',
  lost_reason_on_won: '赢单的线索上有输单原因，已略去',
};

export const DATE_ERROR_MESSAGES_ZH: Readonly<Record<DateErrorReason, string>> = {
  empty: '日期为空',
  unrecognized: '不是可识别的日期格式',
  nonexistent_date: '日历上没有这一天',
  invalid_time: '时刻无效',
  invalid_zone: '时区无效',
  ambiguous_order: '日期既可读作月/日也可读作日/月：请选择这一列的顺序',
  contradicts_order: '日期不符合这一列的日/月顺序',
  out_of_range: '年份超出合理范围',
};

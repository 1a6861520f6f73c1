// How demo reps write up their follow-ups: channels and phrasing per step of a deal.
import type { FollowUpChannel } from '../follow-up';

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

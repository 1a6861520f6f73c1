// Refusals of the funnel calls: stages the funnel lacks or hides, the Won/Lost/Nurture gates, stage clean-up.
import { defineErrors } from '../errors';

export const FUNNEL_ERRORS = defineErrors('funnel', {
  unknownStage: {
    kind: 'invalid_input',
    en: 'Unknown stage "{{stage}}": the funnel has no such stage.',
    zh: '未知阶段“{{stage}}”：漏斗里没有这个阶段。',
  },
  hiddenStage: {
    kind: 'invalid_input',
    en: 'The stage "{{name}}" is hidden: show it again in the funnel settings before moving leads there.',
    zh: '阶段“{{nameZh}}”已隐藏：请先在漏斗设置中恢复显示，再把线索移过去。',
  },
  wonAmountRequired: {
    kind: 'invalid_input',
    en: 'Enter the amount won (yuan).',
    zh: '请填写赢单金额（元）。',
  },
  lostReasonRequired: { kind: 'invalid_input', en: 'Pick why the lead was lost.', zh: '请选择输单原因。' },
  lostReasonUnknown: {
    kind: 'invalid_input',
    en: 'Pick a reason from the list ("{{reason}}" is not on it).',
    zh: '请从列表中选择原因（“{{reason}}”不在列表中）。',
  },
  wakeOnPast: {
    kind: 'invalid_input',
    en: 'Pick a wake-up date in the future.',
    zh: '请选择一个将来的唤醒日期。',
  },
  reassignNotRetired: {
    kind: 'invalid_input',
    en: 'The stage "{{name}}" stays on the board: only a hidden or removed stage moves its leads.',
    zh: '阶段“{{nameZh}}”仍在看板上：只有隐藏或删除的阶段才需要迁移线索。',
  },
  reassignTwice: {
    kind: 'invalid_input',
    en: 'Where the leads of "{{stage}}" go is given twice.',
    zh: '阶段“{{stage}}”的线索去向重复指定了。',
  },
  reassignTarget: {
    kind: 'invalid_input',
    en: 'Leads can only move to a shown working stage, not "{{name}}".',
    zh: '线索只能移到显示中的跟进阶段，不能移到“{{nameZh}}”。',
  },
  stageHasLeads: {
    kind: 'conflict',
    en: 'The stage "{{name}}" still has {{count}} lead(s): choose a stage to move them to first.',
    zh: '阶段“{{nameZh}}”还有 {{count}} 条线索：请先选择要把它们移到哪个阶段。',
  },
});

// The words a recycle by the SLA, the stale list or a nurture wake-up leaves in a lead's assignment history, in each
// UI language: stored with the step (as the pool sweep stores its own), and rebuilt from the step's recorded facts
// for a step stored before they were, so the Chinese history never shows the English sentence.
import type { SlaTrigger } from './due-actions';
import type { SlaGradeKey } from './sla-policy';

export type HistoryTexts = Readonly<Record<'zh-CN' | 'en', string>>;

export interface SlaRecycleFacts {
  readonly trigger: SlaTrigger;
  /** The business-minute limit that ran out. */
  readonly limitMinutes: number;
  /** The lead's grade as the SLA judged it; absent for a step recorded without it. */
  readonly grade?: SlaGradeKey | null | undefined;
}

function minutesEn(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} business h` : `${minutes} min`;
}

function minutesZh(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} 个工作小时` : `${minutes} 个工作分钟`;
}

/** A recycle back to the public pool because the rep's clock ran out. */
export function slaRecycleTexts(facts: SlaRecycleFacts): HistoryTexts {
  const grade = facts.grade ?? null;
  const gradeEn = grade === null ? '' : grade === 'ungraded' ? ' (ungraded lead)' : ` (grade ${grade} lead)`;
  const gradeZh = grade === null ? '' : grade === 'ungraded' ? '（未评级线索）' : `（${grade} 级线索）`;
  if (facts.trigger === 'follow_up') {
    return {
      en: `No follow-up ${minutesEn(facts.limitMinutes)} after the last contact: recycled back to the public pool${gradeEn}`,
      'zh-CN': `上次联系后 ${minutesZh(facts.limitMinutes)}内未跟进，已收回公海${gradeZh}`,
    };
  }
  return {
    en: `No first contact ${minutesEn(facts.limitMinutes)} after assignment: recycled back to the public pool${gradeEn}`,
    'zh-CN': `分配后 ${minutesZh(facts.limitMinutes)}内未首次联系，已收回公海${gradeZh}`,
  };
}

/** The team lead recycled it from the stale list. */
export const STALE_RECYCLE_TEXTS: HistoryTexts = {
  en: 'No progress: recycled from the stale list',
  'zh-CN': '长期没有进展：主管从停滞列表收回',
};

/** Its nurture date came: it woke up and left its rep. */
export const NURTURE_WAKE_TEXTS: HistoryTexts = {
  en: 'Woke up from the nurture pool',
  'zh-CN': '培育期已到，从培育池唤醒',
};

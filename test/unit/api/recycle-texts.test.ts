// A recycle's reason reads in the reader's language: the SLA's, the stale list's and a nurture wake-up's words in
// Chinese and English, as stored with the step and as rebuilt for a step stored with its English sentence only.
import { describe, expect, it } from 'vitest';
import { reasonTextOf } from '../../../core/api/distribution/assignment-view';
import {
  NURTURE_WAKE_TEXTS,
  STALE_RECYCLE_TEXTS,
  slaRecycleTexts,
} from '../../../core/domain/sla/recycle-texts';

describe('the SLA recycle’s words', () => {
  it('say the limit in working hours or minutes, the clock and the grade, in both languages', () => {
    expect(slaRecycleTexts({ trigger: 'first_contact', limitMinutes: 240, grade: 'A' })).toEqual({
      en: 'No first contact 4 business h after assignment: recycled back to the public pool (grade A lead)',
      'zh-CN': '分配后 4 个工作小时内未首次联系，已收回公海（A 级线索）',
    });
    expect(slaRecycleTexts({ trigger: 'first_contact', limitMinutes: 90, grade: 'ungraded' })).toEqual({
      en: 'No first contact 90 min after assignment: recycled back to the public pool (ungraded lead)',
      'zh-CN': '分配后 90 个工作分钟内未首次联系，已收回公海（未评级线索）',
    });
    expect(slaRecycleTexts({ trigger: 'follow_up', limitMinutes: 1440 })).toEqual({
      en: 'No follow-up 24 business h after the last contact: recycled back to the public pool',
      'zh-CN': '上次联系后 24 个工作小时内未跟进，已收回公海',
    });
  });
});

describe('a step’s reason in each language', () => {
  const recycle = (explanation: unknown) => reasonTextOf({ kind: 'recycle', explanation });

  it('is the words stored with it', () => {
    const text = { en: 'Pool rule', 'zh-CN': '公海规则' };
    expect(recycle({ reason: 'stale', text })).toEqual(text);
  });

  it('is rebuilt for a recycle stored with its English sentence only', () => {
    expect(recycle({ kind: 'recycle', reason: 'sla', trigger: 'first_contact', limitMinutes: 240 })).toEqual(
      slaRecycleTexts({ trigger: 'first_contact', limitMinutes: 240 }),
    );
    expect(recycle({ reason: 'sla', trigger: 'first_contact', limitMinutes: 60, grade: 'B' })).toEqual(
      slaRecycleTexts({ trigger: 'first_contact', limitMinutes: 60, grade: 'B' }),
    );
    expect(recycle({ reason: 'stale' })).toEqual(STALE_RECYCLE_TEXTS);
    expect(recycle({ reason: 'nurture' })).toEqual(NURTURE_WAKE_TEXTS);
  });

  it('is none for a step whose facts do not say (its stored reason then shows)', () => {
    expect(recycle({ reason: 'sla' })).toBeNull();
    expect(recycle({ reason: 'sla', trigger: 'nap', limitMinutes: 60 })).toBeNull();
    expect(recycle(null)).toBeNull();
    expect(reasonTextOf({ kind: 'manual', explanation: { reason: 'stale' } })).toBeNull();
  });
});

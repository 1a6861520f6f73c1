// A step's reason reads in the reader's language: a recycle's (the SLA's, the stale list's, a nurture wake-up's), a
// claim's or hand-out's from the pool, an entry-protection decision's, in Chinese and English, as stored with the
// step and as rebuilt for a step stored with its English sentence only.
import { describe, expect, it } from 'vitest';
import { reasonTextOf } from '../../../core/api/distribution/assignment-view';
import {
  claimTexts,
  entryProtectionTexts,
  poolHandOutTexts,
} from '../../../core/domain/distribution/step-texts';
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

  it('is rebuilt, without the pool’s name or the date, for a claim, a hand-out or an entry decision', () => {
    expect(reasonTextOf({ kind: 'claim', explanation: { kind: 'claim', poolId: 'pool_default' } })).toEqual(
      claimTexts(null),
    );
    expect(reasonTextOf({ kind: 'manual', explanation: { kind: 'manual', poolId: 'pool_default' } })).toEqual(
      poolHandOutTexts(null),
    );
    const kept = { outcome: 'kept', repId: 'rep_li', protectedUntil: Date.UTC(2026, 11, 23, 2) };
    expect(reasonTextOf({ kind: 'manual', explanation: { entryProtection: kept } })).toEqual({
      en: 'Entered by the rep: theirs for the protection period',
      'zh-CN': '销售自行录入：保护期内归其跟进',
    });
    expect(
      reasonTextOf({ kind: 'manual', explanation: { entryProtection: { outcome: 'distribute' } } }),
    ).toBeNull();
  });

  it('says the last protected day in the team’s calendar: the day before when protection ends at midnight', () => {
    const until = Date.UTC(2026, 11, 22, 16); // 00:00 on 23 December in Beijing
    expect(
      entryProtectionTexts(
        { outcome: 'protected', repId: 'rep_li', matchId: 'lead_1', protectedUntil: until },
        480,
      ),
    ).toEqual({
      en: 'Protected duplicate: the rep holding the matching lead keeps it (protected through 2026-12-22)',
      'zh-CN': '保护期内的重复线索：归持有相同线索的销售（保护至 2026-12-22）',
    });
    expect(
      entryProtectionTexts({ outcome: 'existing_customer', repId: 'rep_li', matchId: 'lead_1' }, 480),
    ).toEqual({
      en: 'Existing customer: kept by the owner of the matching won lead',
      'zh-CN': '老客户：归已成交的同一客户线索的负责人',
    });
  });

  it('is none for a step whose facts do not say (its stored reason then shows)', () => {
    expect(recycle({ reason: 'sla' })).toBeNull();
    expect(recycle({ reason: 'sla', trigger: 'nap', limitMinutes: 60 })).toBeNull();
    expect(recycle(null)).toBeNull();
    expect(reasonTextOf({ kind: 'manual', explanation: { reason: 'stale' } })).toBeNull();
  });
});

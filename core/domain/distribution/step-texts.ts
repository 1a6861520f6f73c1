// The words a claim from the public pool, a team lead's hand-out from it, and an entry-protection decision leave in
// a lead's assignment history, in each UI language: stored with the step, and rebuilt from the step's recorded facts
// (without the pool's name or the date, which older steps did not record) for a step stored before.
import type { EntryDecision } from '../sla/entry-protection';
import type { HistoryTexts } from '../sla/recycle-texts';
import { toLocalTime } from './local-time';

/** A rep claimed the lead from a pool (its name, "公海" or "华东公海"; null when the step did not record it). */
export function claimTexts(poolName: string | null): HistoryTexts {
  return poolName === null
    ? { en: 'Claimed from the public pool', 'zh-CN': '从公海领取' }
    : { en: `Claimed from the public pool “${poolName}”`, 'zh-CN': `从“${poolName}”领取` };
}

/** The team lead handed the lead out of a pool to a rep. */
export function poolHandOutTexts(poolName: string | null): HistoryTexts {
  return poolName === null
    ? { en: 'Handed from the public pool by the team lead', 'zh-CN': '主管从公海指派' }
    : {
        en: `Handed from the public pool “${poolName}” by the team lead`,
        'zh-CN': `主管从“${poolName}”指派`,
      };
}

/**
 * Why entry protection gave a newly entered lead its rep; the protection's last day in the team's local calendar
 * (null: not said, for a step that did not record the team's offset).
 */
export function entryProtectionTexts(
  decision: EntryDecision,
  utcOffsetMinutes: number | null,
): HistoryTexts | null {
  if (decision.outcome === 'distribute') return null;
  if (decision.outcome === 'existing_customer')
    return {
      en: 'Existing customer: kept by the owner of the matching won lead',
      'zh-CN': '老客户：归已成交的同一客户线索的负责人',
    };
  const until =
    utcOffsetMinutes === null ? null : toLocalTime(decision.protectedUntil - 1, utcOffsetMinutes).date;
  if (decision.outcome === 'protected')
    return until === null
      ? {
          en: 'Protected duplicate: the rep holding the matching lead keeps it',
          'zh-CN': '保护期内的重复线索：归持有相同线索的销售',
        }
      : {
          en: `Protected duplicate: the rep holding the matching lead keeps it (protected through ${until})`,
          'zh-CN': `保护期内的重复线索：归持有相同线索的销售（保护至 ${until}）`,
        };
  return until === null
    ? {
        en: 'Entered by the rep: theirs for the protection period',
        'zh-CN': '销售自行录入：保护期内归其跟进',
      }
    : {
        en: `Entered by the rep: theirs for the protection period (through ${until})`,
        'zh-CN': `销售自行录入：保护期内归其跟进（至 ${until}）`,
      };
}

// The funnel and SLA settings as stored: defaults, and validation on read (a stored value that no longer
// validates reads as the defaults).
import type { Database } from 'better-sqlite3';
import { DEFAULT_SLA_POLICY, checkSlaPolicy, type SlaPolicy } from '../../domain/sla/sla-policy';
import { readSettingCached, writeSetting } from '../../store/settings';
import { funnelSettingsSchema, type FunnelSettings } from '../funnel/schemas';
import { slaPolicySchema } from './schemas';

const SLA_POLICY_KEY = 'sla.policy';
export const FUNNEL_SETTINGS_KEY = 'work.funnel';

/** Chinese first: the labels the team sees until someone renames a stage. */
export const DEFAULT_FUNNEL_SETTINGS: FunnelSettings = {
  stages: [
    { key: 'raw', zh: '原始线索', en: 'Raw', hidden: false },
    { key: 'mql', zh: '市场认可 MQL', en: 'MQL', hidden: false },
    { key: 'sql', zh: '销售认可 SQL', en: 'SQL', hidden: false },
    { key: 'opportunity', zh: '商机', en: 'Opportunity', hidden: false },
    { key: 'won', zh: '赢单', en: 'Won', hidden: false },
    { key: 'lost', zh: '输单', en: 'Lost', hidden: false },
    { key: 'nurture', zh: '培育池', en: 'Nurture', hidden: false },
  ],
  lostReasons: ['价格太高', '选择了竞品', '没有预算', '联系不上', '需求不匹配', '其他'],
  claimDailyLimit: 20,
  claimCooldownDays: 7,
  staleDays: 14,
};

/** The stored policy, or the defaults when none is stored or the stored one no longer validates. */
export function readSlaPolicy(db: Database): SlaPolicy {
  return readSettingCached(db, SLA_POLICY_KEY, parseSlaPolicy, DEFAULT_SLA_POLICY);
}

function parseSlaPolicy(stored: unknown): SlaPolicy {
  const parsed = slaPolicySchema.safeParse(stored);
  return parsed.success && checkSlaPolicy(parsed.data).length === 0 ? parsed.data : DEFAULT_SLA_POLICY;
}

function parseFunnelSettings(stored: unknown): FunnelSettings {
  const parsed = funnelSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_FUNNEL_SETTINGS;
}

export function writeSlaPolicy(db: Database, policy: SlaPolicy, now: number): void {
  writeSetting(db, SLA_POLICY_KEY, policy, now);
}

/** The stored funnel settings (parsed once per stored text), or the defaults. */
export function readFunnelSettings(db: Database): FunnelSettings {
  return readSettingCached(db, FUNNEL_SETTINGS_KEY, parseFunnelSettings, DEFAULT_FUNNEL_SETTINGS);
}

export function writeFunnelSettings(db: Database, settings: FunnelSettings, now: number): void {
  writeSetting(db, FUNNEL_SETTINGS_KEY, settings, now);
}

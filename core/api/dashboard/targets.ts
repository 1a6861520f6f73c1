// The KPI targets as stored: the team lead's own, else the defaults (response targets from the SLA policy).
import type { Database } from 'better-sqlite3';
import { defaultKpiTargets, type KpiTargets } from '../../domain/kpi/targets';
import { readSetting, writeSetting } from '../../store/settings';
import { readSlaPolicy } from '../sla/settings';
import { kpiTargetsSchema } from './schemas';

const TARGETS_KEY = 'dashboard.targets';

/** The stored targets, or the defaults when none are stored or the stored ones no longer validate. */
export function readKpiTargets(db: Database): KpiTargets {
  const parsed = kpiTargetsSchema.safeParse(readSetting<unknown>(db, TARGETS_KEY));
  return parsed.success ? parsed.data : defaultKpiTargets(readSlaPolicy(db));
}

export function writeKpiTargets(db: Database, targets: KpiTargets, now: number): void {
  writeSetting(db, TARGETS_KEY, targets, now);
}

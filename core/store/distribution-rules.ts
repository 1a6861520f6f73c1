// Repository for distribution rule sets: every save is a new version, the latest is in force.
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { DistributionRule } from '../domain/distribution/types';
import { execute, qb, selectAll, selectFirst } from './sql';

interface StoredRuleSet {
  readonly version: number;
  readonly rules: readonly DistributionRule[];
  readonly actor: string;
  readonly createdAt: number;
}

interface RuleSetVersion {
  readonly version: number;
  readonly ruleCount: number;
  readonly actor: string;
  readonly createdAt: number;
}

export function findLatestRuleSet(db: Database): StoredRuleSet | undefined {
  const row = selectFirst(
    db,
    qb.selectFrom('distribution_rule_sets').selectAll().orderBy('version', 'desc').limit(sql.lit(1)),
  );
  return row
    ? {
        version: row.version,
        rules: JSON.parse(row.rules_json) as DistributionRule[],
        actor: row.actor,
        createdAt: row.created_at,
      }
    : undefined;
}

/** Stores the rules as the next version and returns its number. */
export function insertRuleSet(
  db: Database,
  rules: readonly DistributionRule[],
  actor: string,
  now: number,
): number {
  const latest = selectFirst(
    db,
    qb.selectFrom('distribution_rule_sets').select((eb) => eb.fn.max<number | null>('version').as('v')),
  );
  const version = (latest?.v ?? 0) + 1;
  execute(
    db,
    qb
      .insertInto('distribution_rule_sets')
      .values({ version, rules_json: JSON.stringify(rules), actor, created_at: now }),
  );
  return version;
}

export function listRuleSetVersions(db: Database, limit = 50): RuleSetVersion[] {
  return selectAll(
    db,
    qb.selectFrom('distribution_rule_sets').selectAll().orderBy('version', 'desc').limit(limit),
  ).map((row) => ({
    version: row.version,
    ruleCount: (JSON.parse(row.rules_json) as unknown[]).length,
    actor: row.actor,
    createdAt: row.created_at,
  }));
}

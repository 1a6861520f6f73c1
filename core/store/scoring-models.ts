// Repository for scoring models (every saved version is kept) and trained conversion models.
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { LearnedModel } from '../domain/scoring/learned';
import type { ScoringModel } from '../domain/scoring/model';
import { execute, qb, selectAll, selectFirst } from './sql';

export interface ScoringModelVersion {
  readonly version: number;
  readonly name: string;
  readonly actor: string;
  readonly createdAt: number;
}

export function findLatestScoringModel(db: Database): ScoringModel | undefined {
  const row = selectFirst(
    db,
    qb.selectFrom('scoring_models').select('model_json').orderBy('version', 'desc').limit(sql.lit(1)),
  );
  return row ? (JSON.parse(row.model_json) as ScoringModel) : undefined;
}

export function insertScoringModel(db: Database, model: ScoringModel, actor: string, now: number): void {
  execute(
    db,
    qb
      .insertInto('scoring_models')
      .values({ version: model.version, model_json: JSON.stringify(model), actor, created_at: now }),
  );
}

export function listScoringModelVersions(db: Database): ScoringModelVersion[] {
  return selectAll(
    db,
    qb
      .selectFrom('scoring_models')
      .select(['version', 'model_json', 'actor', 'created_at'])
      .orderBy('version', 'desc'),
  ).map((row) => ({
    version: row.version,
    name: (JSON.parse(row.model_json) as ScoringModel).name,
    actor: row.actor,
    createdAt: row.created_at,
  }));
}

export function insertLearnedModel(
  db: Database,
  id: string,
  model: LearnedModel,
  actor: string,
  now: number,
): void {
  execute(
    db,
    qb.insertInto('learned_models').values({ id, model_json: JSON.stringify(model), actor, created_at: now }),
  );
}

export function findLatestLearnedModel(db: Database): LearnedModel | undefined {
  const row = selectFirst(
    db,
    qb
      .selectFrom('learned_models')
      .select('model_json')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(sql.lit(1)),
  );
  return row ? (JSON.parse(row.model_json) as LearnedModel) : undefined;
}

/** Who trained the newest learned model ('' when none was trained). */
export function findLatestLearnedModelActor(db: Database): string {
  const row = selectFirst(
    db,
    qb
      .selectFrom('learned_models')
      .select('actor')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(sql.lit(1)),
  );
  return row?.actor ?? '';
}

/** Live leads scored by no model or by one older than `version`: what a rescore still has to reach. */
export function countStaleScores(db: Database, version: number): number {
  const row = selectFirst(
    db,
    qb
      .selectFrom('leads')
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('score_model_version', 'is', null), eb('score_model_version', '<', version)]))
      .select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return row?.n ?? 0;
}

/** Live leads won and lost: the examples training learns from. */
export function countOutcomes(db: Database): { won: number; lost: number } {
  const rows = selectAll(
    db,
    qb
      .selectFrom('leads')
      .where('deleted_at', 'is', null)
      .where('stage', 'in', ['won', 'lost'])
      .groupBy('stage')
      .select((eb) => ['stage', eb.fn.countAll<number>().as('n')]),
  );
  const count = (stage: string) => rows.find((row) => row.stage === stage)?.n ?? 0;
  return { won: count('won'), lost: count('lost') };
}

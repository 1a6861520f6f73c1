// Checks a scoring model and lists every problem with the path of the offending field.
import { BEHAVIOUR_KINDS } from '../lead';
import { CRITERION_OPERATORS, SCORABLE_FIELDS, SCORING_DIMENSIONS } from './model';

export type ScoringModelProblemCode =
  | 'not_object'
  | 'bad_version'
  | 'bad_name'
  | 'bad_weight'
  | 'bad_cap'
  | 'no_weight'
  | 'bad_half_life'
  | 'bad_threshold'
  | 'unordered_thresholds'
  | 'empty_id'
  | 'duplicate_id'
  | 'unknown_dimension'
  | 'unknown_operator'
  | 'unknown_field'
  | 'bad_points'
  | 'bad_value'
  | 'bad_max_events';

/** One problem: `path` like `criteria[3].id` or `dimensions.fit.weight`; `code` for the UI to translate. */
export interface ScoringModelProblem {
  readonly path: string;
  readonly code: ScoringModelProblemCode;
  readonly message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNonEmptyText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const FIELDS: ReadonlySet<string> = new Set(SCORABLE_FIELDS);

function isKnownField(field: unknown): boolean {
  if (typeof field !== 'string') return false;
  if (field.startsWith('custom.')) return field.slice('custom.'.length).trim() !== '';
  return FIELDS.has(field);
}

/**
 * Every problem in `model` (empty list = valid). Accepts unparsed input, so it never throws.
 * Checks: version is an integer ≥ 1; weights finite and ≥ 0 with a positive total; caps > 0; half-life > 0;
 * thresholds integers with 0 <= c < b < a <= 100; criterion ids non-empty and unique; known dimension,
 * operator and field; finite points; a value of the right shape for the operator.
 */
export function validateScoringModel(model: unknown): ScoringModelProblem[] {
  const problems: ScoringModelProblem[] = [];
  const add = (path: string, code: ScoringModelProblemCode, message: string) =>
    problems.push({ path, code, message });
  if (!isRecord(model)) {
    add('', 'not_object', 'The model must be an object.');
    return problems;
  }
  if (!Number.isInteger(model.version) || (model.version as number) < 1) {
    add('version', 'bad_version', 'Version must be an integer of at least 1.');
  }
  if (typeof model.name !== 'string') add('name', 'bad_name', 'Name must be text.');

  const dimensions = isRecord(model.dimensions) ? model.dimensions : {};
  let totalWeight = 0;
  for (const d of SCORING_DIMENSIONS) {
    const settings = dimensions[d];
    if (!isRecord(settings)) {
      add(`dimensions.${d}`, 'bad_weight', `Dimension ${d} needs a weight and a cap.`);
      continue;
    }
    if (!isFiniteNumber(settings.weight) || settings.weight < 0) {
      add(`dimensions.${d}.weight`, 'bad_weight', 'Weight must be a number of at least 0.');
    } else {
      totalWeight += settings.weight;
    }
    if (!isFiniteNumber(settings.cap) || settings.cap <= 0) {
      add(`dimensions.${d}.cap`, 'bad_cap', 'Cap must be a number above 0.');
    }
  }
  if (totalWeight <= 0) add('dimensions', 'no_weight', 'At least one dimension needs a weight above 0.');

  if (!isFiniteNumber(model.halfLifeDays) || model.halfLifeDays <= 0) {
    add('halfLifeDays', 'bad_half_life', 'Half-life must be a number of days above 0.');
  }

  const t = isRecord(model.thresholds) ? model.thresholds : null;
  if (t === null) {
    add('thresholds', 'bad_threshold', 'Thresholds a, b and c are required.');
  } else {
    let allGood = true;
    for (const key of ['a', 'b', 'c'] as const) {
      const v = t[key];
      if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 100) {
        add(`thresholds.${key}`, 'bad_threshold', 'Threshold must be an integer from 0 to 100.');
        allGood = false;
      }
    }
    if (allGood && !((t.c as number) < (t.b as number) && (t.b as number) < (t.a as number))) {
      add('thresholds', 'unordered_thresholds', 'Thresholds must be ordered: c < b < a.');
    }
  }

  if (!Array.isArray(model.criteria)) {
    add('criteria', 'bad_value', 'Criteria must be a list.');
    return problems;
  }
  const seen = new Map<string, number>();
  (model.criteria as unknown[]).forEach((c, i) => {
    const at = `criteria[${i}]`;
    if (!isRecord(c)) {
      add(at, 'not_object', 'A criterion must be an object.');
      return;
    }
    if (!isNonEmptyText(c.id)) {
      add(`${at}.id`, 'empty_id', 'A criterion needs a non-empty id.');
    } else {
      const first = seen.get(c.id);
      if (first !== undefined)
        add(`${at}.id`, 'duplicate_id', `Id "${c.id}" is already used by criteria[${first}].`);
      else seen.set(c.id, i);
    }
    if (!(SCORING_DIMENSIONS as readonly unknown[]).includes(c.dimension)) {
      add(
        `${at}.dimension`,
        'unknown_dimension',
        `Dimension must be one of ${SCORING_DIMENSIONS.join(', ')}.`,
      );
    }
    if (!isFiniteNumber(c.points)) add(`${at}.points`, 'bad_points', 'Points must be a number.');
    if (!(CRITERION_OPERATORS as readonly unknown[]).includes(c.operator)) {
      add(`${at}.operator`, 'unknown_operator', `Operator must be one of ${CRITERION_OPERATORS.join(', ')}.`);
      return;
    }
    if (c.operator === 'event') {
      if (c.field !== 'events')
        add(`${at}.field`, 'unknown_field', 'An event criterion reads the field "events".');
      if (!(BEHAVIOUR_KINDS as readonly unknown[]).includes(c.value)) {
        add(`${at}.value`, 'bad_value', `Event kind must be one of ${BEHAVIOUR_KINDS.join(', ')}.`);
      }
      if (c.halfLifeDays !== undefined && c.halfLifeDays !== null) {
        if (!isFiniteNumber(c.halfLifeDays) || c.halfLifeDays <= 0) {
          add(`${at}.halfLifeDays`, 'bad_half_life', 'Half-life must be a number of days above 0, or empty.');
        }
      }
      if (c.maxEvents !== undefined && c.maxEvents !== null) {
        if (!Number.isInteger(c.maxEvents) || (c.maxEvents as number) < 1) {
          add(
            `${at}.maxEvents`,
            'bad_max_events',
            'Event cap must be a whole number of at least 1, or empty.',
          );
        }
      }
      return;
    }
    if (!isKnownField(c.field)) add(`${at}.field`, 'unknown_field', `Unknown field "${String(c.field)}".`);
    const v = c.value;
    switch (c.operator) {
      case 'equals':
        if (!isNonEmptyText(v) && !isFiniteNumber(v))
          add(`${at}.value`, 'bad_value', 'Equals needs a value.');
        break;
      case 'contains':
        if (!isNonEmptyText(v)) add(`${at}.value`, 'bad_value', 'Contains needs non-empty text.');
        break;
      case 'in':
      case 'keywords':
        if (!Array.isArray(v) || v.length === 0 || !v.every(isNonEmptyText)) {
          add(`${at}.value`, 'bad_value', 'Needs a non-empty list of non-empty texts.');
        }
        break;
      case 'range': {
        const min = isRecord(v) ? v.min : undefined;
        const max = isRecord(v) ? v.max : undefined;
        const hasMin = min !== undefined && min !== null;
        const hasMax = max !== undefined && max !== null;
        if (!isRecord(v) || (!hasMin && !hasMax)) {
          add(`${at}.value`, 'bad_value', 'A range needs a min, a max or both.');
        } else if ((hasMin && !isFiniteNumber(min)) || (hasMax && !isFiniteNumber(max))) {
          add(`${at}.value`, 'bad_value', 'Range bounds must be numbers.');
        } else if (hasMin && hasMax && (min as number) >= (max as number)) {
          add(`${at}.value`, 'bad_value', 'Range min must be below max.');
        }
        break;
      }
      case 'exists':
        break;
    }
  });
  return problems;
}

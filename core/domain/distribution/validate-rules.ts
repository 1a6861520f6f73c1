// Checks a rule list before it is saved: shapes, operators, method options and the catch-all fallback at the end.
import { GRADES } from '../funnel';
import { REP_TIERS } from '../rep';
import { DISTRIBUTION_METHODS } from './types';
import { CONDITION_FIELDS } from './condition-types';
import type { DistributionRule, RuleProblem } from './types';
import type { Condition } from './condition-types';
import { parseClockTime } from './local-time';

const FIELD_SET: ReadonlySet<string> = new Set(CONDITION_FIELDS);
const METHOD_SET: ReadonlySet<string> = new Set(DISTRIBUTION_METHODS);
const TIER_SET: ReadonlySet<string> = new Set(REP_TIERS);
const GRADE_KEYS: ReadonlySet<string> = new Set([...GRADES, 'ungraded']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function checkCondition(raw: unknown, path: string, problems: RuleProblem[]): void {
  if (!isRecord(raw)) {
    problems.push({ path, code: 'condition-not-object', message: 'A condition must be an object.' });
    return;
  }
  const field = raw['field'];
  if (
    typeof field !== 'string' ||
    (!FIELD_SET.has(field) && !(field.startsWith('custom.') && field.length > 7))
  ) {
    problems.push({
      path: `${path}.field`,
      code: 'unknown-field',
      message: `Unknown field ${JSON.stringify(field)}.`,
    });
  }
  const condition = raw as unknown as Condition;
  switch (condition.op) {
    case 'equals':
      if (!isScalar(condition.value))
        problems.push({
          path: `${path}.value`,
          code: 'bad-value',
          message: 'equals needs a string or number.',
        });
      break;
    case 'contains':
      if (typeof condition.value !== 'string' || condition.value.trim() === '') {
        problems.push({
          path: `${path}.value`,
          code: 'bad-value',
          message: 'contains needs a non-empty string.',
        });
      }
      break;
    case 'in':
      if (
        !Array.isArray(condition.values) ||
        condition.values.length === 0 ||
        !condition.values.every(isScalar)
      ) {
        problems.push({
          path: `${path}.values`,
          code: 'bad-values',
          message: 'in needs a non-empty list of strings or numbers.',
        });
      }
      break;
    case 'range': {
      const min = condition.min ?? null;
      const max = condition.max ?? null;
      if (min === null && max === null)
        problems.push({ path, code: 'empty-range', message: 'range needs min, max or both.' });
      if (min !== null && !(typeof min === 'number' && Number.isFinite(min))) {
        problems.push({ path: `${path}.min`, code: 'bad-number', message: 'min must be a number.' });
      }
      if (max !== null && !(typeof max === 'number' && Number.isFinite(max))) {
        problems.push({ path: `${path}.max`, code: 'bad-number', message: 'max must be a number.' });
      }
      const cyclic = field === 'arrival.hour' || field === 'arrival.weekday';
      if (typeof min === 'number' && typeof max === 'number' && min > max && !cyclic) {
        problems.push({ path: `${path}.max`, code: 'min-above-max', message: 'min is above max.' });
      }
      if (field === 'arrival.hour') {
        for (const [key, bound] of [
          ['min', min],
          ['max', max],
        ] as const) {
          if (bound !== null && (!Number.isInteger(bound) || bound < 0 || bound > 23)) {
            problems.push({
              path: `${path}.${key}`,
              code: 'bad-hour',
              message: 'Hours are whole numbers 0–23.',
            });
          }
        }
      }
      if (field === 'arrival.weekday') {
        for (const [key, bound] of [
          ['min', min],
          ['max', max],
        ] as const) {
          if (bound !== null && (!Number.isInteger(bound) || bound < 1 || bound > 7)) {
            problems.push({
              path: `${path}.${key}`,
              code: 'bad-weekday',
              message: 'Weekdays are 1 (Monday) to 7 (Sunday).',
            });
          }
        }
      }
      break;
    }
    case 'exists':
      break;
    default:
      problems.push({
        path: `${path}.op`,
        code: 'unknown-op',
        message: `Unknown operator ${JSON.stringify(raw['op'])}.`,
      });
  }
  if (raw['negate'] !== undefined && typeof raw['negate'] !== 'boolean') {
    problems.push({ path: `${path}.negate`, code: 'bad-boolean', message: 'negate must be true or false.' });
  }
}

function checkStringList(value: unknown, path: string, what: string, problems: RuleProblem[]): void {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((item) => typeof item === 'string' && item.trim() !== '')
  ) {
    problems.push({ path, code: 'bad-list', message: `Needs a non-empty list of ${what}.` });
  }
}

function checkTarget(raw: unknown, path: string, problems: RuleProblem[]): void {
  if (!isRecord(raw)) {
    problems.push({ path, code: 'target-not-object', message: 'A target must be an object.' });
    return;
  }
  switch (raw['kind']) {
    case 'everyone':
    case 'territory':
      return;
    case 'reps':
      checkStringList(raw['repIds'], `${path}.repIds`, 'rep ids', problems);
      return;
    case 'tier':
      checkStringList(raw['tiers'], `${path}.tiers`, 'tiers', problems);
      if (Array.isArray(raw['tiers'])) {
        raw['tiers'].forEach((tier: unknown, i: number) => {
          if (typeof tier !== 'string' || !TIER_SET.has(tier)) {
            problems.push({
              path: `${path}.tiers[${i}]`,
              code: 'unknown-tier',
              message: `Unknown tier ${JSON.stringify(tier)}.`,
            });
          }
        });
      }
      return;
    case 'skill':
      checkStringList(raw['tags'], `${path}.tags`, 'skill tags', problems);
      return;
    case 'region':
      checkStringList(raw['regions'], `${path}.regions`, 'regions', problems);
      return;
    default:
      problems.push({
        path: `${path}.kind`,
        code: 'unknown-target',
        message: `Unknown target ${JSON.stringify(raw['kind'])}.`,
      });
  }
}

function checkFraction(value: unknown, path: string, problems: RuleProblem[]): void {
  if (value !== undefined && !(typeof value === 'number' && value >= 0 && value <= 1)) {
    problems.push({ path, code: 'bad-fraction', message: 'Must be a number from 0 to 1.' });
  }
}

function checkOptions(raw: unknown, path: string, problems: RuleProblem[]): void {
  if (raw === undefined) return;
  if (!isRecord(raw)) {
    problems.push({ path, code: 'options-not-object', message: 'Method options must be an object.' });
    return;
  }
  if (
    raw['weightSource'] !== undefined &&
    raw['weightSource'] !== 'rep' &&
    raw['weightSource'] !== 'conversion'
  ) {
    problems.push({
      path: `${path}.weightSource`,
      code: 'bad-enum',
      message: 'weightSource is rep or conversion.',
    });
  }
  checkFraction(raw['conversionFloor'], `${path}.conversionFloor`, problems);
  checkFraction(raw['fairnessTolerance'], `${path}.fairnessTolerance`, problems);
  if (raw['ownerKeeps'] !== undefined && typeof raw['ownerKeeps'] !== 'boolean')
    problems.push({
      path: `${path}.ownerKeeps`,
      code: 'bad-boolean',
      message: 'ownerKeeps must be true or false.',
    });
  const capacity = raw['defaultCapacity'];
  if (
    capacity !== undefined &&
    !(typeof capacity === 'number' && Number.isInteger(capacity) && capacity >= 1)
  ) {
    problems.push({
      path: `${path}.defaultCapacity`,
      code: 'bad-integer',
      message: 'defaultCapacity is a whole number ≥ 1.',
    });
  }
  const coOwners = raw['coOwnerCount'];
  if (
    coOwners !== undefined &&
    !(typeof coOwners === 'number' && Number.isInteger(coOwners) && coOwners >= 0 && coOwners <= 10)
  ) {
    problems.push({
      path: `${path}.coOwnerCount`,
      code: 'bad-integer',
      message: 'coOwnerCount is a whole number 0–10.',
    });
  }
  if (raw['coOwnerRepIds'] !== undefined)
    checkStringList(raw['coOwnerRepIds'], `${path}.coOwnerRepIds`, 'rep ids', problems);
  if (
    raw['skillFallback'] !== undefined &&
    raw['skillFallback'] !== 'target' &&
    raw['skillFallback'] !== 'pool'
  ) {
    problems.push({
      path: `${path}.skillFallback`,
      code: 'bad-enum',
      message: 'skillFallback is target or pool.',
    });
  }
  const tierMap = raw['tierMap'];
  if (tierMap !== undefined) {
    if (!isRecord(tierMap)) {
      problems.push({ path: `${path}.tierMap`, code: 'bad-map', message: 'tierMap maps grades to tiers.' });
    } else {
      for (const [grade, tier] of Object.entries(tierMap)) {
        if (!GRADE_KEYS.has(grade))
          problems.push({
            path: `${path}.tierMap.${grade}`,
            code: 'unknown-grade',
            message: `Unknown grade ${grade}.`,
          });
        if (typeof tier !== 'string' || !TIER_SET.has(tier)) {
          problems.push({
            path: `${path}.tierMap.${grade}`,
            code: 'unknown-tier',
            message: `Unknown tier ${JSON.stringify(tier)}.`,
          });
        }
      }
    }
  }
}

/** Checks working hours given to the engine (`HH:MM`, ISO weekdays 1–7). */
export function validateWorkingHours(raw: unknown, path: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!isRecord(raw)) return [{ path, code: 'not-object', message: 'Working hours must be an object.' }];
  const days = raw['days'];
  if (!Array.isArray(days) || !days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
    problems.push({
      path: `${path}.days`,
      code: 'bad-weekday',
      message: 'days are weekdays 1 (Monday) to 7 (Sunday).',
    });
  }
  for (const key of ['from', 'to'] as const) {
    const value = raw[key];
    if (typeof value !== 'string' || parseClockTime(value) === null) {
      problems.push({ path: `${path}.${key}`, code: 'bad-time', message: `${key} must be HH:MM.` });
    }
  }
  return problems;
}

/**
 * Problems in a rule list, each with a JSON path (`[i].field`). Empty means the list is usable:
 * unique ids, known fields/operators/methods/targets, sane options, and a last rule that is enabled
 * and has no conditions (the fallback every lead reaches). Conditionless rules before it are flagged
 * because they hide every rule after them.
 */
export function validateRules(rules: readonly DistributionRule[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!Array.isArray(rules)) return [{ path: '', code: 'not-a-list', message: 'Rules must be a list.' }];
  if (rules.length === 0)
    return [{ path: '', code: 'no-fallback', message: 'At least one rule, the fallback, is needed.' }];
  const seen = new Map<string, number>();
  rules.forEach((raw: unknown, index) => {
    const path = `[${index}]`;
    if (!isRecord(raw)) {
      problems.push({ path, code: 'rule-not-object', message: 'A rule must be an object.' });
      return;
    }
    const rule = raw as unknown as DistributionRule;
    if (typeof rule.id !== 'string' || rule.id.trim() === '') {
      problems.push({ path: `${path}.id`, code: 'missing-id', message: 'A rule needs an id.' });
    } else if (seen.has(rule.id)) {
      problems.push({
        path: `${path}.id`,
        code: 'duplicate-id',
        message: `Same id as rule ${seen.get(rule.id)}.`,
      });
    } else {
      seen.set(rule.id, index);
    }
    if (typeof rule.name !== 'string' || rule.name.trim() === '') {
      problems.push({ path: `${path}.name`, code: 'missing-name', message: 'A rule needs a name.' });
    }
    if (typeof rule.enabled !== 'boolean')
      problems.push({
        path: `${path}.enabled`,
        code: 'bad-boolean',
        message: 'enabled must be true or false.',
      });
    if (!METHOD_SET.has(rule.method)) {
      problems.push({
        path: `${path}.method`,
        code: 'unknown-method',
        message: `Unknown method ${JSON.stringify(raw['method'])}.`,
      });
    }
    if (!Array.isArray(rule.conditions)) {
      problems.push({
        path: `${path}.conditions`,
        code: 'conditions-not-list',
        message: 'conditions must be a list.',
      });
    } else {
      rule.conditions.forEach((condition: unknown, c) =>
        checkCondition(condition, `${path}.conditions[${c}]`, problems),
      );
      const isStep = rule.method === 'existing-customer';
      if (rule.enabled && !isStep && rule.conditions.length === 0 && index < rules.length - 1) {
        problems.push({
          path: `${path}.conditions`,
          code: 'shadows-later-rules',
          message: 'A rule without conditions before the end hides every rule after it.',
        });
      }
    }
    checkTarget(raw['target'], `${path}.target`, problems);
    checkOptions(raw['options'], `${path}.options`, problems);
    for (const key of ['respectWorkingHours', 'ignoreAffinity'] as const) {
      if (raw[key] !== undefined && typeof raw[key] !== 'boolean') {
        problems.push({
          path: `${path}.${key}`,
          code: 'bad-boolean',
          message: `${key} must be true or false.`,
        });
      }
    }
  });
  const last = rules[rules.length - 1] as unknown;
  if (isRecord(last)) {
    const lastPath = `[${rules.length - 1}]`;
    if (last['enabled'] !== true)
      problems.push({
        path: `${lastPath}.enabled`,
        code: 'no-fallback',
        message: 'The last rule is the fallback and must be enabled.',
      });
    if (last['method'] === 'existing-customer')
      problems.push({
        path: `${lastPath}.method`,
        code: 'no-fallback',
        message: 'The last rule is the fallback: an existing-customer step cannot end the list.',
      });
    if (!Array.isArray(last['conditions']) || last['conditions'].length > 0) {
      problems.push({
        path: `${lastPath}.conditions`,
        code: 'no-fallback',
        message: 'The last rule is the fallback and must have no conditions.',
      });
    }
  }
  return problems;
}

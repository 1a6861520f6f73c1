// Editing helpers for a draft rule list: new rules and conditions, fresh ids, problems grouped by rule.
import type {
  DistributionMethod,
  DistributionRule,
  RuleProblem,
  RuleTarget,
} from '../../../../core/domain/distribution/types';
import type {
  Condition,
  ConditionField,
  ConditionOp,
} from '../../../../core/domain/distribution/condition-types';

let counter = 0;

/** A new id that is unique within the draft (rules keep their id for life, so pointers survive edits). */
function newRuleId(existing: readonly DistributionRule[]): string {
  const taken = new Set(existing.map((r) => r.id));
  let id: string;
  do {
    counter += 1;
    id = `rule-${Date.now().toString(36)}-${counter}`;
  } while (taken.has(id));
  return id;
}

export function newRule(existing: readonly DistributionRule[], name: string): DistributionRule {
  return {
    id: newRuleId(existing),
    name,
    enabled: true,
    conditions: [{ field: 'grade', op: 'equals', value: 'A' }],
    target: { kind: 'everyone' },
    method: 'round-robin',
  };
}

/** A condition of another operator keeping what still makes sense of the old one. */
export function changeOperator(condition: Condition, op: ConditionOp): Condition {
  const field: ConditionField = condition.field;
  const negate = condition.negate === true ? { negate: true } : {};
  const scalar =
    'value' in condition ? condition.value : 'values' in condition ? (condition.values[0] ?? '') : '';
  switch (op) {
    case 'equals':
      return { field, op, value: scalar, ...negate };
    case 'contains':
      return { field, op, value: String(scalar), ...negate };
    case 'in':
      return { field, op, values: scalar === '' ? [] : [scalar], ...negate };
    case 'range':
      return { field, op, min: null, max: null, ...negate };
    case 'exists':
      return { field, op, ...negate };
  }
}

export function defaultTarget(kind: RuleTarget['kind']): RuleTarget {
  switch (kind) {
    case 'everyone':
      return { kind };
    case 'territory':
      return { kind };
    case 'reps':
      return { kind, repIds: [] };
    case 'tier':
      return { kind, tiers: ['senior'] };
    case 'skill':
      return { kind, tags: [] };
    case 'region':
      return { kind, regions: [] };
  }
}

export const EDITABLE_METHODS: readonly DistributionMethod[] = [
  'round-robin',
  'weighted',
  'load-balanced',
  'skill-match',
  'tier-ladder',
  'team',
  'optimal',
  'public-pool',
  'manual',
  'existing-customer',
];

/** Problems by rule index (`[2].conditions[0]` → 2); problems about the whole list under -1. */
export function groupProblems(problems: readonly RuleProblem[]): Map<number, RuleProblem[]> {
  const byRule = new Map<number, RuleProblem[]>();
  for (const problem of problems) {
    const match = /^\[(\d+)\]/.exec(problem.path);
    const index = match ? Number(match[1]) : -1;
    byRule.set(index, [...(byRule.get(index) ?? []), problem]);
  }
  return byRule;
}

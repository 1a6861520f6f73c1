// The JSON shape of a rule's conditions: which lead fields they read and how they compare.

/** Lead fields a condition can read; `custom.<key>` reads a custom field. Arrival is the lead's createdAt in local time. */
export const CONDITION_FIELDS = [
  'grade',
  'score',
  'probability',
  'source',
  'campaign',
  'region',
  'industry',
  'product',
  'company',
  'companySize',
  'title',
  'name',
  'email',
  'phone',
  'wechat',
  'needs',
  'stage',
  'costFen',
  'bant.budget',
  'bant.authority',
  'bant.need',
  'bant.timeline',
  'arrival.weekday',
  'arrival.hour',
] as const;
type BuiltinConditionField = (typeof CONDITION_FIELDS)[number];
export type ConditionField = BuiltinConditionField | `custom.${string}`;

type ConditionValue = string | number;

/**
 * One test on a lead. Strings compare trimmed and case-insensitive. `range` bounds are inclusive; on
 * `arrival.hour` (0–23) and `arrival.weekday` (ISO 1 = Monday … 7 = Sunday) a min above max wraps (22–6 = night).
 */
export type Condition =
  | {
      readonly field: ConditionField;
      readonly op: 'equals';
      readonly value: ConditionValue;
      readonly negate?: boolean;
    }
  | {
      readonly field: ConditionField;
      readonly op: 'in';
      readonly values: readonly ConditionValue[];
      readonly negate?: boolean;
    }
  | {
      readonly field: ConditionField;
      readonly op: 'contains';
      readonly value: string;
      readonly negate?: boolean;
    }
  | {
      readonly field: ConditionField;
      readonly op: 'range';
      readonly min?: number | null;
      readonly max?: number | null;
      readonly negate?: boolean;
    }
  | { readonly field: ConditionField; readonly op: 'exists'; readonly negate?: boolean };
export type ConditionOp = Condition['op'];

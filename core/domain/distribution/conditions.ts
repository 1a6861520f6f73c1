// Rule conditions: reading a lead field and testing it, so the engine can say which rule matched and why.
import type { ConditionTrace, DistributionLead, DistributionRule, SkippedRule } from './types';
import type { Condition, ConditionField } from './condition-types';
import type { LocalTime } from './local-time';

/** The lead's value for a condition field: strings as given, numbers as numbers, null when missing or blank. */
export function readConditionField(
  lead: DistributionLead,
  field: ConditionField,
  arrival: LocalTime,
): string | number | null {
  if (field.startsWith('custom.')) {
    const raw = lead.customFields[field.slice(7)];
    return raw === undefined || raw.trim() === '' ? null : raw;
  }
  switch (field) {
    case 'grade':
      return lead.grade;
    case 'score':
      return lead.score;
    case 'probability':
      return leadProbability(lead);
    case 'source':
      return blankToNull(lead.source);
    case 'campaign':
      return blankToNull(lead.campaign);
    case 'region':
      return blankToNull(lead.region);
    case 'industry':
      return blankToNull(lead.industry);
    case 'product':
      return blankToNull(lead.product);
    case 'company':
      return blankToNull(lead.company);
    case 'companySize':
      return lead.companySize;
    case 'title':
      return blankToNull(lead.title);
    case 'name':
      return blankToNull(lead.name);
    case 'email':
      return blankToNull(lead.email);
    case 'phone':
      return blankToNull(lead.phone);
    case 'wechat':
      return blankToNull(lead.wechat);
    case 'needs':
      return blankToNull(lead.needs);
    case 'stage':
      return lead.stage;
    case 'costFen':
      return lead.costFen;
    case 'bant.budget':
      return lead.bant.budget ?? null;
    case 'bant.authority':
      return lead.bant.authority ?? null;
    case 'bant.need':
      return lead.bant.need ?? null;
    case 'bant.timeline':
      return lead.bant.timeline ?? null;
    case 'arrival.weekday':
      return arrival.weekday;
    case 'arrival.hour':
      return Math.floor(arrival.minuteOfDay / 60);
    default:
      return null;
  }
}

function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}

/** Conversion probability used by the optimizer: explicit probability, else score / 100, else 0; clamped to 0–1. */
export function leadProbability(lead: DistributionLead): number {
  const p = lead.probability ?? (lead.score === null ? 0 : lead.score / 100);
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}

function fold(value: string | number): string {
  return typeof value === 'number' ? String(value) : value.trim().toLowerCase();
}

function toNumber(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

function isCyclicField(field: ConditionField): boolean {
  return field === 'arrival.hour' || field === 'arrival.weekday';
}

/** A condition with its expected values folded once, so matching thousands of leads does no repeated work. */
interface CompiledCondition {
  readonly equals: string | null;
  readonly values: ReadonlySet<string> | null;
}

const compiled = new WeakMap<Condition, CompiledCondition>();

function compile(condition: Condition): CompiledCondition {
  let entry = compiled.get(condition);
  if (entry === undefined) {
    entry = {
      equals: condition.op === 'equals' || condition.op === 'contains' ? fold(condition.value) : null,
      values: condition.op === 'in' ? new Set(condition.values.map(fold)) : null,
    };
    compiled.set(condition, entry);
  }
  return entry;
}

function testCondition(condition: Condition, value: string | number | null): boolean {
  switch (condition.op) {
    case 'exists':
      return value !== null;
    case 'equals':
      return value !== null && fold(value) === compile(condition).equals;
    case 'in':
      return value !== null && (compile(condition).values?.has(fold(value)) ?? false);
    case 'contains':
      return value !== null && fold(value).includes(compile(condition).equals ?? '');
    case 'range': {
      if (value === null) return false;
      const n = toNumber(value);
      if (n === null) return false;
      const min = condition.min ?? null;
      const max = condition.max ?? null;
      if (min !== null && max !== null && min > max && isCyclicField(condition.field))
        return n >= min || n <= max;
      return (min === null || n >= min) && (max === null || n <= max);
    }
    default:
      return false;
  }
}

/** Evaluates one condition on a lead, with the lead's value for the explanation. `negate` flips the result. */
function evaluateCondition(
  condition: Condition,
  index: number,
  lead: DistributionLead,
  arrival: LocalTime,
): ConditionTrace {
  const value = readConditionField(lead, condition.field, arrival);
  const passed = testCondition(condition, value) !== (condition.negate === true);
  return { index, condition, value, passed };
}

export interface RuleMatch {
  readonly rule: DistributionRule;
  readonly index: number;
  readonly conditions: readonly ConditionTrace[];
  readonly skipped: readonly SkippedRule[];
}

/**
 * First enabled rule from `start` whose conditions all hold (AND), with the rules passed over; null when none
 * matches.
 */
export function matchRule(
  rules: readonly DistributionRule[],
  lead: DistributionLead,
  arrival: LocalTime,
  withSkipped: boolean,
  start = 0,
): RuleMatch | { readonly rule: null; readonly skipped: readonly SkippedRule[] } {
  const skipped: SkippedRule[] = [];
  for (let index = start; index < rules.length; index += 1) {
    const rule = rules[index];
    if (rule === undefined) continue;
    if (!rule.enabled) {
      if (withSkipped) skipped.push({ id: rule.id, index, reason: 'disabled' });
      continue;
    }
    const traces: ConditionTrace[] = [];
    let failed: ConditionTrace | null = null;
    for (let c = 0; c < rule.conditions.length; c += 1) {
      const condition = rule.conditions[c];
      if (condition === undefined) continue;
      const trace = evaluateCondition(condition, c, lead, arrival);
      if (!trace.passed) {
        failed = trace;
        break;
      }
      traces.push(trace);
    }
    if (failed === null) return { rule, index, conditions: traces, skipped };
    if (withSkipped) skipped.push({ id: rule.id, index, reason: 'conditions-not-met', failed });
  }
  return { rule: null, skipped };
}

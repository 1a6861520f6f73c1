// Lead profiles the linter routes through the rules: recent leads grouped by the fields the rules read, and,
// for fields no recent lead shows, profiles made up from the values the conditions name.
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../clock';
import { GRADES } from '../funnel';
import { asLeadId } from '../ids';
import { blankLead } from '../lead';
import { readConditionField } from '../distribution/conditions';
import type { Condition, ConditionField } from '../distribution/condition-types';
import type { DistributionLead, DistributionRule } from '../distribution/types';
import { toLocalTime } from '../distribution/local-time';
import type { LeadRef, ProfileField } from './types';

/** A value no condition names: matches no positive condition, passes every negated one. */
export const OTHER_VALUE = '\u0000other';
/** Most made-up profiles before the linter varies one field at a time instead of every combination. */
const MAX_COMBINATIONS = 2048;
/** Lead names kept per profile for the warnings. */
export const SAMPLE_LEADS = 5;

export interface LeadProfile {
  /** A lead standing for the profile (the first seen, or a made-up one). */
  readonly lead: DistributionLead;
  readonly fields: readonly ProfileField[];
  /** Recent leads of this profile (0 when made up), per ISO weekday (index 1–7). */
  readonly count: number;
  readonly byWeekday: readonly number[];
  readonly leads: readonly LeadRef[];
}

const NUMERIC_FIELDS: ReadonlySet<string> = new Set([
  'score',
  'probability',
  'companySize',
  'costFen',
  'bant.budget',
  'arrival.weekday',
  'arrival.hour',
]);
const NEVER_EMPTY: ReadonlySet<string> = new Set(['costFen', 'stage', 'arrival.weekday', 'arrival.hour']);

/** Fields the enabled rules read: their conditions, plus region for territories and grade for the ladder. */
export function referencedFields(rules: readonly DistributionRule[]): ConditionField[] {
  const fields = new Set<ConditionField>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    for (const c of rule.conditions) fields.add(c.field);
    if (rule.target.kind === 'territory') fields.add('region');
    if (rule.method === 'tier-ladder') fields.add('grade');
  }
  return [...fields].sort();
}

function keyOf(value: string | number | null): string {
  if (value === null) return '\u0000';
  return typeof value === 'number' ? `#${value}` : value.trim().toLowerCase();
}

/** How one field's values are told apart: only as finely as some condition can tell them apart. */
interface FieldClasses {
  /** Sorted numeric edges: a number's class is how many edges it is at or above. */
  readonly edges: readonly number[];
  /** Substrings of contains conditions: a string's class includes which of them it holds. */
  readonly parts: readonly string[];
}

function classesOf(field: ConditionField, rules: readonly DistributionRule[]): FieldClasses {
  const edges = new Set<number>();
  const parts = new Set<string>();
  for (const rule of rules)
    for (const c of rule.conditions) {
      if (c.field !== field) continue;
      if (c.op === 'range') {
        if (typeof c.min === 'number') edges.add(c.min);
        if (typeof c.max === 'number') edges.add(c.max + 1e-9);
      } else if (c.op === 'contains') parts.add(c.value.trim().toLowerCase());
    }
  return { edges: [...edges].sort((a, b) => a - b), parts: [...parts] };
}

function classKey(value: string | number | null, classes: FieldClasses): string {
  if (value === null) return '\u0000';
  if (classes.edges.length > 0) {
    const n = typeof value === 'number' ? value : Number(value);
    if (Number.isFinite(n) && (typeof value === 'number' || value.trim() !== '')) {
      let bucket = 0;
      while (bucket < classes.edges.length && n >= (classes.edges[bucket] ?? Infinity)) bucket += 1;
      return `#${bucket}`;
    }
  }
  if (typeof value === 'number') return `=${value}`;
  const folded = value.trim().toLowerCase();
  if (classes.parts.length === 0) return folded;
  return `${folded}\u0002${classes.parts.map((part) => (folded.includes(part) ? '1' : '0')).join('')}`;
}

/** A numeric class as text: the half-open interval of the edges around it, e.g. `[40, 60)`. */
function bucketLabel(value: number, edges: readonly number[]): string {
  let bucket = 0;
  while (bucket < edges.length && value >= (edges[bucket] ?? Infinity)) bucket += 1;
  const show = (n: number) => String(Math.round(n * 1000) / 1000);
  const lo = edges[bucket - 1];
  const hi = edges[bucket];
  if (lo === undefined) return hi === undefined ? show(value) : `< ${show(hi)}`;
  return hi === undefined ? `≥ ${show(lo)}` : `[${show(lo)}, ${show(hi)})`;
}

/**
 * Recent leads grouped by their values of `fields`, largest group first. Numbers are grouped by the range edges the
 * rules name (scores 12 and 23 are one profile when no rule tells them apart) and shown as that interval.
 */
export function groupHistory(
  history: readonly DistributionLead[],
  fields: readonly ConditionField[],
  utcOffsetMinutes: number,
  rules: readonly DistributionRule[] = [],
): LeadProfile[] {
  const classes = fields.map((field) => classesOf(field, rules));
  const groups = new Map<
    string,
    { lead: DistributionLead; fields: ProfileField[]; byWeekday: number[]; leads: LeadRef[] }
  >();
  for (const lead of history) {
    const arrival = toLocalTime(lead.createdAt, utcOffsetMinutes);
    const values = fields.map((field) => readConditionField(lead, field, arrival));
    const key = values.map((v, i) => classKey(v, classes[i] ?? { edges: [], parts: [] })).join('\u0001');
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        lead,
        fields: fields.map((field, i) => {
          const value = values[i] ?? null;
          const edges = classes[i]?.edges ?? [];
          const n = typeof value === 'number' ? value : null;
          return {
            field,
            value: n !== null && edges.length > 0 ? bucketLabel(n, edges) : value,
            isOther: false,
          };
        }),
        byWeekday: [0, 0, 0, 0, 0, 0, 0, 0],
        leads: [],
      };
      groups.set(key, group);
    }
    group.byWeekday[arrival.weekday] = (group.byWeekday[arrival.weekday] ?? 0) + 1;
    if (group.leads.length < SAMPLE_LEADS) group.leads.push({ id: lead.id, name: lead.name });
  }
  return [...groups.values()]
    .map((g) => ({ ...g, count: g.byWeekday.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.count - a.count);
}

function conditionAtoms(c: Condition): (string | number)[] {
  switch (c.op) {
    case 'equals':
      return [c.value];
    case 'in':
      return [...c.values];
    case 'contains':
      return [c.value];
    case 'range': {
      const out: number[] = [];
      if (typeof c.min === 'number') out.push(c.min, c.min - 1);
      if (typeof c.max === 'number') out.push(c.max, c.max + 1);
      return out;
    }
    default:
      return [];
  }
}

/** The values worth trying for a field: those the conditions name (with range edges), another one, and empty. */
function fieldAtoms(field: ConditionField, rules: readonly DistributionRule[]): ProfileField[] {
  const named = new Map<string, string | number>();
  for (const rule of rules)
    for (const c of rule.conditions)
      if (c.field === field) for (const v of conditionAtoms(c)) named.set(keyOf(v), v);
  if (field === 'grade') for (const g of GRADES) named.set(keyOf(g), g);
  const out: ProfileField[] = [...named.values()].map((value) => ({ field, value, isOther: false }));
  if (field === 'arrival.weekday' || field === 'arrival.hour') {
    const [lo, hi] = field === 'arrival.weekday' ? [1, 7] : [0, 23];
    for (let v = lo; v <= hi; v += 1)
      if (!named.has(keyOf(v))) {
        out.push({ field, value: v, isOther: true });
        break;
      }
    return out.filter((a) => typeof a.value === 'number' && a.value >= lo && a.value <= hi);
  }
  if (!NUMERIC_FIELDS.has(field) && field !== 'grade') out.push({ field, value: OTHER_VALUE, isOther: true });
  if (!NEVER_EMPTY.has(field)) out.push({ field, value: null, isOther: false });
  return out;
}

// 2024-01-01 was a Monday: local arrival times are built from it.
const MONDAY_MS = Date.UTC(2024, 0, 1);

function madeUpLead(
  values: readonly ProfileField[],
  utcOffsetMinutes: number,
  index: number,
): DistributionLead {
  const lead: Record<string, unknown> = {
    ...blankLead(asLeadId(`profile-${index}`)),
    createdAt: MONDAY_MS - utcOffsetMinutes * MINUTE_MS,
  };
  const bant: Record<string, unknown> = {};
  const customFields: Record<string, string> = {};
  let weekday = 1;
  let hour = 0;
  for (const { field, value } of values) {
    if (field === 'arrival.weekday') weekday = value === null ? 1 : Number(value);
    else if (field === 'arrival.hour') hour = value === null ? 0 : Number(value);
    else if (field.startsWith('custom.')) {
      if (value !== null) customFields[field.slice(7)] = String(value);
    } else if (field.startsWith('bant.')) bant[field.slice(5)] = value;
    else if (field === 'probability') lead['probability'] = value;
    else lead[field] = NUMERIC_FIELDS.has(field) && typeof value === 'string' ? Number(value) : value;
  }
  lead['createdAt'] = (lead['createdAt'] as number) + (weekday - 1) * DAY_MS + hour * HOUR_MS;
  lead['bant'] = bant;
  lead['customFields'] = customFields;
  return lead as unknown as DistributionLead;
}

/**
 * Profiles made up from the values the rules name: every combination when there are at most MAX_COMBINATIONS,
 * else each field's values with the other fields empty.
 */
export function madeUpProfiles(
  rules: readonly DistributionRule[],
  fields: readonly ConditionField[],
  utcOffsetMinutes: number,
): LeadProfile[] {
  const enabled = rules.filter((r) => r.enabled);
  const atoms = fields.map((field) => fieldAtoms(field, enabled));
  const total = atoms.reduce((n, a) => n * Math.max(1, a.length), 1);
  const combos: ProfileField[][] = [];
  if (total <= MAX_COMBINATIONS) {
    let partial: ProfileField[][] = [[]];
    for (const list of atoms) {
      if (list.length === 0) continue;
      partial = partial.flatMap((prefix) => list.map((atom) => [...prefix, atom]));
    }
    combos.push(...partial);
  } else {
    atoms.forEach((list, f) => {
      for (const atom of list)
        combos.push(
          fields.map((field, g) =>
            g === f
              ? atom
              : (atoms[g]?.find((a) => a.value === null) ?? { field, value: null, isOther: false }),
          ),
        );
    });
  }
  return combos.map((combo, i) => ({
    lead: madeUpLead(combo, utcOffsetMinutes, i),
    fields: combo,
    count: 0,
    byWeekday: [0, 0, 0, 0, 0, 0, 0, 0],
    leads: [],
  }));
}

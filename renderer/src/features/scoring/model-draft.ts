// Editing a scoring model as a draft: fresh criteria, operator switches, and problems keyed by input path.
import { validateScoringModel, type ScoringModelProblemCode } from '../../../../core/domain/scoring/validate';
import type {
  Criterion,
  CriterionOperator,
  ScoringDimension,
  ScoringModel,
} from '../../../../core/domain/scoring/model';
import type { BehaviourKind } from '../../../../core/domain/lead';

/** Problem code by input path (`criteria.3.points`, `thresholds.a`, `dimensions.fit.weight`); first one wins. */
export type ProblemMap = ReadonlyMap<string, ScoringModelProblemCode | string>;

/**
 * One path form for the validator's `criteria[3].points` and the API's `model.criteria.3.points`.
 * An empty result means the problem is about the model as a whole.
 */
export function normalizeProblemPath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^model\.?/, '')
    .replace(/^\./, '');
}

/** Every problem the domain validator finds in the draft, keyed by normalized path. */
export function findDraftProblems(model: ScoringModel): Map<string, ScoringModelProblemCode> {
  const problems = new Map<string, ScoringModelProblemCode>();
  for (const problem of validateScoringModel(model)) {
    const path = normalizeProblemPath(problem.path);
    if (!problems.has(path)) problems.set(path, problem.code);
  }
  return problems;
}

/** The problems of one criterion, keyed by its own field (`points`, `value`, …; '' for the criterion itself). */
export function problemsOfCriterion(problems: ProblemMap, index: number): Map<string, string> {
  const prefix = `criteria.${index}`;
  const own = new Map<string, string>();
  for (const [path, code] of problems) {
    if (path === prefix) own.set('', code);
    else if (path.startsWith(`${prefix}.`)) own.set(path.slice(prefix.length + 1), code);
  }
  return own;
}

/** An id not used by any criterion of the model, readable in audit logs. */
function createCriterionId(model: ScoringModel, dimension: ScoringDimension): string {
  const used = new Set(model.criteria.map((c) => c.id));
  for (let n = model.criteria.length + 1; ; n += 1) {
    const id = `${dimension}.custom_${n}`;
    if (!used.has(id)) return id;
  }
}

/** A blank criterion to start the add form with: behaviour starts as an event criterion, the rest as keywords. */
export function createCriterion(model: ScoringModel, dimension: ScoringDimension): Criterion {
  const id = createCriterionId(model, dimension);
  if (dimension === 'behaviour') {
    return { id, label: '', dimension, field: 'events', operator: 'event', value: 'download', points: 10 };
  }
  return {
    id,
    label: '',
    dimension,
    field: dimension === 'need' ? 'needs' : 'title',
    operator: 'keywords',
    value: [],
    points: 10,
  };
}

/** Switches a criterion to another operator, keeping id, label, dimension and points and what value still fits. */
export function changeCriterionOperator(criterion: Criterion, operator: CriterionOperator): Criterion {
  const base = {
    id: criterion.id,
    dimension: criterion.dimension,
    points: criterion.points,
    ...(criterion.label === undefined ? {} : { label: criterion.label }),
  };
  const field = criterion.operator === 'event' ? 'title' : criterion.field;
  const old = criterion.value;
  const oldList = Array.isArray(old)
    ? (old as readonly string[])
    : typeof old === 'string' && old
      ? [old]
      : [];
  const oldText = typeof old === 'string' || typeof old === 'number' ? String(old) : (oldList[0] ?? '');
  switch (operator) {
    case 'equals':
      return { ...base, operator, field, value: oldText };
    case 'contains':
      return { ...base, operator, field, value: oldText };
    case 'in':
      return { ...base, operator, field, value: oldList };
    case 'keywords':
      return { ...base, operator, field, value: oldList };
    case 'range':
      return { ...base, operator, field, value: { min: null, max: null } };
    case 'exists':
      return { ...base, operator, field };
    case 'event': {
      const kind: BehaviourKind = criterion.operator === 'event' ? criterion.value : 'download';
      return { ...base, operator, field: 'events', value: kind };
    }
  }
}

/** Replaces the criterion at `index` (or appends when index is the length). */
export function withCriterion(model: ScoringModel, index: number, criterion: Criterion): ScoringModel {
  const criteria = [...model.criteria];
  criteria[index] = criterion;
  return { ...model, criteria };
}

export function withoutCriterion(model: ScoringModel, index: number): ScoringModel {
  return { ...model, criteria: model.criteria.filter((_, i) => i !== index) };
}

/** True when two models would score the same way (version and name aside). */
export function isSameModel(a: ScoringModel, b: ScoringModel): boolean {
  const strip = (m: ScoringModel) => JSON.stringify({ ...m, version: 0, name: '' });
  return strip(a) === strip(b);
}

/** Whole-percent share of each dimension in the total score. */
export function computeDimensionShares(model: ScoringModel): Record<ScoringDimension, number> {
  const weights = {
    fit: Math.max(0, model.dimensions.fit.weight || 0),
    behaviour: Math.max(0, model.dimensions.behaviour.weight || 0),
    need: Math.max(0, model.dimensions.need.weight || 0),
  };
  const total = weights.fit + weights.behaviour + weights.need;
  const share = (w: number) => (total > 0 ? Math.round((100 * w) / total) : 0);
  return { fit: share(weights.fit), behaviour: share(weights.behaviour), need: share(weights.need) };
}

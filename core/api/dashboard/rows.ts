// Small helpers shared by the dashboard's handlers: stored values as the domain's, the filter, hand-over counts.
import { GRADES, type Grade } from '../../domain/funnel';
import type { ResponseFact } from '../../domain/kpi/response-time';
import type { SlaGradeKey } from '../../domain/sla/sla-policy';
import type { KpiFilter, ResponseRow } from '../../store/dashboard-kpi';
import type { KpiInput } from './calls';

/** A stored grade as the domain's: anything else (an old or hand-edited value) is ungraded. */
export function gradeOf(value: string | null): Grade | null {
  return (GRADES as readonly string[]).includes(value ?? '') ? (value as Grade) : null;
}

export function gradeKeyOf(value: string | null): SlaGradeKey {
  return gradeOf(value) ?? 'ungraded';
}

export function filterOf(input: KpiInput): KpiFilter {
  return { repId: input.repId, tier: input.tier, source: input.source };
}

export function toResponseFact(row: ResponseRow): ResponseFact {
  return { grade: gradeOf(row.grade), assignedAt: row.assignedAt, firstContactAt: row.firstContactAt };
}

/** Hand-overs per rep and grade, from the period's response rows (the same hand-overs, counted). */
export function countHandOvers(
  rows: readonly ResponseRow[],
): { repId: string; grade: Grade | null; count: number }[] {
  const counts = new Map<string, { repId: string; grade: Grade | null; count: number }>();
  for (const row of rows) {
    const grade = gradeOf(row.grade);
    const key = `${row.repId}\u0000${grade ?? ''}`;
    const entry = counts.get(key) ?? { repId: row.repId, grade, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()];
}

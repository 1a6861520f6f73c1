// Grades from integer scores, with the boundary rules written down once.
import type { Grade } from '../funnel';
import type { GradeThresholds } from './model';
import { DEFAULT_GRADE_THRESHOLDS } from './model';

/**
 * The grade for an integer score 0..100.
 * A if score > a; B if b <= score <= a; C if c <= score < b; D if score < c.
 * With the defaults (80/60/40): 81 is A, 80 is B, 60 is B, 59 is C, 40 is C, 39 is D.
 */
export function gradeForScore(score: number, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): Grade {
  if (score > thresholds.a) return 'A';
  if (score >= thresholds.b) return 'B';
  if (score >= thresholds.c) return 'C';
  return 'D';
}

// Training twice, without and with the columns flagged as leaks, so the team lead sees what the leaks inflate.
import type { Lead } from '../lead';
import type { TrainingOptions, TrainingResult } from './learned';
import { trainConversionModel } from './learned';

export interface LeakComparison {
  /** The model to keep: trained with the flagged fields excluded (on top of `options.excludeFields`). */
  readonly model: TrainingResult;
  /** Held-out AUC of that model: the figure to trust. Null when training was refused. */
  readonly aucWithoutFlagged: number | null;
  /** Held-out AUC with the flagged fields put back, for comparison (same split and seed). Null when refused. */
  readonly aucWithFlagged: number | null;
  readonly flaggedFields: readonly string[];
}

/**
 * Trains with `flaggedFields` excluded and, for comparison only, with them included; both runs use the same seed,
 * so the same held-out leads. Progress runs 0 → 0.8 for the kept model and 0.8 → 1 for the comparison.
 * With no flagged fields the comparison is the model itself (no second run).
 */
export function trainComparingLeaks(
  leads: readonly Lead[],
  now: number,
  options: TrainingOptions,
  flaggedFields: readonly string[],
): LeakComparison {
  const flagged = [...new Set(flaggedFields)];
  const userExcluded = options.excludeFields ?? [];
  const progress = options.onProgress;
  const model = trainConversionModel(leads, now, {
    ...options,
    excludeFields: [...new Set([...userExcluded, ...flagged])],
    ...(progress ? { onProgress: (f: number) => progress(f * 0.8) } : {}),
  });
  const aucWithoutFlagged = model.ok ? model.value.metrics.auc : null;
  let aucWithFlagged = aucWithoutFlagged;
  if (model.ok && flagged.length > 0) {
    const flaggedSet = new Set(flagged);
    const included = trainConversionModel(leads, now, {
      ...options,
      excludeFields: userExcluded.filter((f) => !flaggedSet.has(f)),
      ...(progress ? { onProgress: (f: number) => progress(0.8 + f * 0.2) } : {}),
    });
    aucWithFlagged = included.ok ? included.value.metrics.auc : null;
  } else if (model.ok) progress?.(1);
  return { model, aucWithoutFlagged, aucWithFlagged, flaggedFields: flagged };
}

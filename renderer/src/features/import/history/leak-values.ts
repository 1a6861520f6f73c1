// The numbers a leak flag's sentence quotes, as both the import's history panel and the Scoring page word them.
import type { LeakEvidence } from '../../../../../core/domain/history/leak-detection';

/** Placeholders for `leakReasons.<reason>`: counts as they are, fill rates in whole percent, the AUC to 2 places. */
export function leakValues(evidence: LeakEvidence): Record<string, string | number> {
  const percent = (share: number | undefined) => (share === undefined ? '' : Math.round(share * 100));
  return {
    value: evidence.value ?? '',
    won: evidence.won,
    lost: evidence.lost,
    matched: evidence.matched ?? '',
    wonFill: percent(evidence.wonFillRate),
    lostFill: percent(evidence.lostFillRate),
    auc: evidence.auc === undefined ? '' : evidence.auc.toFixed(2),
  };
}

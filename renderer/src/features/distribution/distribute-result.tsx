// How a distribution run is reported, the same for "Distribute pool now" and "Distribute selected": how many were
// assigned, how many stayed in the pool and why, how many were passed over.
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { CallOutput } from '../../../../core/api/contract';

type DistributeResult = CallOutput<'distribution.distribute'>;

/** The report's lines: the counts, then (when some stayed in the pool) the reasons with how many each. */
function describeDistributeResult(t: TFunction, result: DistributeResult): string[] {
  if (result.results.length === 0 && result.skipped.length === 0)
    return [t('distribution.distributeResult.nothing')];
  const counts = [t('distribution.distributeResult.assigned', { count: result.assigned })];
  if (result.pooled > 0) counts.push(t('distribution.distributeResult.pooled', { count: result.pooled }));
  if (result.manual > 0) counts.push(t('distribution.distributeResult.manual', { count: result.manual }));
  if (result.skipped.length > 0)
    counts.push(t('distribution.distributeResult.skipped', { count: result.skipped.length }));
  const separator = t('distribution.distributeResult.separator');
  const lines = [counts.join(separator)];

  const reasons = new Map<string, number>();
  for (const lead of result.results) {
    if (lead.outcome === 'pool' && lead.poolReason !== null)
      reasons.set(lead.poolReason, (reasons.get(lead.poolReason) ?? 0) + 1);
  }
  if (reasons.size > 0) {
    const described = [...reasons]
      .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
      .map(([reason, count]) =>
        t('distribution.distributeResult.reasonCount', {
          reason: t(`distribution.poolReasons.${reason}`, { defaultValue: reason }),
          count,
        }),
      );
    lines.push(t('distribution.distributeResult.poolReasons', { reasons: described.join(separator) }));
  }
  return lines;
}

export function showDistributeResult(t: TFunction, result: DistributeResult): void {
  const lines = describeDistributeResult(t, result);
  notifications.show({
    color: result.pooled > 0 || result.manual > 0 ? 'yellow' : 'teal',
    title: t('distribution.distributeResult.title'),
    // Long enough to read the reasons; the pool itself stays visible in the table.
    autoClose: 10_000,
    message: (
      <div data-testid="distribute-result">
        {lines.map((line) => (
          <div key={line}>{line}</div>
        ))}
      </div>
    ),
  });
}

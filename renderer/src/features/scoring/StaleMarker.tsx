// Marks a score computed by an older model version than the one in force (it updates when rescoring ends).
import { Badge, Tooltip } from '@mantine/core';
import { useScoringTranslation } from './i18n-bundle';

/** True when the lead has a score and it came from an older model version (or an unknown one). */
export function isScoreStale(
  lead: { readonly score: number | null; readonly scoreModelVersion?: number | null | undefined },
  currentVersion: number | undefined,
): boolean {
  if (currentVersion === undefined || lead.score === null) return false;
  return (lead.scoreModelVersion ?? 0) < currentVersion;
}

export function StaleMarker({
  scoredVersion,
  currentVersion,
  compact = false,
}: {
  scoredVersion: number | null | undefined;
  currentVersion: number;
  /** A dot-sized badge for table cells; the full label elsewhere. */
  compact?: boolean;
}) {
  const { t } = useScoringTranslation();
  const hint =
    scoredVersion === null || scoredVersion === undefined
      ? t('scoring.explanation.staleHintUnknown', { current: currentVersion })
      : t('scoring.explanation.staleHint', { scored: scoredVersion, current: currentVersion });
  return (
    <Tooltip label={hint} multiline w={260} withArrow>
      <Badge
        color="orange"
        variant={compact ? 'dot' : 'light'}
        size={compact ? 'xs' : 'sm'}
        radius="sm"
        data-testid="stale-marker"
        aria-label={hint}
        tt="none"
        style={{ flexShrink: 0 }}
      >
        {compact ? t('scoring.explanation.staleShort') : t('scoring.explanation.stale')}
      </Badge>
    </Tooltip>
  );
}

/** The table-cell form: plain text with a native tooltip, light enough for thousands of virtualized rows. */
export function StaleTag({
  scoredVersion,
  currentVersion,
}: {
  scoredVersion: number | null | undefined;
  currentVersion: number;
}) {
  const { t } = useScoringTranslation();
  const hint =
    scoredVersion === null || scoredVersion === undefined
      ? t('scoring.explanation.staleHintUnknown', { current: currentVersion })
      : t('scoring.explanation.staleHint', { scored: scoredVersion, current: currentVersion });
  return (
    <span
      title={hint}
      aria-label={hint}
      data-testid="stale-marker"
      style={{
        marginLeft: 6,
        fontSize: 11,
        color: 'var(--mantine-color-orange-8)',
        background: 'var(--mantine-color-orange-0)',
        borderRadius: 4,
        padding: '1px 4px',
        verticalAlign: 'middle',
        whiteSpace: 'nowrap',
      }}
    >
      {t('scoring.explanation.staleShort')}
    </span>
  );
}

// A card rotting in its stage: red, with the word and the idle days, after the stage's N days without activity.
import type { WorkCard } from '../../../../../core/api/work/schemas';
import { daysWithoutActivity, isRotting } from '../../../../../core/domain/funnel-wip/wip';
import { useStageLimits } from './use-stage-limits';
import { useWipTranslation } from './wip-i18n';

function RotWord({ days, limit }: { days: number; limit: number }) {
  const { t } = useWipTranslation();
  return (
    <span
      data-testid="card-rotting"
      title={t('wip.rottingTitle', { days, limit })}
      style={{
        color: 'var(--mantine-color-red-8)',
        background: 'var(--mantine-color-red-0)',
        border: '1px solid var(--mantine-color-red-4)',
        borderRadius: 4,
        padding: '0 4px',
        fontSize: 11,
        fontWeight: 600,
        whiteSpace: 'nowrap',
      }}
    >
      {t('wip.rotting', { days })}
    </span>
  );
}

/** Nothing unless the card's stage has a rot limit and the card has sat idle that long. */
export function RotMark({ card, now }: { card: WorkCard; now: number }) {
  const limits = useStageLimits(card.stage);
  if (limits.rotDays == null) return null;
  const days = daysWithoutActivity(card, now);
  return isRotting(limits, days) && days !== null ? <RotWord days={days} limit={limits.rotDays} /> : null;
}

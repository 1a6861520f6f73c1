// A card rotting in its stage: red, with the word and the idle days, after the stage's N days without activity.
import { createContext, useContext } from 'react';
import type { WorkCard } from '../../../../../core/api/work/schemas';
import { daysWithoutActivity, isRotting } from '../../../../../core/domain/funnel-wip/wip';
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

/**
 * The column's rot limit, provided once per column: a query or translation hook per card would cost a
 * subscription per mount while scrolling. Without a provider (a drag overlay) no card rots.
 */
export const RotDaysContext = createContext<number | null>(null);

/** Nothing unless the card's column has a rot limit and the card has sat idle that long. */
export function RotMark({ card, now }: { card: WorkCard; now: number }) {
  const rotDays = useContext(RotDaysContext);
  if (rotDays === null) return null;
  const days = daysWithoutActivity(card, now);
  return isRotting({ rotDays }, days) && days !== null ? <RotWord days={days} limit={rotDays} /> : null;
}

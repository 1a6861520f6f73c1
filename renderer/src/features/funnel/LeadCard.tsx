// One lead on the board: name, company, grade, owner and its SLA clock; draggable by the whole card.
import { useDraggable } from '@dnd-kit/core';
import { memo } from 'react';
import type { WorkCard } from '../../../../core/api/calls/work-calls';
import classes from './LeadCard.module.css';
import { formatSpan } from './SlaCountdown';
import { useWorkTranslation } from './work-i18n';

export const CARD_HEIGHT = 92;

const GRADE_CLASS = { A: classes.gradeA, B: classes.gradeB, C: classes.gradeC, D: classes.gradeD };

export function LeadCardBody({ card, now }: { card: WorkCard; now: number }) {
  const { t } = useWorkTranslation();
  const dueAt = card.sla?.dueAt ?? null;
  const isOverdue = dueAt !== null && now >= dueAt;
  const isToBeRecycled =
    card.sla !== null &&
    (card.sla.isToBeRecycled || (card.sla.escalateAt !== null && now >= card.sla.escalateAt));
  return (
    <>
      <div className={classes.row}>
        <span className={classes.name}>{card.name}</span>
        {card.grade && <span className={`${classes.grade} ${GRADE_CLASS[card.grade]}`}>{card.grade}</span>}
      </div>
      <div className={classes.dim}>{card.company ?? '—'}</div>
      <div className={classes.row} style={{ marginTop: 4 }}>
        <span className={classes.dim}>{card.ownerName ?? ''}</span>
        <span className={classes.row}>
          {isToBeRecycled && (
            <span className={`${classes.clock} ${classes.recycle}`}>{t('work.sla.toBeRecycled')}</span>
          )}
          {dueAt !== null && (
            <span
              className={isOverdue ? `${classes.clock} ${classes.clockOverdue}` : classes.clock}
              data-overdue={isOverdue}
            >
              {isOverdue
                ? t('work.sla.overdue', { time: formatSpan(now - dueAt) })
                : t('work.sla.dueIn', { time: formatSpan(dueAt - now) })}
            </span>
          )}
        </span>
      </div>
    </>
  );
}

export const LeadCard = memo(function LeadCard({
  card,
  now,
  onOpen,
}: {
  card: WorkCard;
  now: number;
  onOpen: (id: string) => void;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, data: { card } });
  const isOverdue = card.sla?.dueAt != null && now >= card.sla.dueAt;
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      className={isOverdue ? `${classes.card} ${classes.overdue}` : classes.card}
      data-testid="lead-card"
      data-lead-id={card.id}
      data-overdue={isOverdue ? 'true' : 'false'}
      onClick={() => onOpen(card.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen(card.id);
        else listeners?.onKeyDown?.(event);
      }}
      style={isDragging ? { opacity: 0.4 } : undefined}
    >
      <LeadCardBody card={card} now={now} />
    </div>
  );
});

export function LeadCardPlaceholder() {
  return <div className={classes.placeholder} />;
}

// One lead on the board: name, company, grade, owner and its SLA clock; draggable by the whole card.
import { useDraggable } from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import { memo, type CSSProperties } from 'react';
import type { WorkCard } from '../../../../core/api/work/schemas';
import classes from './LeadCard.module.css';
import { formatSpan } from './SlaCountdown';

export const CARD_HEIGHT = 92;

const GRADE_CLASS = { A: classes.gradeA, B: classes.gradeB, C: classes.gradeC, D: classes.gradeD };

/** Card texts are passed down: a translation hook per card costs a subscription per mount while scrolling. */
export interface CardLabels {
  readonly toBeRecycled: string;
  readonly overdue: (span: string) => string;
  readonly dueIn: (span: string) => string;
}

/** The card texts in the current language; memoize on `t`, which only changes with the language. */
export function createCardLabels(t: TFunction): CardLabels {
  return {
    toBeRecycled: t('work.sla.toBeRecycled'),
    overdue: (time) => t('work.sla.overdue', { time }),
    dueIn: (time) => t('work.sla.dueIn', { time }),
  };
}

export function LeadCardBody({ card, now, labels }: { card: WorkCard; now: number; labels: CardLabels }) {
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
      <div className={`${classes.row} ${classes.footer}`}>
        <span className={classes.dim}>{card.ownerName ?? ''}</span>
        <span className={classes.row}>
          {isToBeRecycled && (
            <span className={`${classes.clock} ${classes.recycle}`}>{labels.toBeRecycled}</span>
          )}
          {dueAt !== null && (
            <span
              className={isOverdue ? `${classes.clock} ${classes.clockOverdue}` : classes.clock}
              data-overdue={isOverdue}
            >
              {isOverdue ? labels.overdue(formatSpan(now - dueAt)) : labels.dueIn(formatSpan(dueAt - now))}
            </span>
          )}
        </span>
      </div>
    </>
  );
}

interface CardProps {
  card: WorkCard;
  now: number;
  top: number;
  labels: CardLabels;
  onOpen: (id: string) => void;
}

function cardClass(card: WorkCard, now: number): { className: string; isOverdue: boolean } {
  const isOverdue = card.sla?.dueAt != null && now >= card.sla.dueAt;
  return { className: isOverdue ? `${classes.card} ${classes.overdue}` : (classes.card ?? ''), isOverdue };
}

export const LeadCard = memo(function LeadCard({ card, now, top, labels, onOpen }: CardProps) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, data: { card } });
  const { className, isOverdue } = cardClass(card, now);
  const style: CSSProperties = { transform: `translateY(${top}px)` };
  if (isDragging) style.opacity = 0.4;
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      className={className}
      style={style}
      data-testid="lead-card"
      data-lead-id={card.id}
      data-overdue={isOverdue ? 'true' : 'false'}
      onClick={() => onOpen(card.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen(card.id);
        else listeners?.onKeyDown?.(event);
      }}
    >
      <LeadCardBody card={card} now={now} labels={labels} />
    </div>
  );
});

export const LeadCardPlaceholder = memo(function LeadCardPlaceholder({ top }: { top: number }) {
  return <div className={classes.placeholder} style={{ transform: `translateY(${top}px)` }} />;
});

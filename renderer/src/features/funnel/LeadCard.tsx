// One lead on the board: name, company and phone (tap to call), grade, the next activity, owner and its clock;
// draggable by the whole card, or moved with its "Move to…" button; one card per column is in the Tab order.
import { useDraggable } from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import { memo, type CSSProperties, type KeyboardEvent } from 'react';
import type { WorkCard } from '../../../../core/api/work/schemas';
import type { Language } from '../../i18n';
import { useCardActions } from './card-actions';
import classes from './LeadCard.module.css';
import { describeNextStep, formatPhone, formatSpan, telHref } from './work-format';
import { RotMark } from './wip/RotMark';

export const CARD_HEIGHT = 112;

const GRADE_CLASS = { A: classes.gradeA, B: classes.gradeB, C: classes.gradeC, D: classes.gradeD };

/** Card texts are passed down: a translation hook per card costs a subscription per mount while scrolling. */
export interface CardLabels {
  readonly toBeRecycled: string;
  readonly overdue: (ms: number) => string;
  readonly dueIn: (ms: number) => string;
  readonly next: (card: WorkCard) => string | null;
  readonly call: string;
}

/**
 * `words` remembered by key: a scrolling column words the same few spans and next steps over and over, and each
 * translation call allocated more than the rest of the card's render (test/bench/kanban.bench.ts). Forgets all at
 * `limit` entries, so a long session does not grow it.
 */
function remembered<T>(keyOf: (input: T) => string, words: (input: T) => string, limit = 2000) {
  const known = new Map<string, string>();
  return (input: T): string => {
    const key = keyOf(input);
    let said = known.get(key);
    if (said === undefined) {
      if (known.size >= limit) known.clear();
      said = words(input);
      known.set(key, said);
    }
    return said;
  };
}

/** The card texts in the current language; memoize on `t` and the language (the remembered words are theirs). */
export function createCardLabels(t: TFunction, language: Language): CardLabels {
  const overdue = remembered(
    (time: string) => time,
    (time) => t('work.sla.overdue', { time }),
  );
  const dueIn = remembered(
    (time: string) => time,
    (time) => t('work.sla.dueIn', { time }),
  );
  const next = remembered(
    (card: WorkCard) => `${card.nextKind ?? ''}\u0000${card.nextAt ?? ''}\u0000${card.nextStep ?? ''}`,
    (card) => describeNextStep(card, t, language) ?? '',
  );
  return {
    toBeRecycled: t('work.sla.toBeRecycled'),
    overdue: (ms) => overdue(formatSpan(ms, language)),
    dueIn: (ms) => dueIn(formatSpan(ms, language)),
    next: (card) => next(card) || null,
    call: t('work.contact.call'),
  };
}

/** The phone as a tel: link; a press on it dials and never starts a drag or opens the card. */
function CardPhone({ phone, label, tabIndex }: { phone: string; label: string; tabIndex?: number }) {
  const href = telHref(phone);
  const shown = formatPhone(phone);
  if (href === null) return <span className={classes.phone}>{shown}</span>;
  return (
    <a
      className={classes.phone}
      href={href}
      title={`${label} ${phone}`}
      tabIndex={tabIndex}
      onPointerDown={(event) => event.stopPropagation()}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => event.stopPropagation()}
    >
      {shown}
    </a>
  );
}

/** The card's "Move to…" button: opens the board's one menu; a press never starts a drag or opens the card. */
function MoveToButton({ card, tabIndex }: { card: WorkCard; tabIndex: number }) {
  const actions = useCardActions();
  if (!actions) return null;
  return (
    <button
      type="button"
      className={classes.moveTo}
      tabIndex={tabIndex}
      aria-haspopup="menu"
      data-testid="move-to"
      onPointerDown={(event) => event.stopPropagation()}
      onKeyDown={(event) => event.stopPropagation()}
      onClick={(event) => {
        event.stopPropagation();
        actions.openMoveMenu(card, event.currentTarget);
      }}
    >
      {actions.moveToText}
      <span className="fl-visually-hidden"> {card.name}</span>
    </button>
  );
}

export function LeadCardBody({
  card,
  now,
  labels,
  innerTabIndex,
}: {
  card: WorkCard;
  now: number;
  labels: CardLabels;
  /** The tab index of the links and buttons inside: in the Tab order only on the column's active card. */
  innerTabIndex?: number;
}) {
  const next = labels.next(card);
  const dueAt = card.sla?.dueAt ?? null;
  const isOverdue = dueAt !== null && now >= dueAt;
  const isToBeRecycled =
    card.sla !== null &&
    (card.sla.isToBeRecycled || (card.sla.escalateAt !== null && now >= card.sla.escalateAt));
  return (
    <>
      <div className={classes.row}>
        <span className={classes.name}>{card.name}</span>
        <span className={classes.row}>
          {innerTabIndex !== undefined && <MoveToButton card={card} tabIndex={innerTabIndex} />}
          {card.grade && <span className={`${classes.grade} ${GRADE_CLASS[card.grade]}`}>{card.grade}</span>}
        </span>
      </div>
      <div className={classes.row}>
        <span className={classes.dim}>{card.company ?? '—'}</span>
        {card.phone !== null && <CardPhone phone={card.phone} label={labels.call} tabIndex={innerTabIndex} />}
      </div>
      <div className={classes.next} data-testid="card-next">
        {next ?? ''}
      </div>
      <div className={`${classes.row} ${classes.footer}`}>
        <span className={classes.dim}>{card.ownerName ?? ''}</span>
        <span className={classes.row}>
          <RotMark card={card} now={now} />
          {isToBeRecycled && (
            <span className={`${classes.clock} ${classes.recycle}`}>{labels.toBeRecycled}</span>
          )}
          {dueAt !== null && (
            <span
              className={isOverdue ? `${classes.clock} ${classes.clockOverdue}` : classes.clock}
              data-overdue={isOverdue}
            >
              {isOverdue ? labels.overdue(now - dueAt) : labels.dueIn(dueAt - now)}
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
  /** The card's place in its column, and whether it is the column's one Tab stop (roving focus). */
  index: number;
  isActive: boolean;
  onFocusIndex: (index: number) => void;
  /** ↑ / ↓ (and Home / End) on a card that is not being dragged: step the focus within the column. */
  onStep: (index: number, step: number | 'first' | 'last') => void;
}

const STEP_KEYS: Readonly<Record<string, number | 'first' | 'last'>> = {
  ArrowDown: 1,
  ArrowUp: -1,
  Home: 'first',
  End: 'last',
};

function cardClass(card: WorkCard, now: number): { className: string; isOverdue: boolean } {
  const isOverdue = card.sla?.dueAt != null && now >= card.sla.dueAt;
  return { className: isOverdue ? `${classes.card} ${classes.overdue}` : (classes.card ?? ''), isOverdue };
}

export const LeadCard = memo(function LeadCard({
  card,
  now,
  top,
  labels,
  onOpen,
  index,
  isActive,
  onFocusIndex,
  onStep,
}: CardProps) {
  // A group, not a button: the card holds a link and a button of its own (no interactive inside interactive).
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: card.id,
    data: { card },
    attributes: { role: 'group' },
  });
  const { className, isOverdue } = cardClass(card, now);
  const style: CSSProperties = { transform: `translateY(${top}px)` };
  if (isDragging) style.opacity = 0.4;
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      tabIndex={isActive ? 0 : -1}
      aria-label={card.name}
      data-index={index}
      className={className}
      style={style}
      data-testid="lead-card"
      data-lead-id={card.id}
      data-overdue={isOverdue ? 'true' : 'false'}
      onClick={() => onOpen(card.id)}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusIndex(index);
      }}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        const step = STEP_KEYS[event.key];
        if (event.key === 'Enter') onOpen(card.id);
        else if (step !== undefined && !isDragging) {
          event.preventDefault();
          onStep(index, step);
        } else listeners?.onKeyDown?.(event);
      }}
    >
      <LeadCardBody card={card} now={now} labels={labels} innerTabIndex={isActive ? 0 : -1} />
    </div>
  );
});

export const LeadCardPlaceholder = memo(function LeadCardPlaceholder({ top }: { top: number }) {
  return <div className={classes.placeholder} style={{ transform: `translateY(${top}px)` }} />;
});

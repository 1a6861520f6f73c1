// One stage of the board: a drop target with its own virtualizer, fetching cards page by page as it scrolls.
import { Badge, Group, Paper, Text } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { BoardFilter } from '../../../../core/api/funnel/calls';
import type { WorkCard } from '../../../../core/api/work/schemas';
import type { FunnelStage } from '../../../../core/domain/funnel';
import { useClient } from '../../api/client-context';
import { CARD_HEIGHT, LeadCard, LeadCardPlaceholder, type CardLabels } from './LeadCard';
import classes from './LeadCard.module.css';
import { useWorkTranslation } from './work-i18n';
import { BOARD_PAGE, workKeys } from './work-queries';
import { useColumnWip, WIP_OVER_BG } from './wip/ColumnWipNote';
import { RotDaysContext } from './wip/RotMark';

/**
 * Fixed-size slots, so the virtualizer never measures a card; a column renders before its first layout, sized
 * like a column on a 900 px high window, so the first layout rarely asks for a second render.
 */
const INITIAL_RECT = { width: 252, height: 640 };

/** Columns scrolled out of the board's view skip layout and paint until they come into view. */
const COLUMN_STYLE = {
  display: 'flex',
  flexDirection: 'column',
  height: '100%',
  contentVisibility: 'auto',
  containIntrinsicSize: '264px 640px',
} as const;

interface CardsProps {
  stage: FunnelStage;
  total: number;
  firstCards: readonly WorkCard[];
  filter: BoardFilter;
  now: number;
  labels: CardLabels;
  onOpen: (id: string) => void;
  /** The lead being dragged, if any. */
  draggedId: string | null;
}

/**
 * Slots for the rendered indexes: an index keeps its slot while it stays rendered, and an index scrolled in takes a
 * slot an index scrolled out let go. Keyed by slot, a card scrolled out hands its elements to the card scrolled in:
 * React updates a few texts instead of unmounting one card and mounting another, which made most of a scroll's
 * garbage and its collector's pauses (test/bench/kanban.bench.ts). A kept index (the column's Tab stop, the card
 * being dragged) keeps its slot even scrolled out, so its element is never handed to another lead: the focus or a
 * drag stays with its lead, or goes with the element. Held across renders (useState); the same indexes give the
 * same slots again, so a render React repeats agrees with the first.
 */
class CardSlots {
  private slots: ReadonlyMap<number, number> = new Map();
  private dragged: { readonly id: string; readonly index: number } | null = null;

  /** The dragged lead's index while `id` is dragged: where it was when the drag began, found among `shown`. */
  draggedIndex(id: string | null, shown: (id: string) => number | undefined): number | null {
    if (id === null) this.dragged = null;
    else if (this.dragged?.id !== id) {
      const index = shown(id);
      this.dragged = index === undefined ? null : { id, index };
    }
    return this.dragged?.index ?? null;
  }

  assign(indexes: readonly number[], kept: readonly (number | null)[]): ReadonlyMap<number, number> {
    const before = this.slots;
    const slots = new Map<number, number>();
    const taken = new Set<number>();
    for (const index of [...kept, ...indexes]) {
      const slot = index === null ? undefined : before.get(index);
      if (index !== null && slot !== undefined) {
        slots.set(index, slot);
        taken.add(slot);
      }
    }
    const freed: number[] = [];
    for (const [index, slot] of before) if (!slots.has(index)) freed.push(slot);
    let fresh = 0;
    for (const index of [...indexes, ...kept]) {
      if (index === null || slots.has(index)) continue;
      let slot = freed.pop();
      if (slot === undefined) {
        while (taken.has(fresh)) fresh += 1;
        slot = fresh;
      }
      taken.add(slot);
      slots.set(index, slot);
    }
    this.slots = slots;
    return slots;
  }
}

/** Memoized: the page re-renders on every query and filter keystroke, a column only when its own props change. */
export const KanbanColumn = memo(function KanbanColumn({ label, ...cards }: CardsProps & { label: string }) {
  const { t } = useWorkTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: cards.stage });
  const wip = useColumnWip(cards.stage, cards.total, cards.filter);
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      w={264}
      miw={264}
      bg={isOver ? 'var(--mantine-color-indigo-0)' : wip.isOver ? WIP_OVER_BG : 'var(--mantine-color-gray-1)'}
      data-wip-over={wip.isOver}
      data-testid={`column-${cards.stage}`}
      data-stage={cards.stage}
      style={COLUMN_STYLE}
    >
      <Group justify="space-between" px="sm" py={8}>
        <Text fw={600} size="sm">
          {label}
        </Text>
        <Badge variant="light" color="gray" data-testid={`column-count-${cards.stage}`}>
          {cards.total}
        </Badge>
      </Group>
      {wip.note}
      {cards.total === 0 ? (
        <Text size="xs" c="dimmed" ta="center" py="md">
          {t('work.funnel.empty')}
        </Text>
      ) : (
        <RotDaysContext.Provider value={wip.rotDays}>
          <ColumnCards {...cards} />
        </RotDaysContext.Provider>
      )}
    </Paper>
  );
});

/**
 * The scrolling part, apart from the column's chrome: it re-renders on every scroll frame, so it holds plain
 * elements only. The page after the visible one is fetched ahead, so scrolling rarely shows placeholders.
 */
function ColumnCards({ stage, total, firstCards, filter, now, labels, onOpen, draggedId }: CardsProps) {
  const client = useClient();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT,
    overscan: 2,
    initialRect: INITIAL_RECT,
    useFlushSync: false,
  });
  // Roving focus: one card of the column is in the Tab order; ↑ ↓ Home End step it (scrolling it into view).
  const [active, setActive] = useState(0);
  const [cardSlots] = useState(() => new CardSlots());
  const pendingFocus = useRef<number | null>(null);
  const totalRef = useRef(total);
  totalRef.current = total;
  const onStep = useCallback(
    (index: number, step: number | 'first' | 'last') => {
      const last = totalRef.current - 1;
      const next = step === 'first' ? 0 : step === 'last' ? last : Math.max(0, Math.min(last, index + step));
      setActive(next);
      pendingFocus.current = next;
      virtualizer.scrollToIndex(next);
    },
    [virtualizer],
  );
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const card = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (card) {
      pendingFocus.current = null;
      card.focus();
    }
  });
  const items = virtualizer.getVirtualItems();
  // Scrolled out of the rendered slots, the active card hands the Tab stop to the first one shown.
  const activeIndex = items.some((item) => item.index === active) ? active : (items[0]?.index ?? 0);
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const lastPage = Math.floor((total - 1) / BOARD_PAGE);
  const pageNumbers: number[] = [];
  for (
    let page = Math.max(1, Math.floor(first / BOARD_PAGE));
    page <= Math.min(lastPage, Math.floor(last / BOARD_PAGE) + 1);
    page += 1
  ) {
    pageNumbers.push(page);
  }
  const pages = useQueries({
    queries: pageNumbers.map((page) => ({
      queryKey: workKeys.cards(stage, filter, page),
      queryFn: () =>
        client.call('funnel.cards', { stage, filter, offset: page * BOARD_PAGE, limit: BOARD_PAGE }),
      staleTime: 30_000,
    })),
  });
  const byPage = new Map<number, readonly WorkCard[]>([[0, firstCards]]);
  pageNumbers.forEach((page, i) => {
    const data = pages[i]?.data;
    if (data) byPage.set(page, data.cards);
  });

  const cardAt = (index: number) => byPage.get(Math.floor(index / BOARD_PAGE))?.[index % BOARD_PAGE];
  const draggedIndex = cardSlots.draggedIndex(
    draggedId,
    (id) => items.find((item) => cardAt(item.index)?.id === id)?.index,
  );
  const slots = cardSlots.assign(
    items.map((item) => item.index),
    [active, draggedIndex],
  );

  return (
    <div ref={scrollRef} className={classes.scroller} data-testid={`column-scroll-${stage}`}>
      <div className={classes.track} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const card = cardAt(item.index);
          const slot = `slot-${slots.get(item.index) ?? -1}`;
          return card ? (
            <LeadCard
              key={slot}
              card={card}
              now={now}
              top={item.start}
              labels={labels}
              onOpen={onOpen}
              index={item.index}
              isActive={item.index === activeIndex}
              onFocusIndex={setActive}
              onStep={onStep}
            />
          ) : (
            <LeadCardPlaceholder key={slot} top={item.start} />
          );
        })}
      </div>
    </div>
  );
}

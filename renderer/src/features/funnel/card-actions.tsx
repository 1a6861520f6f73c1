// The board without a mouse: each card's "Move to…" menu (one menu for the whole board, anchored to the card's
// button, so thousands of cards mount no menu of their own), drag-and-drop announcements in the UI's language that
// name the lead and the stages, and putting the focus back on a card after it moved.
import { Menu } from '@mantine/core';
import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import { createContext, useContext, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkCard } from '../../../../core/api/work/schemas';
import type { FunnelStage } from '../../../../core/domain/funnel';

interface CardActions {
  /** Opens the "Move to…" menu for `card` under `anchor` (the card's own button, which gets the focus back). */
  readonly openMoveMenu: (card: WorkCard, anchor: HTMLElement) => void;
  readonly moveToText: string;
  readonly moveToLabel: (name: string) => string;
}

export const CardActionsContext = createContext<CardActions | null>(null);

export function useCardActions(): CardActions | null {
  return useContext(CardActionsContext);
}

interface OpenMenu {
  readonly card: WorkCard;
  readonly anchor: HTMLElement;
  readonly style: CSSProperties;
}

/**
 * The board's one "Move to…" menu and the context that opens it. `onPick` runs the move (or asks for its details);
 * Escape closes the menu and gives the focus back to the card's button.
 */
export function useMoveMenu(
  stages: readonly { key: FunnelStage; label: string }[],
  onPick: (card: WorkCard, stage: FunnelStage) => void,
): { actions: CardActions; menu: React.ReactNode } {
  const { t } = useTranslation();
  const [open, setOpen] = useState<OpenMenu | null>(null);
  const actions = useMemo<CardActions>(
    () => ({
      openMoveMenu: (card, anchor) => {
        const rect = anchor.getBoundingClientRect();
        setOpen({
          card,
          anchor,
          style: {
            position: 'fixed',
            left: rect.left,
            top: rect.top,
            width: rect.width,
            height: rect.height,
            pointerEvents: 'none',
          },
        });
      },
      moveToText: t('a11y.moveTo'),
      moveToLabel: (name) => t('a11y.moveToLabel', { name }),
    }),
    [t],
  );
  const menu = open && (
    <Menu
      opened
      onChange={(isOpen) => {
        if (!isOpen) {
          if (open.anchor.isConnected) open.anchor.focus();
          setOpen(null);
        }
      }}
      position="bottom-end"
      returnFocus={false}
      trapFocus
      withinPortal
    >
      <Menu.Target>
        <span style={open.style} aria-hidden />
      </Menu.Target>
      <Menu.Dropdown aria-label={actions.moveToLabel(open.card.name)} data-testid="move-menu">
        {stages
          .filter((stage) => stage.key !== open.card.stage)
          .map((stage) => (
            <Menu.Item
              key={stage.key}
              data-stage={stage.key}
              onClick={() => {
                setOpen(null);
                onPick(open.card, stage.key);
              }}
            >
              {t('a11y.moveToStage', { stage: stage.label })}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
  return { actions, menu };
}

type DragCard = { card?: WorkCard } | undefined;

/** What a screen reader hears while a card is dragged: the lead's name and the stages' names, never ids. */
export function useDndAccessibility(label: (stage: FunnelStage) => string): {
  announcements: Announcements;
  screenReaderInstructions: ScreenReaderInstructions;
} {
  const { t } = useTranslation();
  return useMemo(() => {
    const cardOf = (data: unknown): WorkCard | undefined => (data as DragCard)?.card;
    const nameOf = (data: unknown): string => cardOf(data)?.name ?? '';
    const fromOf = (data: unknown): string => {
      const card = cardOf(data);
      return card ? label(card.stage) : '';
    };
    return {
      screenReaderInstructions: { draggable: t('a11y.dndInstructions') },
      announcements: {
        onDragStart: ({ active }) =>
          t('a11y.dndPicked', { name: nameOf(active.data.current), stage: fromOf(active.data.current) }),
        onDragOver: ({ active, over }) =>
          over
            ? t('a11y.dndOver', { name: nameOf(active.data.current), stage: label(over.id as FunnelStage) })
            : t('a11y.dndNotOver', { name: nameOf(active.data.current) }),
        onDragEnd: ({ active, over }) =>
          over
            ? t('a11y.dndDropped', {
                name: nameOf(active.data.current),
                stage: label(over.id as FunnelStage),
              })
            : t('a11y.dndDroppedNowhere', {
                name: nameOf(active.data.current),
                stage: fromOf(active.data.current),
              }),
        onDragCancel: ({ active }) =>
          t('a11y.dndCancelled', { name: nameOf(active.data.current), stage: fromOf(active.data.current) }),
      },
    };
  }, [t, label]);
}

/**
 * Puts the focus on the lead's card once the board shows it in `stage` (after a move the board refetches), for up
 * to about two seconds; if it never shows there (scrolled out of its new column, or the stage is not on the board),
 * on the first card of that column, else of the column it came `from`.
 */
export function focusCardWhenShown(leadId: string, stage: FunnelStage, from?: FunnelStage): void {
  let frames = 0;
  const firstCardOf = (column: FunnelStage): HTMLElement | null =>
    document.querySelector<HTMLElement>(`[data-testid="column-${column}"] [data-testid="lead-card"]`);
  const tick = (): void => {
    const card = document.querySelector<HTMLElement>(
      `[data-testid="column-${stage}"] [data-testid="lead-card"][data-lead-id="${leadId}"]`,
    );
    if (card) {
      card.focus();
      return;
    }
    frames += 1;
    if (frames < 120) {
      requestAnimationFrame(tick);
      return;
    }
    (firstCardOf(stage) ?? (from === undefined ? null : firstCardOf(from)))?.focus();
  };
  requestAnimationFrame(tick);
}

// One stage of the board: a drop target with its own virtualizer, fetching cards page by page as it scrolls.
import { Badge, Box, Group, Paper, Text } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { BoardFilter, WorkCard } from '../../../../core/api/calls/work-calls';
import type { FunnelStage } from '../../../../core/domain/funnel';
import { useClient } from '../../api/client-context';
import { CARD_HEIGHT, LeadCard, LeadCardPlaceholder, type CardLabels } from './LeadCard';
import { useWorkTranslation } from './work-i18n';
import { BOARD_PAGE, workKeys } from './work-queries';

/** Fixed-size slots, so the virtualizer never measures a card; a column renders before its first layout. */
const INITIAL_RECT = { width: 252, height: 800 };

/** Memoized: the page re-renders on every query and filter keystroke, a column only when its own props change. */
export const KanbanColumn = memo(function KanbanColumn({
  stage,
  label,
  total,
  firstCards,
  filter,
  now,
  labels,
  onOpen,
}: {
  stage: FunnelStage;
  label: string;
  total: number;
  firstCards: readonly WorkCard[];
  filter: BoardFilter;
  now: number;
  labels: CardLabels;
  onOpen: (id: string) => void;
}) {
  const { t } = useWorkTranslation();
  const client = useClient();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT,
    overscan: 2,
    initialRect: INITIAL_RECT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const pageNumbers: number[] = [];
  for (
    let page = Math.max(1, Math.floor(first / BOARD_PAGE));
    page <= Math.floor(last / BOARD_PAGE);
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

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      w={264}
      miw={264}
      bg={isOver ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-gray-1)'}
      data-testid={`column-${stage}`}
      data-stage={stage}
      style={{ display: 'flex', flexDirection: 'column', height: '100%' }}
    >
      <Group justify="space-between" px="sm" py={8}>
        <Text fw={600} size="sm">
          {label}
        </Text>
        <Badge variant="light" color="gray" data-testid={`column-count-${stage}`}>
          {total}
        </Badge>
      </Group>
      <Box
        ref={scrollRef}
        px={6}
        pb={6}
        data-testid={`column-scroll-${stage}`}
        style={{ flex: 1, overflowY: 'auto', contain: 'strict' }}
      >
        {total === 0 ? (
          <Text size="xs" c="dimmed" ta="center" py="md">
            {t('work.funnel.empty')}
          </Text>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const card = byPage.get(Math.floor(item.index / BOARD_PAGE))?.[item.index % BOARD_PAGE];
              return card ? (
                <LeadCard
                  key={card.id}
                  card={card}
                  now={now}
                  top={item.start}
                  labels={labels}
                  onOpen={onOpen}
                />
              ) : (
                <LeadCardPlaceholder key={`slot-${item.index}`} top={item.start} />
              );
            })}
          </div>
        )}
      </Box>
    </Paper>
  );
});

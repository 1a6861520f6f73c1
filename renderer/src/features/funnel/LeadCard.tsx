// One lead on the board: name, company, grade, owner and its SLA clock; draggable by the whole card.
import { Group, Paper, Text } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { memo } from 'react';
import type { WorkCard } from '../../../../core/api/calls/work-calls';
import { GradeBadge } from '../../ui/GradeBadge';
import { SlaCountdown } from './SlaCountdown';

export const CARD_HEIGHT = 92;

export function LeadCardBody({ card, now }: { card: WorkCard; now: number }) {
  return (
    <>
      <Group justify="space-between" gap={6} wrap="nowrap">
        <Text size="sm" fw={600} truncate="end">
          {card.name}
        </Text>
        {card.grade && <GradeBadge grade={card.grade} />}
      </Group>
      <Text size="xs" c="dimmed" truncate="end">
        {card.company ?? '—'}
      </Text>
      <Group justify="space-between" gap={4} wrap="nowrap" mt={4}>
        <Text size="xs" c="dimmed" truncate="end" maw={90}>
          {card.ownerName ?? ''}
        </Text>
        <SlaCountdown sla={card.sla} now={now} />
      </Group>
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
    <Paper
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      withBorder
      radius="md"
      p={8}
      h={CARD_HEIGHT - 8}
      data-testid="lead-card"
      data-lead-id={card.id}
      data-overdue={isOverdue ? 'true' : 'false'}
      onClick={() => onOpen(card.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen(card.id);
        else listeners?.onKeyDown?.(event);
      }}
      style={{
        cursor: 'grab',
        opacity: isDragging ? 0.4 : 1,
        borderLeft: isOverdue ? '3px solid var(--mantine-color-red-6)' : undefined,
        touchAction: 'none',
      }}
    >
      <LeadCardBody card={card} now={now} />
    </Paper>
  );
});

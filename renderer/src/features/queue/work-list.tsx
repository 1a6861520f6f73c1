// What the queue and the agenda share: a header (title, count, the team lead's rep picker, the keys), a row that
// takes the keyboard focus when selected, and ↑↓ / j k moving the selection.
import { Group, Select, Stack, Text, Title } from '@mantine/core';
import {
  useEffect,
  useRef,
  type Dispatch,
  type KeyboardEvent,
  type ReactNode,
  type SetStateAction,
} from 'react';
import { useRepNames } from '../../api/queries';

export function WorkListHeader({
  title,
  subtitle,
  badge,
  hint,
  repPicker,
}: {
  title: string;
  subtitle: string;
  badge: ReactNode;
  hint: string;
  /** The team lead's choice of rep; null for a rep, who sees only their own. */
  repPicker: {
    label: string;
    placeholder: string;
    value: string | null;
    onChange: (repId: string | null) => void;
  } | null;
}) {
  const repNames = useRepNames();
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{title}</Title>
          <Text c="dimmed" size="sm">
            {subtitle}
          </Text>
        </div>
        <Group>
          {badge}
          {repPicker && (
            <Select
              aria-label={repPicker.label}
              placeholder={repPicker.placeholder}
              data={[...repNames.entries()].map(([value, label]) => ({ value, label }))}
              value={repPicker.value}
              onChange={repPicker.onChange}
              clearable
              searchable
              w={200}
            />
          )}
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}

/**
 * A ref for a list row that takes the keyboard focus whenever it becomes the selected one, but never from the
 * header's controls or an open dialog or menu (after an actor switch the focus stays on the actor menu).
 */
export function useFocusWhenSelected<T extends HTMLElement>(isSelected: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const row = ref.current;
    const focused = document.activeElement;
    const isElsewhere = focused?.closest('header, [role="dialog"], [role="menu"]') != null;
    if (isSelected && row && focused !== row && !isElsewhere) row.focus();
  }, [isSelected]);
  return ref;
}

/** ↑↓ or j k move the selection within `count` rows; answers whether the key was one of them. */
export function moveSelection(
  event: KeyboardEvent<HTMLElement>,
  setSelected: Dispatch<SetStateAction<number>>,
  count: number,
): boolean {
  if (event.key === 'ArrowDown' || event.key === 'j') {
    event.preventDefault();
    setSelected((i) => Math.min(count - 1, i + 1));
    return true;
  }
  if (event.key === 'ArrowUp' || event.key === 'k') {
    event.preventDefault();
    setSelected((i) => Math.max(0, i - 1));
    return true;
  }
  return false;
}

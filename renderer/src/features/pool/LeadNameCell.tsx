// The first cell of the pool's tables: a lead's name, a button that opens it, over its company.
import { Table, Text, UnstyledButton } from '@mantine/core';

/** A lead's name (opens it) over its company: the first cell of both tables. */
export function LeadNameCell({
  name,
  company,
  onOpen,
}: {
  name: string;
  company: string | null;
  onOpen: () => void;
}) {
  return (
    <Table.Td>
      <UnstyledButton onClick={onOpen} data-testid="lead-name" fw={600} fz="sm" display="block">
        {name}
      </UnstyledButton>
      <Text size="xs" c="dimmed">
        {company ?? '—'}
      </Text>
    </Table.Td>
  );
}

// A Dashboard table's frame: its title (with its definition on hover), its Export menu, and a scroll container.
import { Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { ExportMenu, type ExportableTable } from './ExportMenu';

export function TableCard({
  title,
  definition,
  table,
  testId,
  children,
}: {
  title: string;
  definition?: string | undefined;
  table: ExportableTable;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs">
        {definition === undefined ? (
          <Text fw={600}>{title}</Text>
        ) : (
          <Tooltip
            label={definition}
            multiline
            w={360}
            withArrow
            events={{ hover: true, focus: true, touch: true }}
          >
            <Text fw={600} tabIndex={0}>
              {title} ⓘ
            </Text>
          </Tooltip>
        )}
        <ExportMenu table={table} testId={`${testId}-export`} />
      </Group>
      <Table.ScrollContainer minWidth={560}>{children}</Table.ScrollContainer>
    </Paper>
  );
}

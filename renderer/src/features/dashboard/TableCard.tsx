// A Dashboard table's frame: its title (with its definition on hover), its Export menu, and a scroll container.
import { Group, Paper, Table, Text } from '@mantine/core';
import { DefinitionTooltip } from './DefinitionTooltip';
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
          <DefinitionTooltip definition={definition}>
            <Text fw={600} tabIndex={0}>
              {title} ⓘ
            </Text>
          </DefinitionTooltip>
        )}
        <ExportMenu table={table} testId={`${testId}-export`} />
      </Group>
      <Table.ScrollContainer minWidth={560}>{children}</Table.ScrollContainer>
    </Paper>
  );
}

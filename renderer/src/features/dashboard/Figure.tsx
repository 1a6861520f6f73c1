// One figure on the Dashboard: a label (with its definition in a tooltip), the value, and a line under it.
import { Group, Paper, Text } from '@mantine/core';
import { DefinitionTooltip } from './DefinitionTooltip';
import type { ReactNode } from 'react';

export function Figure({
  label,
  value,
  hint,
  definition,
  testId,
  children,
  valueSize = 26,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  /** What the figure counts, shown on hover and focus of the label. */
  definition?: string | undefined;
  testId: string;
  children?: ReactNode;
  /** The value's font size: a list of figures (a grade mix) fits a card's one line smaller. */
  valueSize?: number;
}) {
  const title = (
    <Text
      size="sm"
      c="dimmed"
      tabIndex={definition === undefined ? undefined : 0}
      data-testid={`${testId}-label`}
    >
      {label}
      {definition !== undefined && ' ⓘ'}
    </Text>
  );
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        {definition === undefined ? (
          title
        ) : (
          <DefinitionTooltip definition={definition} w={320}>
            {title}
          </DefinitionTooltip>
        )}
      </Group>
      <Text fz={valueSize} fw={700} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {hint !== undefined && (
        <Text size="xs" c="dimmed" component="div">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}

// A Dashboard figure's definition on hover, focus and touch: every card, chart and table title wears one.
import { Tooltip } from '@mantine/core';
import type { ReactElement } from 'react';

export function DefinitionTooltip({
  definition,
  w = 360,
  children,
}: {
  definition: string;
  w?: number;
  /** The title it explains: focusable (tabIndex 0), so a keyboard reaches the definition too. */
  children: ReactElement;
}) {
  return (
    <Tooltip label={definition} multiline w={w} withArrow events={{ hover: true, focus: true, touch: true }}>
      {children}
    </Tooltip>
  );
}

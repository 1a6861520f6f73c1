// A funnel stage as a quiet badge, named as the team configured it, in the UI language.
import { Badge } from '@mantine/core';
import type { BuiltInStage, FunnelStage } from '../../../../core/domain/funnel';
import { isBuiltInStage } from '../../../../core/domain/funnel';
import { useFunnelStages } from '../funnel/stage-labels';

const STAGE_COLORS: Record<BuiltInStage, string> = {
  raw: 'gray',
  mql: 'cyan',
  sql: 'indigo',
  opportunity: 'violet',
  won: 'green',
  lost: 'red',
  nurture: 'orange',
};

/** Custom stages take these in the order they stand in the funnel. */
const CUSTOM_COLORS = ['blue', 'teal', 'grape', 'lime', 'pink', 'yellow'];

export function StageBadge({ stage }: { stage: FunnelStage }) {
  const stages = useFunnelStages();
  const customIndex = stages.all.filter((s) => s.isCustom).findIndex((s) => s.key === stage);
  const color = isBuiltInStage(stage)
    ? STAGE_COLORS[stage]
    : (CUSTOM_COLORS[Math.max(customIndex, 0) % CUSTOM_COLORS.length] ?? 'blue');
  return (
    <Badge color={color} variant="dot" size="sm" radius="sm" tt="none" fw={500}>
      {stages.label(stage)}
    </Badge>
  );
}

// A stage's kanban limits from the funnel settings already fetched for the board (no request of its own).
import type { StageLimits } from '../../../../../core/domain/funnel-wip/wip';
import type { FunnelStage } from '../../../../../core/domain/funnel';
import { useWorkSettings } from '../work-queries';

const NONE: StageLimits = {};

export function useStageLimits(stage: FunnelStage): StageLimits {
  const settings = useWorkSettings();
  const found = settings.data?.funnel.stages.find((s) => s.key === stage);
  return found ?? NONE;
}

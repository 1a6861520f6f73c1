// A kanban column over its WIP limit: amber, and a line saying by how much and which reps are over theirs.
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { BoardFilter } from '../../../../../core/api/funnel/calls';
import { columnWip } from '../../../../../core/domain/funnel-wip/wip';
import type { FunnelStage } from '../../../../../core/domain/funnel';
import { useRepNames } from '../../../api/queries';
import { useBoard } from '../work-queries';
import { useStageLimits } from './use-stage-limits';
import { useWipTranslation } from './wip-i18n';

/** Amber for a column over a limit (the text below says so too: never colour alone). */
export const WIP_OVER_BG = 'var(--mantine-color-yellow-1)';

/** The column's WIP state: the board query is shared with the page, so this reads its cache, not the network. */
export function useColumnWip(
  stage: FunnelStage,
  total: number,
  filter: BoardFilter,
): { isOver: boolean; note: ReactNode; rotDays: number | null } {
  const { t } = useWipTranslation();
  const limits = useStageLimits(stage);
  const board = useBoard(filter);
  const names = useRepNames();
  const byOwner = board.data?.columns.find((c) => c.stage === stage)?.byOwner ?? {};
  const wip = columnWip(limits, total, byOwner);
  const isOver = wip.isOverStage || wip.repsOver.length > 0;
  const rotDays = limits.rotDays ?? null;
  if (!isOver) return { isOver, note: null, rotDays };
  const reps = wip.repsOver
    .map((r) => t('wip.repCount', { name: names.get(r.repId) ?? r.repId, count: r.count }))
    .join(t('wip.comma'));
  return {
    isOver,
    rotDays,
    note: (
      <Text size="xs" c="orange.9" fw={600} px="sm" pb={6} data-testid={`column-wip-${stage}`}>
        {wip.isOverStage && t('wip.over', { total, limit: limits.wipLimit })}
        {wip.isOverStage && wip.repsOver.length > 0 && ' · '}
        {wip.repsOver.length > 0 && t('wip.repsOver', { limit: limits.repWipLimit, reps })}
      </Text>
    ),
  };
}

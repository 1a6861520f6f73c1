// A funnel stage as a quiet badge in the UI language.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FunnelStage } from '../../../../core/domain/funnel';

const STAGE_COLORS: Record<FunnelStage, string> = {
  raw: 'gray',
  mql: 'cyan',
  sql: 'indigo',
  opportunity: 'violet',
  won: 'green',
  lost: 'red',
  nurture: 'orange',
};

export function StageBadge({ stage }: { stage: FunnelStage }) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLORS[stage]} variant="dot" size="sm" radius="sm" tt="none" fw={500}>
      {t(`stages.${stage}`)}
    </Badge>
  );
}

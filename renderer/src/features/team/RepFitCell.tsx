// The Team page's learned conversion per rep (distribution.repFit): the shrunk win rate with its evidence and
// interval, and the grade or segment where the rep differs most from the team, as the optimizer sees them.
import { Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CallOutput } from '../../../../core/api/contract';
import { useClient } from '../../api/client-context';
import { useDistributionTranslation } from '../distribution/bundle';

type RepFit = CallOutput<'distribution.repFit'>;
type RepFitRow = RepFit['reps'][number];

const percent = (rate: number) => Math.round(rate * 100);

export function useRepFit(isTeamLead: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: ['distribution', 'rep-fit'],
    queryFn: () => client.call('distribution.repFit', {}),
    enabled: isTeamLead,
    staleTime: 60_000,
  });
}

/** The column's header, and what "learned" means when there is too little history yet. */
export function RepFitHeader({ fit }: { fit: RepFit | undefined }) {
  const { t } = useDistributionTranslation();
  const hint =
    fit?.status === 'too-little-history'
      ? t('distribution.repFit.tooLittle', { outcomes: fit.outcomes, min: fit.minOutcomes })
      : t('distribution.repFit.hint', { rate: fit ? percent(fit.team.rate) : 0 });
  return (
    <Tooltip label={hint} multiline w={280} withArrow>
      <span data-testid="rep-fit-header">{t('distribution.repFit.column')}</span>
    </Tooltip>
  );
}

/** The cell where this rep is furthest from the team, worded as a grade or a segment value. */
function strongestCell(row: RepFitRow) {
  return [...row.cells].sort(
    (a, b) => Math.abs(b.estimate.rate - b.teamRate) - Math.abs(a.estimate.rate - a.teamRate),
  )[0];
}

export function RepFitCell({ fit, repId }: { fit: RepFit | undefined; repId: string }) {
  const { t } = useDistributionTranslation();
  const row = fit?.reps.find((r) => r.repId === repId);
  if (!fit || !row || row.overall.n === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="rep-fit">
        {t('distribution.repFit.noHistory')}
      </Text>
    );
  }
  const cell = strongestCell(row);
  const segment = cell
    ? t(cell.segment === 'grade' ? 'distribution.repFit.gradeCell' : 'distribution.repFit.segmentCell', {
        key: cell.key,
        segment: t(`distribution.repFit.segments.${cell.segment}`),
        rate: percent(cell.estimate.rate),
        teamRate: percent(cell.teamRate),
      })
    : null;
  const body = (
    <div data-testid="rep-fit">
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {t('distribution.repFit.rate', { rate: percent(row.overall.rate) })}
      </Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('distribution.repFit.evidence', {
          wins: row.overall.wins,
          n: row.overall.n,
          low: percent(row.overall.low),
          high: percent(row.overall.high),
        })}
      </Text>
    </div>
  );
  // Where the rep stands apart is a detail: on hover, so the column stays narrow at 1280 px.
  if (fit.status !== 'learned' || !segment) return body;
  return (
    <Tooltip label={segment} withArrow>
      {body}
    </Tooltip>
  );
}

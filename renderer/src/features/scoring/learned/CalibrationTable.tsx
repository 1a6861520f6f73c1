// How well the learned model's probabilities match what happened on the held-out leads, bin by bin.
import { Group, Progress, Table, Text } from '@mantine/core';
import type { LearnedModel } from '../../../../../core/domain/scoring/learned';
import { useScoringTranslation } from '../i18n-bundle';

function pct(p: number | null): string {
  return p === null ? '—' : `${Math.round(p * 100)}%`;
}

export function CalibrationTable({ calibration }: { calibration: LearnedModel['metrics']['calibration'] }) {
  const { t } = useScoringTranslation();
  return (
    <div>
      <Text size="sm" fw={600} mb={6}>
        {t('scoring.learned.calibration')}
      </Text>
      <Table fz="xs" verticalSpacing={3} horizontalSpacing={4} data-testid="learned-calibration">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('scoring.learned.calibrationBin')}</Table.Th>
            <Table.Th ta="right">{t('scoring.learned.calibrationPredicted')}</Table.Th>
            <Table.Th ta="right">{t('scoring.learned.calibrationObserved')}</Table.Th>
            <Table.Th ta="right">{t('scoring.learned.calibrationCount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calibration
            .filter((bin) => bin.count > 0)
            .map((bin) => (
              <Table.Tr key={bin.from}>
                <Table.Td>
                  {Math.round(bin.from * 100)}–{Math.round(bin.to * 100)}%
                </Table.Td>
                <Table.Td ta="right">{pct(bin.meanPredicted)}</Table.Td>
                <Table.Td ta="right">
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Progress
                      value={(bin.observedRate ?? 0) * 100}
                      w={36}
                      size="sm"
                      color="indigo"
                      aria-hidden
                    />
                    {pct(bin.observedRate)}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{bin.count}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

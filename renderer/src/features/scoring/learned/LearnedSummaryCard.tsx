// The trained model at a glance: who trained it and with which seed, its AUC and strength, the examples it learned
// from, the fields kept out, its calibration and the factors that drive it.
import { Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import type { LearnedModel } from '../../../../../core/domain/scoring/learned';
import { formatDateTime, formatList, formatNumber } from '../../../ui/format';
import { useLanguage } from '../../../ui/use-language';
import { describeField } from '../describe-score';
import { useScoringTranslation } from '../i18n-bundle';
import { CalibrationTable } from './CalibrationTable';
import { FactorList } from './FactorList';

const STRENGTH_COLORS = { none: 'gray', weak: 'yellow', moderate: 'blue', strong: 'teal' } as const;

export function LearnedSummaryCard({ model, trainedBy }: { model: LearnedModel; trainedBy: string }) {
  const { t } = useScoringTranslation();
  const language = useLanguage();
  const m = model.metrics;
  return (
    <Card withBorder radius="md" padding="md" data-testid="learned-summary">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('scoring.learned.trained')}</Text>
        <Text size="xs" c="dimmed">
          {t('scoring.learned.trainedAt', {
            at: formatDateTime(model.trainedAt, language),
            actor: trainedBy,
          })}{' '}
          · {t('scoring.learned.seedLabel', { seed: model.seed })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mb="md">
        <div>
          <Text size="xs" c="dimmed">
            {t('scoring.learned.auc')}
          </Text>
          <Group gap="xs" align="baseline">
            <Text fz={28} fw={700} data-testid="learned-auc">
              {m.auc.toFixed(2)}
            </Text>
            <Badge color={STRENGTH_COLORS[m.strength]} variant="light" tt="none">
              {t(`scoring.learned.strength.${m.strength}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('scoring.learned.strengthHint')}
          </Text>
          {model.leakComparison && model.leakComparison.flaggedFields.length > 0 && (
            <Text size="xs" c="orange.8" mt={4} data-testid="learned-auc-with-leaks">
              {model.leakComparison.aucWithFlagged === null
                ? t('scoring.learned.aucWithLeaksRefused')
                : t('scoring.learned.aucWithLeaks', {
                    auc: model.leakComparison.aucWithFlagged.toFixed(2),
                    count: model.leakComparison.flaggedFields.length,
                  })}
            </Text>
          )}
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('scoring.learned.examples')}
          </Text>
          <Text fz="lg" fw={600}>
            {t('scoring.learned.examplesValue', {
              won: formatNumber(m.won, language),
              lost: formatNumber(m.lost, language),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('scoring.learned.split', {
              train: formatNumber(m.trainCount, language),
              holdout: formatNumber(m.holdoutCount, language),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('scoring.learned.baseRate', { percent: Math.round(m.baseRate * 1000) / 10 })}
          </Text>
        </div>
        <div>
          {model.excludeFields.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('scoring.learned.excluded', {
                fields: formatList(
                  model.excludeFields.map((f) => describeField(t, f)),
                  language,
                ),
              })}
            </Text>
          )}
        </div>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <CalibrationTable calibration={m.calibration} />
        <FactorList title={t('scoring.learned.positive')} factors={model.topPositive} color="teal" />
        <FactorList title={t('scoring.learned.negative')} factors={model.topNegative} color="red" />
      </SimpleGrid>
    </Card>
  );
}

// One side of what drives the learned model: its strongest factors for (or against) winning, with odds ratios.
import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { Factor } from '../../../../../core/domain/scoring/learned';
import { describeFactorName, formatOddsRatio } from '../describe-score';
import { useScoringTranslation } from '../i18n-bundle';

export function FactorList({
  title,
  factors,
  color,
}: {
  title: string;
  factors: readonly Factor[];
  color: string;
}) {
  const { t } = useScoringTranslation();
  return (
    <div>
      <Text size="sm" fw={600} mb={6}>
        {title}
      </Text>
      {factors.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('scoring.learned.noFactors')}
        </Text>
      ) : (
        <Stack gap={6}>
          {factors.slice(0, 6).map((factor) => (
            <Group key={factor.name} gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" className="fl-ellipsis" title={factor.name}>
                {describeFactorName(t, factor)}
              </Text>
              <Tooltip label={t('scoring.learned.support', { count: factor.support })}>
                <Badge variant="light" color={color} radius="sm" tt="none" style={{ flexShrink: 0 }}>
                  {t(`scoring.learned.${factor.direction}`, { ratio: formatOddsRatio(factor.oddsRatio) })}
                </Badge>
              </Tooltip>
            </Group>
          ))}
        </Stack>
      )}
    </div>
  );
}

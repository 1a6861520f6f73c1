// Why a lead has its score: each rule part with its points and a plain sentence, the learned view and the blend.
import { Badge, Divider, Group, Paper, Progress, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { LeadDetail } from '../../../../core/api/leads/schemas';
import { GradeBadge } from '../../ui/GradeBadge';
import { describeFactorName, describeScorePart, formatPoints } from './describe-score';
import { useScoringTranslation } from './i18n-bundle';
import { StaleMarker } from './StaleMarker';

const DIMENSION_COLORS = { fit: 'indigo', behaviour: 'cyan', need: 'grape' } as const;

function percent(p: number): number {
  return Math.round(p * 1000) / 10;
}

export function ScoreExplanation({ detail, now }: { detail: LeadDetail; now?: number }) {
  const { t } = useScoringTranslation();
  // "3 days ago" is read against when the drawer opened; it need not tick while it stays open.
  const [openedAt] = useState(() => Date.now());
  const at = now ?? openedAt;
  const { explanation, lead } = detail;
  const { rule, prediction, blend } = explanation;
  const sum = rule.parts.reduce((total, part) => total + part.points, 0);
  const currentVersion = rule.modelVersion;
  const learnedWeight = blend.mode === 'learned' ? 1 : blend.mode === 'blend' ? blend.weight : 0;

  return (
    <Stack gap="md" data-testid="score-explanation">
      <Group justify="space-between" align="center">
        <Group gap="sm" align="baseline">
          <Text fz={32} fw={700} lh={1} data-testid="explanation-score">
            {explanation.score}
          </Text>
          <Text c="dimmed" size="sm">
            {t('scoring.explanation.score')}
          </Text>
          <GradeBadge grade={explanation.grade} />
        </Group>
        {explanation.isStale && (
          <StaleMarker scoredVersion={detail.scoreModelVersion} currentVersion={currentVersion} />
        )}
      </Group>

      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            {t('scoring.explanation.title')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('scoring.version', { version: currentVersion })}
          </Text>
        </Group>
        {rule.parts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('scoring.explanation.noParts')}
          </Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {rule.parts.map((part) => (
              <Group
                key={part.criterionId}
                component="li"
                gap="sm"
                wrap="nowrap"
                align="flex-start"
                data-testid="score-part"
                data-points={part.points}
              >
                <Badge
                  variant="light"
                  color={part.points > 0 ? 'teal' : part.points < 0 ? 'red' : 'gray'}
                  radius="sm"
                  w={44}
                  px={0}
                  style={{ flexShrink: 0 }}
                >
                  {formatPoints(part.points)}
                </Badge>
                <Text size="sm" style={{ flex: 1 }}>
                  {describeScorePart(t, part, { events: lead.events, now: at })}
                </Text>
                <Badge
                  variant="dot"
                  color={DIMENSION_COLORS[part.dimension]}
                  size="xs"
                  style={{ flexShrink: 0 }}
                >
                  {t(`scoring.dimensions.${part.dimension}`)}
                </Badge>
              </Group>
            ))}
          </Stack>
        )}
        <Divider my="xs" />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('scoring.explanation.sum')}
          </Text>
          <Text size="sm" fw={600} data-testid="explanation-sum">
            = {sum} {blend.mode === 'rules' ? '' : t('scoring.explanation.ruleScoreNote')}
          </Text>
        </Group>
      </Paper>

      {blend.mode !== 'rules' && prediction && (
        <Text size="sm" c="dimmed" data-testid="explanation-blend">
          {blend.mode === 'learned'
            ? t('scoring.explanation.blend.learned', {
                percent: percent(prediction.probability),
                score: explanation.score,
              })
            : t('scoring.explanation.blend.blend', {
                rule: rule.score,
                ruleWeight: Math.round((1 - learnedWeight) * 100),
                percent: Math.round(prediction.probability * 100),
                learnedWeight: Math.round(learnedWeight * 100),
                score: explanation.score,
              })}
        </Text>
      )}

      {prediction && (
        <Paper withBorder radius="md" p="sm" data-testid="explanation-learned">
          <Group justify="space-between" mb={6}>
            <Text fw={600} size="sm">
              {t('scoring.explanation.learnedTitle')}
            </Text>
            <Text size="sm">
              {t('scoring.explanation.probability', { percent: percent(prediction.probability) })}{' '}
              <Text span c="dimmed" size="xs">
                {t('scoring.explanation.baseline', { percent: percent(prediction.baseline) })}
              </Text>
            </Text>
          </Group>
          <Progress value={prediction.probability * 100} size="sm" color="indigo" mb="sm" />
          <Stack gap={4}>
            {prediction.factors.map((factor) => (
              <Group key={factor.name} gap="xs" wrap="nowrap">
                <ThemeIcon
                  size={18}
                  radius="xl"
                  variant="light"
                  color={factor.direction === 'raises' ? 'teal' : 'red'}
                >
                  <Text size="xs" fw={700} lh={1}>
                    {factor.direction === 'raises' ? '↑' : '↓'}
                  </Text>
                </ThemeIcon>
                <Text size="sm" style={{ flex: 1 }}>
                  {describeFactorName(t, factor)}
                </Text>
                <Tooltip label={`log-odds ${factor.contribution.toFixed(2)}`}>
                  <Text size="xs" c="dimmed">
                    {factor.direction === 'raises'
                      ? t('scoring.explanation.factorRaises')
                      : t('scoring.explanation.factorLowers')}{' '}
                    ×{Math.exp(factor.contribution).toFixed(2)}
                  </Text>
                </Tooltip>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/** The drawer tab's title: "评分解释", with a dot when the stored score is out of date. */
export function ScoreExplanationTabLabel({ isStale }: { isStale: boolean }) {
  const { t } = useScoringTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      {t('scoring.explanation.title')}
      {isStale && (
        <Badge variant="dot" color="orange" size="xs" px={2} aria-label={t('scoring.explanation.stale')} />
      )}
    </Group>
  );
}

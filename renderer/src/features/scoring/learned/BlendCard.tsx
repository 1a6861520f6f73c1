// How a lead's score is made: rule points only, the learned probability only, or a weighted blend of the two;
// applying a change rescores the leads in the background.
import { Alert, Button, Card, Group, Radio, Slider, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ScoreBlend } from '../../../../../core/api/contract';
import { useClient } from '../../../api/client-context';
import { JobProgress } from '../../jobs/JobProgress';
import { useJob } from '../../jobs/job-store';
import { useScoringTranslation } from '../i18n-bundle';
import { scoringKeys, useScoreBlend } from '../scoring-queries';

export function BlendCard({ hasModel, readOnly }: { hasModel: boolean; readOnly: boolean }) {
  const { t } = useScoringTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const blend = useScoreBlend();
  const [value, setValue] = useState<ScoreBlend | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const current = value ?? blend.data ?? { mode: 'rules', weight: 0.5 };
  const isChanged =
    blend.data !== undefined &&
    (current.mode !== blend.data.mode || (current.mode === 'blend' && current.weight !== blend.data.weight));
  const save = useMutation({
    mutationFn: () => client.call('scoring.setBlend', { mode: current.mode, weight: current.weight }),
    onSuccess: (result) => {
      setJobId(result.job.id);
      setValue(null);
      void queryClient.invalidateQueries({ queryKey: scoringKeys.blend });
      notifications.show({ color: 'teal', message: t('scoring.learned.blendSaved') });
    },
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Text fw={600}>{t('scoring.learned.blendTitle')}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('scoring.learned.blendHint')}
      </Text>
      <Radio.Group
        value={current.mode}
        onChange={(mode) => setValue({ ...current, mode: mode as ScoreBlend['mode'] })}
      >
        <Group gap="lg">
          {(['rules', 'learned', 'blend'] as const).map((mode) => (
            <Radio
              key={mode}
              value={mode}
              label={t(`scoring.learned.mode.${mode}`)}
              disabled={readOnly || (mode !== 'rules' && !hasModel)}
              data-testid={`blend-mode-${mode}`}
            />
          ))}
        </Group>
      </Radio.Group>
      {!hasModel && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('scoring.learned.needsTraining')}
        </Text>
      )}
      {current.mode === 'blend' && (
        <Stack gap={4} mt="md">
          <Text size="sm">{t('scoring.learned.weight', { percent: Math.round(current.weight * 100) })}</Text>
          <Slider
            value={current.weight}
            onChange={(weight) => setValue({ ...current, weight })}
            min={0}
            max={1}
            step={0.05}
            label={(v) => `${Math.round(v * 100)}%`}
            marks={[
              { value: 0, label: '0%' },
              { value: 0.5, label: '50%' },
              { value: 1, label: '100%' },
            ]}
            disabled={readOnly}
            mb="md"
          />
        </Stack>
      )}
      <Group justify="flex-end" mt="sm">
        <Button
          variant="light"
          onClick={() => save.mutate()}
          disabled={!isChanged || readOnly}
          loading={save.isPending}
          data-testid="blend-apply"
        >
          {t('scoring.learned.applyBlend')}
        </Button>
      </Group>
      {save.error && (
        <Alert color="red" mt="sm">
          {save.error.message}
        </Alert>
      )}
      {job && (
        <div style={{ marginTop: 12 }}>
          <JobProgress job={job} label={t('scoring.learned.blendRescoreLabel')} />
        </div>
      )}
    </Card>
  );
}

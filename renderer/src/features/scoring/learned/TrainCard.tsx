// Train (or retrain) the learned model: a seed and the fields to keep out, the latest history import's leak
// columns excluded unless the team lead puts them back; shows the training job and why training was refused.
import { Alert, Button, Card, Group, MultiSelect, NumberInput, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../../../core/api/errors';
import { SCORING_ERRORS } from '../../../../../core/api/scoring/errors';
import { BEHAVIOUR_KINDS } from '../../../../../core/domain/lead';
import { useClient } from '../../../api/client-context';
import { useHistoryFlags } from '../../import/history/history-flags';
import { JobProgress } from '../../jobs/JobProgress';
import { useJob } from '../../jobs/job-store';
import { describeField } from '../describe-score';
import { useScoringTranslation } from '../i18n-bundle';
import { LeakFlagsBox } from './LeakFlagsBox';

const EXCLUDABLE_FIELDS = [
  'title',
  'industry',
  'region',
  'companySize',
  'product',
  'source',
  'needs',
  'bant.authority',
  'bant.need',
  'bant.timeline',
  'bant.budget',
] as const;

/** The counts of a "not enough outcomes" refusal (scoring.notEnoughOutcomes), from its details, never its text. */
function trainingShortfall(
  error: Error | null,
): { min: number; won: number; lost: number; moreWon: number; moreLost: number } | null {
  if (!(error instanceof ApiError) || error.reason !== SCORING_ERRORS.notEnoughOutcomes.reason) return null;
  const count = (name: string) => Number(error.details?.[name] ?? 0);
  return {
    min: count('minimum'),
    won: count('won'),
    lost: count('lost'),
    moreWon: count('moreWonNeeded'),
    moreLost: count('moreLostNeeded'),
  };
}

export function TrainCard({
  customKeys,
  hasModel,
  readOnly,
}: {
  customKeys: readonly string[];
  hasModel: boolean;
  readOnly: boolean;
}) {
  const { t } = useScoringTranslation();
  const client = useClient();
  const flags = useHistoryFlags(!readOnly);
  const [seed, setSeed] = useState<number>(1);
  // Null until the team lead changes it: the leak fields of the latest history import stay excluded by default.
  const [chosen, setChosen] = useState<string[] | null>(null);
  const exclude = chosen ?? [...(flags.data?.excludeFields ?? [])];
  const leaks = flags.data?.leaks ?? [];
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const train = useMutation({
    mutationFn: () => client.call('scoring.train', { seed, excludeFields: exclude }),
    onSuccess: (status) => setJobId(status.id),
  });
  const refusal = trainingShortfall(train.error);
  const customFields = new Set([
    ...customKeys.map((k) => `custom.${k}`),
    ...leaks.map((leak) => leak.field).filter((f) => f.startsWith('custom.')),
  ]);
  const options = [
    ...EXCLUDABLE_FIELDS.map((f) => ({ value: f, label: describeField(t, f) })),
    { value: 'events', label: t('scoring.learned.excludeAllEvents') },
    ...BEHAVIOUR_KINDS.map((k) => ({
      value: `events.${k}`,
      label: t('scoring.learned.excludeEvent', { kind: t(`scoring.events.${k}`) }),
    })),
    ...[...customFields].sort().map((f) => ({ value: f, label: describeField(t, f) })),
  ];
  // An excluded field the list does not offer (a flagged built-in like costFen) still shows, so it can be removed.
  const offered = new Set(options.map((o) => o.value));
  for (const field of exclude)
    if (!offered.has(field)) options.push({ value: field, label: describeField(t, field) });
  const isRunning = job?.state === 'running';
  return (
    <Card withBorder radius="md" padding="md">
      <Text fw={600}>{t('scoring.learned.title')}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('scoring.learned.hint')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NumberInput
          label={t('scoring.learned.seed')}
          description={t('scoring.learned.seedHint')}
          value={seed}
          onChange={(v) => setSeed(typeof v === 'number' ? Math.max(0, Math.floor(v)) : 0)}
          min={0}
          allowDecimal={false}
          w={200}
          data-testid="train-seed"
        />
        <MultiSelect
          label={t('scoring.learned.exclude')}
          description={t('scoring.learned.excludeHint')}
          placeholder={exclude.length === 0 ? t('scoring.learned.excludePlaceholder') : undefined}
          data={options}
          value={exclude}
          onChange={setChosen}
          searchable
          clearable
          style={{ flex: 1, minWidth: 260 }}
          data-testid="train-exclude"
        />
        <Button
          onClick={() => train.mutate()}
          loading={train.isPending || isRunning}
          disabled={readOnly || flags.isLoading}
          data-testid="train-button"
        >
          {hasModel ? t('scoring.learned.retrain') : t('scoring.learned.train')}
        </Button>
      </Group>
      {leaks.length > 0 && (
        <LeakFlagsBox leaks={leaks} exclude={exclude} readOnly={readOnly} onChange={setChosen} />
      )}
      {job && (
        <div style={{ marginTop: 12 }}>
          <JobProgress job={job} label={t('scoring.learned.trainLabel')} />
        </div>
      )}
      {train.error && (
        <Alert color="orange" title={t('scoring.learned.refused')} mt="sm" data-testid="train-refused">
          {refusal ? t('scoring.learned.notEnough', refusal) : train.error.message}
        </Alert>
      )}
    </Card>
  );
}

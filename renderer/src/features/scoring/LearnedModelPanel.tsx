// The learned model: train it (seed, excluded fields — the latest history import's leak columns excluded unless
// the team lead puts them back), read how good it is and what drives it, choose how scores blend rule points with
// its probability, and turn its findings into suggested rule weights.
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Progress,
  Radio,
  SimpleGrid,
  Slider,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ScoreBlend } from '../../../../core/api/contract';
import type { HistoryLeak } from '../../../../core/api/import/history';
import { BEHAVIOUR_KINDS } from '../../../../core/domain/lead';
import type { Factor, LearnedModel } from '../../../../core/domain/scoring/learned';
import type { ScoringModel } from '../../../../core/domain/scoring/model';
import type { RuleWeightSuggestion } from '../../../../core/domain/scoring/suggest';
import { useClient } from '../../api/client-context';
import { formatDateTime, formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useHistoryFlags } from '../import/history/history-flags';
import { JobProgress } from '../jobs/JobProgress';
import { useJob } from '../jobs/job-store';
import { describeFactorName, describeField, describeCondition, formatOddsRatio } from './describe-score';
import { useScoringTranslation } from './i18n-bundle';
import { scoringKeys, useLearnedModel, useScoreBlend } from './scoring-queries';

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

const STRENGTH_COLORS = { none: 'gray', weak: 'yellow', moderate: 'blue', strong: 'teal' } as const;

/** Reads the numbers out of the API's "not enough outcomes" refusal, to say it in the UI language. */
export function parseTrainingRefusal(
  message: string,
): { min: number; won: number; lost: number; moreWon: number; moreLost: number } | null {
  const match =
    /at least (\d+) won .*there are (\d+) won and (\d+) lost \((\d+) more won and (\d+) more lost needed\)/.exec(
      message,
    );
  if (!match) return null;
  const [, min, won, lost, moreWon, moreLost] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { min, won, lost, moreWon, moreLost };
}

function pct(p: number | null): string {
  return p === null ? '—' : `${Math.round(p * 100)}%`;
}

function FactorList({ title, factors, color }: { title: string; factors: readonly Factor[]; color: string }) {
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

function LearnedSummaryCard({ model, trainedBy }: { model: LearnedModel; trainedBy: string }) {
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
                fields: model.excludeFields.map((f) => describeField(t, f)).join('、'),
              })}
            </Text>
          )}
        </div>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
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
              {m.calibration
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
        <FactorList title={t('scoring.learned.positive')} factors={model.topPositive} color="teal" />
        <FactorList title={t('scoring.learned.negative')} factors={model.topNegative} color="red" />
      </SimpleGrid>
    </Card>
  );
}

/** The leak flags of the latest history import, one checkbox per field: checked keeps the field out of training. */
function LeakFlagsBox({
  leaks,
  exclude,
  readOnly,
  onChange,
}: {
  leaks: readonly HistoryLeak[];
  exclude: readonly string[];
  readOnly: boolean;
  onChange: (next: string[]) => void;
}) {
  const { t } = useScoringTranslation();
  const fields = [...new Set(leaks.map((leak) => leak.field))];
  return (
    <Alert
      color="orange"
      variant="light"
      mt="sm"
      title={t('scoring.learned.leaks')}
      data-testid="train-leaks"
    >
      <Text size="xs" mb="xs">
        {t('scoring.learned.leaksHint')}
      </Text>
      <Stack gap="xs">
        {fields.map((field) => {
          const isExcluded = exclude.includes(field);
          return (
            <div key={field} data-testid="train-leak">
              <Checkbox
                label={t('scoring.learned.leakExclude', { field: describeField(t, field) })}
                checked={isExcluded}
                disabled={readOnly}
                onChange={(event) =>
                  onChange(
                    event.currentTarget.checked
                      ? [...exclude, field]
                      : exclude.filter((excluded) => excluded !== field),
                  )
                }
              />
              <Stack gap={0} pl={30}>
                {leaks
                  .filter((leak) => leak.field === field)
                  .map((leak) => (
                    <Text key={leak.reason} size="xs" c="dimmed">
                      {t(`scoring.learned.leakReasons.${leak.reason}`, {
                        column: leak.column,
                        value: leak.evidence.value ?? '',
                        won: leak.evidence.won,
                        lost: leak.evidence.lost,
                        matched: leak.evidence.matched ?? '',
                      })}
                    </Text>
                  ))}
                {!isExcluded && (
                  <Text size="xs" c="orange.8" fw={500}>
                    {t('scoring.learned.leakKept')}
                  </Text>
                )}
              </Stack>
            </div>
          );
        })}
      </Stack>
    </Alert>
  );
}

function TrainCard({
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
  const refusal = train.error ? parseTrainingRefusal(train.error.message) : null;
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

function BlendCard({ hasModel, readOnly }: { hasModel: boolean; readOnly: boolean }) {
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

function SuggestionModal({
  suggestion,
  model,
  onLoad,
  onClose,
}: {
  suggestion: RuleWeightSuggestion;
  model: ScoringModel;
  onLoad: (model: ScoringModel) => void;
  onClose: () => void;
}) {
  const { t } = useScoringTranslation();
  const byId = new Map(model.criteria.map((c) => [c.id, c]));
  return (
    <Modal opened onClose={onClose} title={t('scoring.learned.suggestTitle')} size="xl">
      {suggestion.reason === 'no_signal' ? (
        <Alert color="orange">{t('scoring.learned.noSignal')}</Alert>
      ) : suggestion.changes.length === 0 ? (
        <Alert color="gray">{t('scoring.learned.noSuggestedChanges')}</Alert>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('scoring.learned.suggestHint')}
          </Text>
          <Table verticalSpacing={4} fz="sm" data-testid="suggestion-changes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('scoring.learned.criterion')}</Table.Th>
                <Table.Th ta="right">{t('scoring.learned.before')}</Table.Th>
                <Table.Th ta="right">{t('scoring.learned.afterCol')}</Table.Th>
                <Table.Th>{t('scoring.learned.evidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {suggestion.changes
                .filter((change) => change.pointsAfter !== change.pointsBefore)
                .map((change) => {
                  const criterion = byId.get(change.criterionId);
                  const name = criterion
                    ? criterion.label?.trim() || describeCondition(t, criterion)
                    : change.criterionId;
                  const delta = change.pointsAfter - change.pointsBefore;
                  return (
                    <Table.Tr key={change.criterionId}>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td ta="right">{change.pointsBefore}</Table.Td>
                      <Table.Td ta="right" fw={600} c={delta > 0 ? 'teal' : delta < 0 ? 'red' : undefined}>
                        {change.pointsAfter}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {change.evidence
                            .slice(0, 3)
                            .map((name) => describeFactorName(t, { name, field: '' }))
                            .join('、')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
            </Table.Tbody>
          </Table>
          {suggestion.dimensionChanges.length > 0 && (
            <div>
              <Text size="sm" fw={600} mb={4}>
                {t('scoring.learned.dimensionWeights')}
              </Text>
              <Group gap="md">
                {suggestion.dimensionChanges.map((d) => (
                  <Badge key={d.dimension} variant="light" size="lg" radius="sm" tt="none" fw={500}>
                    {t(`scoring.dimensions.${d.dimension}`)} {d.weightBefore} → {d.weightAfter}
                  </Badge>
                ))}
              </Group>
            </div>
          )}
        </Stack>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          disabled={suggestion.reason !== 'applied' || suggestion.changes.length === 0}
          onClick={() => onLoad(suggestion.model)}
          data-testid="suggestion-load"
        >
          {t('scoring.learned.applySuggested')}
        </Button>
      </Group>
    </Modal>
  );
}

function SuggestCard({
  model,
  hasModel,
  onLoadDraft,
}: {
  model: ScoringModel;
  hasModel: boolean;
  onLoadDraft: (model: ScoringModel) => void;
}) {
  const { t } = useScoringTranslation();
  const client = useClient();
  const [isOpen, setOpen] = useState(false);
  const suggest = useMutation({
    mutationFn: () => client.call('scoring.suggestWeights', {}),
    onSuccess: () => setOpen(true),
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Text fw={600}>{t('scoring.learned.suggestTitle')}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('scoring.learned.suggestHint')}
      </Text>
      <Group justify="flex-end">
        <Button
          variant="light"
          onClick={() => suggest.mutate()}
          loading={suggest.isPending}
          disabled={!hasModel}
          data-testid="suggest-button"
        >
          {t('scoring.learned.suggest')}
        </Button>
      </Group>
      {!hasModel && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('scoring.learned.needsTraining')}
        </Text>
      )}
      {suggest.error && (
        <Alert color="red" mt="sm">
          {suggest.error.message}
        </Alert>
      )}
      {isOpen && suggest.data && (
        <SuggestionModal
          suggestion={suggest.data}
          model={model}
          onClose={() => setOpen(false)}
          onLoad={(next) => {
            setOpen(false);
            onLoadDraft(next);
          }}
        />
      )}
    </Card>
  );
}

export function LearnedModelPanel({
  model,
  customKeys,
  readOnly,
  onLoadDraft,
}: {
  /** The rule model in force, to name criteria in suggestions. */
  model: ScoringModel;
  customKeys: readonly string[];
  readOnly: boolean;
  onLoadDraft: (model: ScoringModel) => void;
}) {
  const { t } = useScoringTranslation();
  const learned = useLearnedModel();
  const queryClient = useQueryClient();
  const hasModel = Boolean(learned.data);
  // A training finished elsewhere (another window): refresh the blend too, it may now be allowed.
  useEffect(() => {
    if (hasModel) void queryClient.invalidateQueries({ queryKey: scoringKeys.blend });
  }, [hasModel, queryClient]);
  return (
    <Stack gap="md">
      <TrainCard customKeys={customKeys} hasModel={hasModel} readOnly={readOnly} />
      {learned.data ? (
        <LearnedSummaryCard model={learned.data.model} trainedBy={learned.data.trainedBy} />
      ) : (
        learned.isSuccess && (
          <Text size="sm" c="dimmed">
            {t('scoring.learned.notTrained')}
          </Text>
        )
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <BlendCard hasModel={hasModel} readOnly={readOnly} />
        <SuggestCard model={model} hasModel={hasModel} onLoadDraft={onLoadDraft} />
      </SimpleGrid>
    </Stack>
  );
}

// Rules → Scoring: edit the rule model with a live preview over current leads, save versions (rescoring in the
// background), read the version history, and work with the learned model (offered after a past-leads import).
import {
  Alert,
  Badge,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ScoringModel } from '../../../../core/domain/scoring/model';
import { ApiError } from '../../../../core/api/errors';
import { useClient } from '../../api/client-context';
import { useWorkspaceStatus } from '../../api/queries';
import { wordBesideField } from '../../api/worded-errors';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { JobProgress } from '../jobs/JobProgress';
import { useHistoryFlags } from '../import/history/history-flags';
import { useJob, useLatestJob } from '../jobs/job-store';
import { useScoringTranslation } from './i18n-bundle';
import { LearnedModelPanel } from './LearnedModelPanel';
import { ModelEditor } from './ModelEditor';
import { findDraftProblems, isSameModel, normalizeProblemPath } from './model-draft';
import { PreviewPanel } from './PreviewPanel';
import {
  scoringKeys,
  useCustomFieldKeys,
  useLearnedModel,
  useModelPreview,
  useScoringModel,
} from './scoring-queries';
import { VersionHistory } from './VersionHistory';

type Section = 'rules' | 'learned';

interface ServerProblem {
  readonly draft: ScoringModel;
  readonly path: string;
  readonly message: string;
}

function RescoreStatus({
  jobId,
  version,
  staleLeads,
}: {
  jobId: string | null;
  version: number;
  staleLeads: number;
}) {
  const { t } = useScoringTranslation();
  const language = useLanguage();
  const started = useJob(jobId);
  const latest = useLatestJob('rescore');
  const job = started ?? (latest?.state === 'running' ? latest : undefined);
  if (!job && staleLeads === 0) return null;
  return (
    <Stack gap="xs">
      {staleLeads > 0 && (
        <Alert color="orange" variant="light" py="xs" data-testid="stale-leads">
          {t(job?.state === 'running' ? 'scoring.staleLeads' : 'scoring.staleLeadsIdle', {
            count: formatNumber(staleLeads, language),
          })}
        </Alert>
      )}
      {job && (
        <JobProgress
          job={job}
          label={
            job.state === 'done'
              ? t('scoring.preview.rescoreDone', { version })
              : t('scoring.preview.rescoreLabel', { version })
          }
        />
      )}
    </Stack>
  );
}

/** After a past-leads import the learned model has not yet seen: offers to train it. */
function HistoryTrainOffer({ onTrain }: { onTrain: () => void }) {
  const { t } = useScoringTranslation();
  const language = useLanguage();
  const flags = useHistoryFlags(true);
  const learned = useLearnedModel();
  // Undated past leads (no period to replay) are still worth training on.
  if (!flags.data || flags.data.leads === 0 || !learned.isSuccess) return null;
  if (learned.data && learned.data.model.trainedAt >= flags.data.at) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      title={t('scoring.historyOffer.title', { count: formatNumber(flags.data.leads, language) })}
      data-testid="history-train-offer"
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" maw={720}>
          {t('scoring.historyOffer.body')}
        </Text>
        <Button onClick={onTrain}>{t('scoring.historyOffer.train')}</Button>
      </Group>
    </Alert>
  );
}

export function ScoringTab() {
  const { t } = useScoringTranslation();
  const language = useLanguage();
  const client = useClient();
  const queryClient = useQueryClient();
  const status = useWorkspaceStatus();
  const scoring = useScoringModel();
  const readOnly = status.data?.actor.role !== 'lead';
  const [section, setSection] = useState<Section>('rules');
  const [draft, setDraft] = useState<ScoringModel | null>(null);
  const [serverProblem, setServerProblem] = useState<ServerProblem | null>(null);
  const [rescoreJobId, setRescoreJobId] = useState<string | null>(null);
  const current = scoring.data?.model;
  const customKeys = useCustomFieldKeys(current);

  const editing = draft ?? current ?? null;
  const isDirty = draft !== null && current !== undefined && !isSameModel(draft, current);
  const localProblems = useMemo(
    () => (draft ? findDraftProblems(draft) : new Map<string, string>()),
    [draft],
  );
  const problems = useMemo(() => {
    const all = new Map<string, string>(localProblems);
    if (serverProblem && serverProblem.draft === draft && !all.has(serverProblem.path)) {
      all.set(serverProblem.path, serverProblem.message);
    }
    return all;
  }, [localProblems, serverProblem, draft]);
  const canPreview = isDirty && localProblems.size === 0;
  const preview = useModelPreview(canPreview ? draft : null, current?.version ?? 0);

  const save = useMutation({
    mutationFn: (model: ScoringModel) => client.call('scoring.saveModel', { model }),
    onSuccess: (result) => {
      setDraft(null);
      setServerProblem(null);
      setRescoreJobId(result.job.id);
      void queryClient.invalidateQueries({ queryKey: scoringKeys.model });
      notifications.show({ color: 'teal', message: t('scoring.preview.saved', { version: result.version }) });
    },
    onError: (error, model) => {
      if (error instanceof ApiError && error.field) {
        const message = wordBesideField(error, language);
        setServerProblem({ draft: model, path: normalizeProblemPath(error.field), message });
      }
    },
  });

  if (scoring.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (scoring.isError || !current || !editing) {
    return (
      <Alert color="red" title={t('scoring.loadFailed')}>
        {scoring.error?.message}
      </Alert>
    );
  }

  const nextVersion = current.version + 1;
  const previewState = !isDirty ? 'idle' : localProblems.size > 0 ? 'invalid' : 'ready';

  return (
    <Stack gap="md" data-testid="scoring-tab">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Group gap="sm" align="center">
            <Title order={3}>{t('scoring.title')}</Title>
            <Badge variant="light" color="teal" radius="sm" tt="none" data-testid="current-version">
              {t('scoring.currentVersion', { version: current.version })}
            </Badge>
            {isDirty && (
              <Badge variant="light" color="orange" radius="sm" tt="none">
                {t('scoring.unsaved')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" mt={4} maw={720}>
            {t('scoring.subtitle')}
          </Text>
        </div>
        <SegmentedControl
          value={section}
          onChange={(value) => setSection(value as Section)}
          data={[
            { value: 'rules', label: t('scoring.sections.rules') },
            { value: 'learned', label: t('scoring.sections.learned') },
          ]}
          data-testid="scoring-section"
        />
      </Group>

      {readOnly && (
        <Alert color="gray" variant="light" py="xs">
          {t('scoring.readOnly')}
        </Alert>
      )}

      {!readOnly && section === 'rules' && <HistoryTrainOffer onTrain={() => setSection('learned')} />}

      <RescoreStatus jobId={rescoreJobId} version={current.version} staleLeads={scoring.data.staleLeads} />

      {section === 'rules' ? (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 7, xl: 8 }}>
            <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <ModelEditor
                model={editing}
                onChange={(next) => setDraft(next)}
                problems={problems}
                customKeys={customKeys}
              />
            </fieldset>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5, xl: 4 }}>
            <Stack
              gap="md"
              style={{
                position: 'sticky',
                top: 72,
                maxHeight: 'calc(100dvh - 88px)',
                overflowY: 'auto',
              }}
            >
              <PreviewPanel
                state={previewState}
                preview={canPreview ? preview.data : undefined}
                isFetching={canPreview && preview.isFetching}
                actions={
                  isDirty && (
                    <Stack gap="xs" mb="md">
                      {save.error && (
                        <Alert color="red" title={t('scoring.saveFailed')} py="xs">
                          {save.error.message}
                        </Alert>
                      )}
                      <Group justify="flex-end" gap="xs">
                        <Button
                          variant="default"
                          onClick={() => {
                            setDraft(null);
                            setServerProblem(null);
                            save.reset();
                          }}
                          data-testid="discard-draft"
                        >
                          {t('scoring.preview.discard')}
                        </Button>
                        <Button
                          onClick={() => draft && save.mutate(draft)}
                          loading={save.isPending}
                          disabled={readOnly || localProblems.size > 0}
                          data-testid="save-model"
                        >
                          {t('scoring.preview.save', { version: nextVersion })}
                        </Button>
                      </Group>
                    </Stack>
                  )
                }
              />
              <VersionHistory versions={scoring.data.versions} currentVersion={current.version} />
            </Stack>
          </Grid.Col>
        </Grid>
      ) : (
        <LearnedModelPanel
          model={current}
          customKeys={customKeys}
          readOnly={readOnly}
          onLoadDraft={(next) => {
            setDraft({ ...next, version: current.version });
            setSection('rules');
            notifications.show({ color: 'indigo', message: t('scoring.learned.suggestedLoaded') });
          }}
        />
      )}
    </Stack>
  );
}

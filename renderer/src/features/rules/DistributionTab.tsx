// Rules → Distribution: the ordered rule list (drag to reorder), condition builder, targets, methods, live
// validation and "test a lead"; the what-if replay (offered over the imported period after a past-leads import); and
// the appeals with their badge.
import { Alert, Badge, Button, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import {
  DndContext,
  closestCenter,
  PointerSensor,
  KeyboardSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { DistributionRule } from '../../../../core/domain/distribution/types';
import { validateRules } from '../../../../core/domain/distribution/validate-rules';
import { useClient } from '../../api/client-context';
import { useReps } from '../../api/queries';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { AppealCountBadge, AppealsList } from '../distribution/AppealsList';
import {
  distributionKeys,
  useActor,
  useDistributionEvents,
  useDistributionRules,
} from '../distribution/distribution-queries';
import { useHistoryFlags } from '../import/history/history-flags';
import { useRulesTranslation } from './bundle';
import { ReplayPanel } from './ReplayPanel';
import { RuleCard } from './RuleCard';
import { RuleLintPanel } from './RuleLintPanel';
import { RulesInWords } from '../transparency/RulesInWords';
import { groupProblems, newRule } from './rule-draft';
import { TestLeadBox } from './TestLeadBox';

function RulesEditor({
  saved,
  draft,
  setDraft,
}: {
  saved: readonly DistributionRule[];
  draft: readonly DistributionRule[];
  setDraft: (next: readonly DistributionRule[]) => void;
}) {
  const { t } = useRulesTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const actor = useActor();
  const canEdit = actor?.role === 'lead';
  const reps = useReps(false);
  const problems = useMemo(() => validateRules(draft), [draft]);
  const byRule = groupProblems(problems);
  const isDirty = JSON.stringify(saved) !== JSON.stringify(draft);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const save = useMutation({
    mutationFn: () => client.call('distribution.saveRules', { rules: [...draft] }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: distributionKeys.rules });
      notifications.show({ color: 'teal', message: t('rulesEditor.saved', { version: result.version }) });
    },
  });
  if (actor === null) return <Loader size="sm" />;
  // A rep reads the rules as sentences and may test a lead against them; the editor's fields are the team lead's.
  if (!canEdit)
    return (
      <Stack gap="sm" data-testid="rules-read-only">
        <RulesInWords />
        <TestLeadBox rules={saved} />
      </Stack>
    );
  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const from = draft.findIndex((r) => r.id === active.id);
    const to = draft.findIndex((r) => r.id === over.id);
    if (from >= 0 && to >= 0) setDraft(arrayMove([...draft], from, to));
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('rulesEditor.explain')}
        </Text>
        <Group>
          <Button
            variant="light"
            onClick={() => {
              const fallback = draft.slice(-1);
              setDraft([...draft.slice(0, -1), newRule(draft, t('rulesEditor.newRule')), ...fallback]);
            }}
            data-testid="rule-add"
          >
            {t('rulesEditor.add')}
          </Button>
          <Button variant="subtle" disabled={!isDirty} onClick={() => setDraft(saved)}>
            {t('rulesEditor.discard')}
          </Button>
          <Button
            disabled={!isDirty || problems.length > 0}
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="rules-save"
          >
            {t('rulesEditor.save')}
          </Button>
        </Group>
      </Group>
      {save.isError && <Alert color="red">{save.error.message}</Alert>}
      {(byRule.get(-1) ?? []).map((problem, i) => (
        <Alert key={i} color="red" data-testid="rule-problem">
          {problem.message}
        </Alert>
      ))}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={draft.map((r) => r.id)} strategy={verticalListSortingStrategy}>
          <Stack gap="xs">
            {draft.map((rule, index) => (
              <RuleCard
                key={rule.id}
                rule={rule}
                index={index}
                isLast={index === draft.length - 1}
                reps={reps.data ?? []}
                problems={byRule.get(index) ?? []}
                onChange={(next) => setDraft(draft.map((r, k) => (k === index ? next : r)))}
                onRemove={() => setDraft(draft.filter((_, k) => k !== index))}
              />
            ))}
          </Stack>
        </SortableContext>
      </DndContext>
      <RuleLintPanel rules={draft} isValid={problems.length === 0} />
      <TestLeadBox rules={draft} />
    </Stack>
  );
}

/** After a past-leads import: offers a replay over the days its leads arrived. */
function HistoryReplayOffer({ onReplay }: { onReplay: (range: { from: string; to: string }) => void }) {
  const { t } = useRulesTranslation();
  const language = useLanguage();
  const flags = useHistoryFlags(true);
  const period = flags.data?.period;
  if (!period) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      mb="md"
      title={t('rulesEditor.replay.historyOffer.title', {
        count: formatNumber(period.leads, language),
        from: period.from,
        to: period.to,
      })}
      data-testid="history-replay-offer"
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" maw={720}>
          {t('rulesEditor.replay.historyOffer.body')}
        </Text>
        <Button onClick={() => onReplay({ from: period.from, to: period.to })}>
          {t('rulesEditor.replay.historyOffer.start')}
        </Button>
      </Group>
    </Alert>
  );
}

export function DistributionTab() {
  const { t } = useRulesTranslation();
  const rules = useDistributionRules();
  const actor = useActor();
  // `#/rules/distribution/appeals` (the Transparency page's link) opens on the appeals.
  const [tab, setTab] = useState<string | null>(() =>
    window.location.hash.split('/')[3] === 'appeals' ? 'appeals' : 'rules',
  );
  const [replayRange, setReplayRange] = useState<{ from: string; to: string } | undefined>(undefined);
  const [draftState, setDraftState] = useState<{ base: number; rules: readonly DistributionRule[] } | null>(
    null,
  );
  useDistributionEvents();
  if (rules.isPending) return <Loader size="sm" />;
  if (rules.isError) return <Alert color="red">{rules.error.message}</Alert>;
  const saved = rules.data.rules;
  // A draft belongs to the version it was made from; a newer saved version replaces it.
  const draft = draftState && draftState.base === rules.data.version ? draftState.rules : saved;
  const setDraft = (next: readonly DistributionRule[]) =>
    setDraftState({ base: rules.data.version, rules: next });
  const isDirty = JSON.stringify(saved) !== JSON.stringify(draft);
  return (
    <>
      {actor?.role === 'lead' && tab !== 'replay' && (
        <HistoryReplayOffer
          onReplay={(range) => {
            setReplayRange(range);
            setTab('replay');
          }}
        />
      )}
      <Tabs value={tab} onChange={setTab} keepMounted>
        <Tabs.List mb="md">
          <Tabs.Tab value="rules">
            {t('rulesEditor.tabs.rules')}
            {isDirty && (
              <Badge size="xs" ml={6} color="yellow">
                {t('rulesEditor.unsaved')}
              </Badge>
            )}
          </Tabs.Tab>
          {actor?.role === 'lead' && <Tabs.Tab value="replay">{t('rulesEditor.tabs.replay')}</Tabs.Tab>}
          <Tabs.Tab value="appeals" rightSection={<AppealCountBadge />} data-testid="appeals-tab">
            {t('rulesEditor.tabs.appeals')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rules">
          <RulesEditor saved={saved} draft={draft} setDraft={setDraft} />
        </Tabs.Panel>
        {actor?.role === 'lead' && (
          <Tabs.Panel value="replay">
            <ReplayPanel
              key={replayRange ? `${replayRange.from}/${replayRange.to}` : 'default'}
              draft={draft}
              isDirty={isDirty}
              range={replayRange}
            />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="appeals">
          <AppealsList />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

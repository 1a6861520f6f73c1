// The Funnel page: a kanban column per shown stage in the configured order, drag and drop between stages, filters,
// the stage editor and the SLA settings.
import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { memo, useMemo, useState } from 'react';
import type { BoardFilter } from '../../../../core/api/funnel/calls';
import type { WorkCard } from '../../../../core/api/work/schemas';
import type { CallInput } from '../../../../core/api/contract';
import { GRADES, type FunnelStage, type Grade } from '../../../../core/domain/funnel';
import { useLeadFacets, useRepNames, useWorkspaceStatus } from '../../api/queries';
import { LeadDrawer } from '../leads/LeadDrawer';
import { CardActionsContext, focusCardWhenShown, useDndAccessibility, useMoveMenu } from './card-actions';
import { KanbanColumn } from './KanbanColumn';
import { createCardLabels, LeadCardBody } from './LeadCard';
import { MoveDialog, needsDetails, type PendingMove } from './MoveDialog';
import { SlaPolicyForm } from './SlaPolicyForm';
import { FunnelStagesEditor } from './FunnelStagesEditor';
import { useFunnelStages } from './stage-labels';
import { useLanguage } from '../../ui/use-language';
import { useWorkTranslation } from './work-i18n';
import { useBoard, useMoveLead, useServerNow, useWorkSettings } from './work-queries';

export function FunnelPage() {
  const { t } = useWorkTranslation();
  const status = useWorkspaceStatus();
  const isTeamLead = status.data?.actor.role === 'lead';
  const settings = useWorkSettings();
  const facets = useLeadFacets();
  const repNames = useRepNames();
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text, 250);
  const [owner, setOwner] = useState<string | null>(null);
  const [grades, setGrades] = useState<string[]>([]);
  const [source, setSource] = useState<string | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [openLeadId, setOpenLeadId] = useState<string | null>(null);
  const [dragged, setDragged] = useState<WorkCard | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [isSettingsOpen, setSettingsOpen] = useState(false);
  const [isStagesOpen, setStagesOpen] = useState(false);
  const stages = useFunnelStages();

  const filter = useMemo<BoardFilter>(
    () => ({
      ...(debouncedText.trim() ? { text: debouncedText.trim() } : {}),
      ...(owner ? { owner } : {}),
      ...(grades.length > 0 ? { grades: grades as Grade[] } : {}),
      ...(source ? { source } : {}),
      ...(overdueOnly ? { overdueOnly: true } : {}),
    }),
    [debouncedText, owner, grades, source, overdueOnly],
  );
  const board = useBoard(filter);
  const now = useServerNow(board.data?.now);
  const move = useMoveLead();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );

  const label = stages.label;
  const language = useLanguage();
  const cardLabels = useMemo(() => createCardLabels(t, language), [t, language]);

  function runMove(input: CallInput<'funnel.move'>, card: WorkCard): void {
    move.mutate(input, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('work.funnel.moved', { name: card.name, stage: label(input.stage) }),
        });
        // The keyboard stays with the lead: its card in the new column takes the focus.
        focusCardWhenShown(card.id, input.stage, card.stage);
      },
      onError: (error) =>
        notifications.show({
          color: 'red',
          message: t('work.funnel.moveFailed', { message: error.message }),
        }),
    });
  }

  function onDragStart(event: DragStartEvent): void {
    setDragged((event.active.data.current as { card?: WorkCard } | undefined)?.card ?? null);
  }

  function startMove(card: WorkCard, stage: FunnelStage): void {
    if (needsDetails(stage)) setPending({ card, stage });
    else runMove({ id: card.id, stage }, card);
  }

  function onDragEnd(event: DragEndEvent): void {
    setDragged(null);
    const card = (event.active.data.current as { card?: WorkCard } | undefined)?.card;
    const stage = event.over?.id as FunnelStage | undefined;
    if (!card || !stage || stage === card.stage) return;
    startMove(card, stage);
  }

  const dndAccessibility = useDndAccessibility(label);
  const moveMenu = useMoveMenu(stages.shown, startMove);

  const ownerOptions = useMemo(
    () => [
      { value: 'pool', label: t('work.funnel.pool') },
      ...[...repNames.entries()].map(([value, name]) => ({ value, label: name })),
    ],
    [t, repNames],
  );

  return (
    <Stack gap="md" h="calc(100vh - 56px - 2 * var(--mantine-spacing-lg))">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('work.funnel.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('work.funnel.subtitle')}
          </Text>
        </div>
        {isTeamLead && settings.data && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setStagesOpen(true)} data-testid="edit-stages">
              {t('work.stages.edit')}
            </Button>
            <Button variant="light" onClick={() => setSettingsOpen(true)}>
              {t('work.funnel.slaSettings')}
            </Button>
          </Group>
        )}
      </Group>
      <Group gap="sm" align="flex-end">
        <FunnelFilters
          isTeamLead={isTeamLead}
          text={text}
          onText={setText}
          owner={owner}
          onOwner={setOwner}
          ownerOptions={ownerOptions}
          grades={grades}
          onGrades={setGrades}
          source={source}
          onSource={setSource}
          sources={facets.data?.sources}
          overdueOnly={overdueOnly}
          onOverdueOnly={setOverdueOnly}
        />
        {overdueOnly && board.data && !board.isPlaceholderData && (
          <Badge color="red" variant="light" mb={6} data-testid="funnel-overdue-count">
            {t('work.funnel.overdueCount', {
              count: board.data.columns.reduce((sum, column) => sum + column.total, 0),
            })}
          </Badge>
        )}
        {board.isFetching && <Loader size="xs" />}
      </Group>
      {board.isError && <Alert color="red">{board.error.message}</Alert>}
      {board.isPending ? (
        <Group justify="center" py="xl">
          <Loader />
        </Group>
      ) : (
        board.data && (
          <DndContext
            accessibility={dndAccessibility}
            sensors={sensors}
            onDragStart={onDragStart}
            onDragEnd={onDragEnd}
            onDragCancel={() => setDragged(null)}
          >
            <CardActionsContext.Provider value={moveMenu.actions}>
              {/* At least two cards high: on a short window (200% zoom) the page scrolls rather than the columns
                shrinking below one card. */}
              <Box style={{ flex: 1, minHeight: 300, overflowX: 'auto' }} data-testid="kanban-board">
                <Group gap="sm" align="stretch" wrap="nowrap" h="100%">
                  {board.data.columns.map((column) => (
                    <KanbanColumn
                      key={column.stage}
                      stage={column.stage}
                      label={label(column.stage)}
                      total={column.total}
                      firstCards={column.cards}
                      filter={filter}
                      now={now}
                      labels={cardLabels}
                      onOpen={setOpenLeadId}
                      draggedId={dragged?.id ?? null}
                    />
                  ))}
                </Group>
              </Box>
              {moveMenu.menu}
            </CardActionsContext.Provider>
            <DragOverlay dropAnimation={null}>
              {dragged && (
                <Box
                  p={8}
                  w={250}
                  bg="white"
                  style={{ borderRadius: 8, boxShadow: 'var(--mantine-shadow-md)', cursor: 'grabbing' }}
                >
                  <LeadCardBody card={dragged} now={now} labels={cardLabels} />
                </Box>
              )}
            </DragOverlay>
          </DndContext>
        )
      )}
      <MoveDialog
        key={pending ? `${pending.card.id}-${pending.stage}` : 'none'}
        pending={pending}
        lostReasons={settings.data?.funnel.lostReasons ?? []}
        calendar={settings.data?.sla.calendar ?? settings.data?.slaDefaults.calendar ?? null}
        onCancel={() => {
          // Back to the card the move started from (it did not move).
          if (pending) focusCardWhenShown(pending.card.id, pending.card.stage);
          setPending(null);
        }}
        onConfirm={(input) => {
          if (pending) runMove(input, pending.card);
          setPending(null);
        }}
      />
      <Modal
        opened={isSettingsOpen}
        onClose={() => setSettingsOpen(false)}
        title={t('work.policy.title')}
        size="xl"
      >
        {settings.data && <SlaPolicyForm settings={settings.data} onSaved={() => setSettingsOpen(false)} />}
      </Modal>
      <Modal
        opened={isStagesOpen}
        onClose={() => setStagesOpen(false)}
        title={t('work.stages.title')}
        size="xl"
      >
        {settings.data && (
          <FunnelStagesEditor funnel={settings.data.funnel} onClose={() => setStagesOpen(false)} />
        )}
      </Modal>
      <LeadDrawer leadId={openLeadId} onClose={() => setOpenLeadId(null)} />
    </Stack>
  );
}

const NO_SOURCES: string[] = [];

/** The filter bar, memoized: board data and page state changes must not re-render its Mantine comboboxes. */
const FunnelFilters = memo(function FunnelFilters({
  isTeamLead,
  text,
  onText,
  owner,
  onOwner,
  ownerOptions,
  grades,
  onGrades,
  source,
  onSource,
  sources,
  overdueOnly,
  onOverdueOnly,
}: {
  isTeamLead: boolean;
  text: string;
  onText: (value: string) => void;
  owner: string | null;
  onOwner: (value: string | null) => void;
  ownerOptions: { value: string; label: string }[];
  grades: string[];
  onGrades: (value: string[]) => void;
  source: string | null;
  onSource: (value: string | null) => void;
  sources: string[] | undefined;
  overdueOnly: boolean;
  onOverdueOnly: (value: boolean) => void;
}) {
  const { t } = useWorkTranslation();
  return (
    <>
      <TextInput
        placeholder={t('work.funnel.search')}
        aria-label={t('work.funnel.search')}
        value={text}
        onChange={(e) => onText(e.currentTarget.value)}
        w={220}
      />
      {isTeamLead && (
        <Select
          placeholder={t('work.funnel.allOwners')}
          aria-label={t('work.funnel.owner')}
          data={ownerOptions}
          value={owner}
          onChange={onOwner}
          clearable
          searchable
          w={180}
        />
      )}
      <MultiSelect
        placeholder={t('work.funnel.grade')}
        aria-label={t('work.funnel.grade')}
        data={[...GRADES]}
        value={grades}
        onChange={onGrades}
        clearable
        w={160}
      />
      <Select
        placeholder={t('work.funnel.source')}
        aria-label={t('work.funnel.source')}
        data={sources ?? NO_SOURCES}
        value={source}
        onChange={onSource}
        clearable
        w={160}
      />
      <Switch
        label={t('work.funnel.overdueOnly')}
        checked={overdueOnly}
        onChange={(e) => onOverdueOnly(e.currentTarget.checked)}
        mb={6}
      />
    </>
  );
});

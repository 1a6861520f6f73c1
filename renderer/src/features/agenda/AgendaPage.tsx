// My agenda: the next activities a rep promised, today and this week, overdue first; one key completes the selected
// one (X) or moves it to tomorrow morning (T) or next Monday (M); Enter opens the lead.
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import type { CallOutput } from '../../../../core/api/contract';
import type { QuickPick } from '../../../../core/domain/sla/quick-picks';
import { useClient } from '../../api/client-context';
import { useWorkspaceStatus } from '../../api/queries';
import { formatDateTime } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { formatSpan } from '../funnel/work-format';
import { useWorkTranslation } from '../funnel/work-i18n';
import { useAgenda, useServerNow } from '../funnel/work-queries';
import { ContactActions } from '../leads/ContactActions';
import { LeadDrawer } from '../leads/LeadDrawer';
import { RecycleWarnings } from '../pool/RecycleWarnings';
import { moveSelection, useFocusWhenSelected, WorkListHeader } from '../queue/work-list';

type AgendaItem = CallOutput<'followUps.agenda'>['items'][number];

const SECTION_COLOR = {
  overdue: 'red',
  today: 'indigo',
  week: 'gray',
  later: 'gray',
  undated: 'gray',
} as const;

function AgendaRow({
  item,
  now,
  isSelected,
  busy,
  onSelect,
  onOpen,
  onComplete,
  onMove,
}: {
  item: AgendaItem;
  now: number;
  isSelected: boolean;
  busy: boolean;
  onSelect: () => void;
  onOpen: () => void;
  onComplete: () => void;
  onMove: (pick: QuickPick) => void;
}) {
  const { t } = useWorkTranslation();
  const language = useLanguage();
  const ref = useFocusWhenSelected<HTMLDivElement>(isSelected);
  const isOverdue = item.dueAt !== null && now >= item.dueAt;
  return (
    <Paper
      ref={ref}
      withBorder
      radius="md"
      p="sm"
      tabIndex={isSelected ? 0 : -1}
      role="article"
      aria-current={isSelected ? 'true' : undefined}
      data-selected={isSelected ? 'true' : undefined}
      data-testid="agenda-row"
      data-activity-id={item.id}
      onFocus={onSelect}
      onClick={onSelect}
      onDoubleClick={onOpen}
      style={{
        outline: isSelected ? '2px solid var(--mantine-color-indigo-4)' : undefined,
        borderLeft: isOverdue ? '4px solid var(--mantine-color-red-6)' : undefined,
      }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Badge size="sm" variant="light" tt="none">
              {t(`work.activity.kinds.${item.kind}`)}
            </Badge>
            <Text fw={600} truncate="end">
              {item.title ?? t('work.agenda.untitled')}
            </Text>
          </Group>
          <Text size="sm" truncate="end">
            {[item.leadName, item.company].filter(Boolean).join(' · ')}
          </Text>
          <ContactActions phone={item.phone} email={null} />
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flex: 'none' }}>
          <Text size="xs" c={isOverdue ? 'red' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
            {item.dueAt === null
              ? t('work.activity.noTime')
              : `${formatDateTime(item.dueAt, language)} · ${
                  isOverdue
                    ? t('work.sla.overdue', { time: formatSpan(now - item.dueAt, language) })
                    : t('work.sla.dueIn', { time: formatSpan(item.dueAt - now, language) })
                }`}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-xs"
              onClick={onComplete}
              loading={busy}
              tabIndex={-1}
              data-testid="agenda-complete"
            >
              {t('work.agenda.complete')} (X)
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => onMove('tomorrow_morning')}
              disabled={busy}
              tabIndex={-1}
            >
              {t('work.followUp.quickPicks.tomorrow_morning')} (T)
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => onMove('next_monday')}
              disabled={busy}
              tabIndex={-1}
            >
              {t('work.followUp.quickPicks.next_monday')} (M)
            </Button>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

export function AgendaPage() {
  const { t } = useWorkTranslation();
  const language = useLanguage();
  const client = useClient();
  const queryClient = useQueryClient();
  const status = useWorkspaceStatus();
  const isTeamLead = status.data?.actor.role === 'lead';
  const [repId, setRepId] = useState<string | null>(null);
  const agenda = useAgenda(isTeamLead ? (repId ?? undefined) : undefined);
  const now = useServerNow(agenda.data?.now);
  const [selected, setSelected] = useState(0);
  const [openLeadId, setOpenLeadId] = useState<string | null>(null);
  const items = agenda.data?.items ?? [];
  const current = items[Math.min(selected, Math.max(0, items.length - 1))];
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['leads'] });
  const complete = useMutation({
    mutationFn: (item: AgendaItem) => client.call('followUps.completeActivity', { id: item.id }),
    onSuccess: (_done, item) =>
      notifications.show({ color: 'teal', message: t('work.agenda.completed', { name: item.leadName }) }),
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
    onSettled: refresh,
  });
  const move = useMutation({
    mutationFn: ({ item, pick }: { item: AgendaItem; pick: QuickPick }) =>
      client.call('followUps.rescheduleActivity', { id: item.id, nextPick: pick }),
    onSuccess: (moved) =>
      notifications.show({
        color: 'teal',
        message: t('work.agenda.rescheduled', {
          date: moved.dueAt === null ? '' : formatDateTime(moved.dueAt, language),
        }),
      }),
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
    onSettled: refresh,
  });
  const busyId = complete.isPending ? complete.variables.id : move.isPending ? move.variables.item.id : null;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (openLeadId !== null || event.target instanceof HTMLInputElement || busyId !== null) return;
    if (moveSelection(event, setSelected, items.length)) return;
    const key = event.key.toLowerCase();
    if (key === 'x' && current) {
      event.preventDefault();
      complete.mutate(current);
    } else if (key === 't' && current) {
      event.preventDefault();
      move.mutate({ item: current, pick: 'tomorrow_morning' });
    } else if (key === 'm' && current) {
      event.preventDefault();
      move.mutate({ item: current, pick: 'next_monday' });
    } else if (key === 'enter' && current) {
      event.preventDefault();
      setOpenLeadId(current.leadId);
    }
  }

  return (
    <Stack gap="md">
      <WorkListHeader
        title={t('work.agenda.title')}
        subtitle={t('work.agenda.subtitle')}
        badge={
          agenda.data && (
            <Badge variant="light" data-testid="agenda-count">
              {t('work.agenda.count', { count: items.length })}
            </Badge>
          )
        }
        hint={t('work.agenda.shortcutHint')}
        repPicker={
          isTeamLead
            ? {
                label: t('work.agenda.rep'),
                placeholder: t('work.agenda.allReps'),
                value: repId,
                onChange: setRepId,
              }
            : null
        }
      />
      <RecycleWarnings />
      {agenda.isError && <Alert color="red">{agenda.error.message}</Alert>}
      {agenda.isPending && <Loader />}
      {agenda.data && items.length === 0 && <Text c="dimmed">{t('work.agenda.empty')}</Text>}
      <Stack
        gap={6}
        role="group"
        aria-label={t('work.agenda.title')}
        onKeyDown={onKeyDown}
        data-testid="agenda"
      >
        {items.map((item, i) => {
          const heading = i === 0 || items[i - 1]?.section !== item.section;
          return (
            <Stack key={item.id} gap={6}>
              {heading && (
                <Text
                  size="sm"
                  fw={700}
                  c={SECTION_COLOR[item.section]}
                  mt="xs"
                  data-testid="agenda-section"
                  data-section={item.section}
                >
                  {t('work.agenda.sectionCount', {
                    section: t(`work.agenda.sections.${item.section}`),
                    count: items.filter((other) => other.section === item.section).length,
                  })}
                </Text>
              )}
              <AgendaRow
                item={item}
                now={now}
                isSelected={item.id === current?.id}
                busy={busyId === item.id}
                onSelect={() => setSelected(i)}
                onOpen={() => setOpenLeadId(item.leadId)}
                onComplete={() => complete.mutate(item)}
                onMove={(pick) => move.mutate({ item, pick })}
              />
            </Stack>
          );
        })}
      </Stack>
      <LeadDrawer leadId={openLeadId} onClose={() => setOpenLeadId(null)} />
    </Stack>
  );
}

// My queue: a rep's open leads in the order to work them, with one-key "log follow-up"; the team lead picks a rep.
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import type { WorkCard } from '../../../../core/api/work/schemas';
import { useWorkspaceStatus } from '../../api/queries';
import { GradeBadge } from '../../ui/GradeBadge';
import { useLanguage } from '../../ui/use-language';
import { ContactActions } from '../leads/ContactActions';
import { LeadDrawer } from '../leads/LeadDrawer';
import { StageBadge } from '../leads/StageBadge';
import { SlaCountdown } from '../funnel/SlaCountdown';
import { describeNextStep } from '../funnel/work-format';
import { RecycleWarnings } from '../pool/RecycleWarnings';
import { useWorkTranslation } from '../funnel/work-i18n';
import { useQueue, useServerNow } from '../funnel/work-queries';
import { FollowUpModal, type FollowUpTarget } from './FollowUpForm';
import { moveSelection, useFocusWhenSelected, WorkListHeader } from './work-list';

function QueueRow({
  item,
  now,
  isSelected,
  onSelect,
  onLog,
  onOpen,
}: {
  item: WorkCard;
  now: number;
  isSelected: boolean;
  onSelect: () => void;
  onLog: () => void;
  onOpen: () => void;
}) {
  const { t } = useWorkTranslation();
  const language = useLanguage();
  const ref = useFocusWhenSelected<HTMLDivElement>(isSelected);
  const nextStep = describeNextStep(item, t, language);
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
      data-testid="queue-row"
      data-lead-id={item.id}
      onFocus={onSelect}
      onClick={onSelect}
      onDoubleClick={onOpen}
      style={{
        outline: isSelected ? '2px solid var(--mantine-color-indigo-4)' : undefined,
        borderLeft: item.sla?.isOverdue ? '4px solid var(--mantine-color-red-6)' : undefined,
      }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} truncate="end" data-testid="lead-name">
              {item.name}
            </Text>
            {item.grade && <GradeBadge grade={item.grade} />}
            <StageBadge stage={item.stage} />
          </Group>
          <Text size="xs" c="dimmed" truncate="end">
            {[item.company, item.ownerName].filter(Boolean).join(' · ')}
          </Text>
          <ContactActions phone={item.phone} email={item.email} />
          {nextStep !== null && (
            <Text size="xs" c="indigo" data-testid="queue-next">
              {nextStep}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <SlaCountdown sla={item.sla} now={now} />
          <Button size="xs" onClick={onLog} tabIndex={-1} data-testid="log-follow-up">
            {t('work.queue.log')} (F)
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

export function QueuePage() {
  const { t } = useWorkTranslation();
  const status = useWorkspaceStatus();
  const isTeamLead = status.data?.actor.role === 'lead';
  const [repId, setRepId] = useState<string | null>(null);
  const queue = useQueue(isTeamLead ? (repId ?? 'all') : undefined);
  const now = useServerNow(queue.data?.now);
  const [selected, setSelected] = useState(0);
  const [logging, setLogging] = useState<FollowUpTarget | null>(null);
  const [openLeadId, setOpenLeadId] = useState<string | null>(null);
  const items = queue.data?.items ?? [];
  const current = items[Math.min(selected, Math.max(0, items.length - 1))];

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (logging !== null || openLeadId !== null || event.target instanceof HTMLInputElement) return;
    if (moveSelection(event, setSelected, items.length)) return;
    if ((event.key === 'f' || event.key === 'F' || event.key === 'l') && current) {
      event.preventDefault();
      setLogging({ id: current.id, name: current.name });
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      setOpenLeadId(current.id);
    }
  }

  return (
    <Stack gap="md">
      <WorkListHeader
        title={t('work.queue.title')}
        subtitle={t('work.queue.subtitle')}
        badge={
          queue.data && (
            <Group gap="xs">
              <Badge variant="light">{t('work.queue.total', { count: queue.data.total })}</Badge>
              <Badge
                variant="light"
                color={queue.data.overdue > 0 ? 'red' : 'gray'}
                data-testid="queue-overdue"
              >
                {t('work.queue.overdueCount', { count: queue.data.overdue })}
              </Badge>
            </Group>
          )
        }
        hint={t('work.queue.shortcutHint')}
        repPicker={
          isTeamLead
            ? {
                label: t('work.queue.rep'),
                placeholder: t('work.queue.allReps'),
                value: repId,
                onChange: setRepId,
              }
            : null
        }
      />
      <RecycleWarnings />
      {queue.isError && <Alert color="red">{queue.error.message}</Alert>}
      {queue.isPending && <Loader />}
      {queue.data && items.length === 0 && <Text c="dimmed">{t('work.queue.empty')}</Text>}
      <Stack
        gap={6}
        role="group"
        aria-label={t('work.queue.title')}
        onKeyDown={onKeyDown}
        data-testid="queue"
      >
        {items.map((item, i) => (
          <QueueRow
            key={item.id}
            item={item}
            now={now}
            isSelected={item.id === current?.id}
            onSelect={() => setSelected(i)}
            onLog={() => setLogging({ id: item.id, name: item.name })}
            onOpen={() => setOpenLeadId(item.id)}
          />
        ))}
      </Stack>
      <FollowUpModal lead={logging} onClose={() => setLogging(null)} />
      <LeadDrawer leadId={openLeadId} onClose={() => setOpenLeadId(null)} />
    </Stack>
  );
}

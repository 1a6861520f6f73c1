// Log a follow-up fast, keyboard only: the text has focus, Alt+1…5 picks the channel, Enter saves.
import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type KeyboardEvent } from 'react';
import { FOLLOW_UP_CHANNELS, type FollowUpChannel } from '../../../../core/domain/follow-up';
import { useWorkTranslation } from '../funnel/work-i18n';
import { useLogFollowUp } from '../funnel/work-queries';

export interface FollowUpTarget {
  readonly id: string;
  readonly name: string;
}

function FollowUpFields({ lead, onDone }: { lead: FollowUpTarget; onDone: (saved: boolean) => void }) {
  const { t } = useWorkTranslation();
  const log = useLogFollowUp();
  const [channel, setChannel] = useState<FollowUpChannel>('call');
  const [said, setSaid] = useState('');
  const [reaction, setReaction] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [nextAt, setNextAt] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(): void {
    if (!said.trim() || log.isPending) {
      setError(t('work.followUp.said'));
      return;
    }
    const next = nextAt ? new Date(nextAt).getTime() : null;
    log.mutate(
      {
        leadId: lead.id,
        channel,
        said,
        reaction: reaction || null,
        nextStep: nextStep || null,
        nextAt: next !== null && Number.isFinite(next) ? next : null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('work.followUp.saved') });
          onDone(true);
        },
        onError: (e) => setError(e.message),
      },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.altKey && /^[1-5]$/.test(event.key)) {
      event.preventDefault();
      setChannel(FOLLOW_UP_CHANNELS[Number(event.key) - 1] ?? 'call');
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      // Chinese input methods confirm a word with Enter: only a finished composition submits.
      event.preventDefault();
      submit();
    }
  }

  return (
    <Stack gap="sm" onKeyDown={onKeyDown} data-testid="follow-up-form">
      <SegmentedControl
        aria-label={t('work.followUp.channel')}
        value={channel}
        onChange={(value) => setChannel(value as FollowUpChannel)}
        data={FOLLOW_UP_CHANNELS.map((value, i) => ({
          value,
          label: `${t(`work.followUp.channels.${value}`)} ${i + 1}`,
        }))}
      />
      <Textarea
        label={t('work.followUp.said')}
        placeholder={t('work.followUp.saidPlaceholder')}
        value={said}
        onChange={(e) => setSaid(e.currentTarget.value)}
        autosize
        minRows={2}
        data-autofocus
        error={error}
        name="said"
      />
      <TextInput
        label={t('work.followUp.reaction')}
        value={reaction}
        onChange={(e) => setReaction(e.currentTarget.value)}
        name="reaction"
      />
      <Group grow>
        <TextInput
          label={t('work.followUp.nextStep')}
          value={nextStep}
          onChange={(e) => setNextStep(e.currentTarget.value)}
          name="nextStep"
        />
        <TextInput
          type="datetime-local"
          label={t('work.followUp.nextAt')}
          value={nextAt}
          onChange={(e) => setNextAt(e.currentTarget.value)}
          name="nextAt"
        />
      </Group>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('work.followUp.hint')}
        </Text>
        <Button onClick={submit} loading={log.isPending}>
          {t('work.followUp.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function FollowUpModal({
  lead,
  onClose,
}: {
  lead: FollowUpTarget | null;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useWorkTranslation();
  return (
    <Modal
      opened={lead !== null}
      onClose={() => onClose(false)}
      title={lead ? t('work.followUp.title', { name: lead.name }) : ''}
      size="lg"
      returnFocus
    >
      {lead && <FollowUpFields key={lead.id} lead={lead} onDone={onClose} />}
    </Modal>
  );
}

// Log a follow-up fast, keyboard only: the text has focus, Alt+1…5 picks the channel, Alt+7/8/9 a quick pick for
// the next activity (in 2 hours, tomorrow morning, next Monday), Alt+0 "no next step", Enter saves.
import {
  Button,
  Checkbox,
  Chip,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { FOLLOW_UP_CHANNELS, type FollowUpChannel } from '../../../../core/domain/follow-up';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../../core/domain/sla/agenda';
import { QUICK_PICKS, type QuickPick } from '../../../../core/domain/sla/quick-picks';
import { useWorkTranslation } from '../funnel/work-i18n';
import { useLogFollowUp } from '../funnel/work-queries';

/**
 * A time field's digits stay selected when clicked, so typing "14" reads 14, not "10" then "04": without this the
 * mouse-up after Mantine's select-on-focus leaves the caret between the two zeros.
 */
const SELECT_ON_CLICK = {
  onMouseUp: (event: MouseEvent<HTMLInputElement>) => {
    event.preventDefault();
    event.currentTarget.select();
  },
};

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
  /** The picked local date and time, "YYYY-MM-DD HH:mm:ss" (DateTimePicker's value); '' for none. */
  const [nextAt, setNextAt] = useState('');
  const [nextKind, setNextKind] = useState<ActivityKind>('call');
  const [pick, setPick] = useState<QuickPick | null>(null);
  const [noNext, setNoNext] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function submit(): void {
    if (!said.trim() || log.isPending) {
      setError(t('work.followUp.said'));
      return;
    }
    const next = nextAt ? new Date(nextAt.replace(' ', 'T')).getTime() : null;
    const at = next !== null && Number.isFinite(next) ? next : null;
    const schedules = !noNext && (nextStep.trim() !== '' || at !== null || pick !== null);
    log.mutate(
      {
        leadId: lead.id,
        channel,
        said,
        reaction: reaction || null,
        ...(noNext ? { noNextStep: true } : {}),
        ...(schedules
          ? {
              nextStep: nextStep || null,
              nextKind,
              ...(pick !== null ? { nextPick: pick } : { nextAt: at }),
            }
          : {}),
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

  function choosePick(value: QuickPick | null): void {
    setPick(value);
    if (value !== null) {
      setNextAt('');
      setNoNext(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.altKey && /^[1-5]$/.test(event.key)) {
      event.preventDefault();
      setChannel(FOLLOW_UP_CHANNELS[Number(event.key) - 1] ?? 'call');
      return;
    }
    if (event.altKey && /^[7-9]$/.test(event.key)) {
      event.preventDefault();
      choosePick(QUICK_PICKS[Number(event.key) - 7] ?? null);
      return;
    }
    if (event.altKey && event.key === '0') {
      event.preventDefault();
      setNoNext((value) => !value);
      return;
    }
    if (
      event.key === 'Enter' &&
      !event.shiftKey &&
      !event.nativeEvent.isComposing &&
      event.currentTarget.contains(event.target as Node)
    ) {
      // Chinese input methods confirm a word with Enter: only a finished composition submits. An Enter in the date
      // picker's dropdown (a portal: React bubbles it here, the DOM does not hold it) picks a day, not the form.
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
      <Checkbox
        label={`${t('work.followUp.noNextStep')} (Alt+0)`}
        description={noNext ? t('work.followUp.noNextStepHint') : t('work.followUp.keepNext')}
        checked={noNext}
        onChange={(e) => setNoNext(e.currentTarget.checked)}
        data-testid="no-next-step"
      />
      {!noNext && (
        <Stack gap="xs">
          <SegmentedControl
            aria-label={t('work.followUp.nextKind')}
            size="xs"
            value={nextKind}
            onChange={(value) => setNextKind(value as ActivityKind)}
            data={ACTIVITY_KINDS.map((value) => ({ value, label: t(`work.activity.kinds.${value}`) }))}
          />
          <Group grow align="flex-end">
            <TextInput
              label={t('work.followUp.nextStep')}
              value={nextStep}
              onChange={(e) => setNextStep(e.currentTarget.value)}
              name="nextStep"
            />
            <DateTimePicker
              label={t('work.followUp.nextAt')}
              placeholder={t('work.followUp.nextAtPlaceholder')}
              // Mantine's placeholder grey reads at 2:1; the dimmed grey at 5.3:1 (WCAG AA).
              styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
              valueFormat="YYYY-MM-DD HH:mm"
              clearable
              value={nextAt || null}
              onChange={(value) => {
                setNextAt(value ?? '');
                setPick(null);
              }}
              name="nextAt"
              data-testid="next-at"
              timePickerProps={{
                hoursInputLabel: t('work.followUp.hours'),
                minutesInputLabel: t('work.followUp.minutes'),
                hoursInputProps: SELECT_ON_CLICK,
                minutesInputProps: SELECT_ON_CLICK,
              }}
            />
          </Group>
          <Chip.Group
            multiple={false}
            value={pick ?? ''}
            onChange={(value) => choosePick(value ? (value as QuickPick) : null)}
          >
            <Group gap="xs">
              {QUICK_PICKS.map((value, i) => (
                <Chip key={value} value={value} size="xs" data-testid={`pick-${value}`}>
                  {t(`work.followUp.quickPicks.${value}`)} (Alt+{i + 7})
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
      )}
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

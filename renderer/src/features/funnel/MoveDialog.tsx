// Asks what a move needs: the amount for Won, a reason for Lost, a wake-up date for Nurture.
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import type { WorkCard } from '../../../../core/api/work/schemas';
import type { CallInput } from '../../../../core/api/contract';
import type { FunnelStage } from '../../../../core/domain/funnel';
import { openingOnOrAfter, type WorkingCalendar } from '../../../../core/domain/sla/working-calendar';
import { useWorkTranslation } from './work-i18n';

export type PendingMove = { card: WorkCard; stage: FunnelStage };

/** Stages that cannot be entered without more information. */
export function needsDetails(stage: FunnelStage): boolean {
  return stage === 'won' || stage === 'lost' || stage === 'nurture';
}

const DAY_MS = 86_400_000;

/**
 * The nurture wake-up offered first: 30 days from the team's today, moved on to the first working day of the
 * team's calendar (a weekend or holiday would wake the lead when nobody works). Without a calendar, the browser's day.
 */
export function defaultWakeOn(now: number, calendar: WorkingCalendar | null): string {
  const offsetMinutes = calendar?.utcOffsetMinutes ?? -new Date(now).getTimezoneOffset();
  const offsetMs = offsetMinutes * 60_000;
  const day = Math.floor((now + offsetMs) / DAY_MS) + 30;
  const opens = openingOnOrAfter(day, calendar, { utcOffsetMinutes: offsetMinutes, minute: 0 });
  const chosen = Number.isFinite(opens) ? Math.floor((opens + offsetMs) / DAY_MS) : day;
  return new Date(chosen * DAY_MS).toISOString().slice(0, 10);
}

export function MoveDialog({
  pending,
  lostReasons,
  calendar,
  onCancel,
  onConfirm,
}: {
  pending: PendingMove | null;
  lostReasons: readonly string[];
  /** The team's working calendar: the wake-up offered falls on a working day. */
  calendar: WorkingCalendar | null;
  onCancel: () => void;
  onConfirm: (input: CallInput<'funnel.move'>) => void;
}) {
  const { t } = useWorkTranslation();
  const [amount, setAmount] = useState<number | string>('');
  const [reason, setReason] = useState<string | null>(null);
  const [wakeOn, setWakeOn] = useState(() => defaultWakeOn(Date.now(), calendar));
  const [note, setNote] = useState('');
  if (pending === null) return null;
  const { card, stage } = pending;
  const title =
    stage === 'won'
      ? t('work.move.wonTitle', { name: card.name })
      : stage === 'lost'
        ? t('work.move.lostTitle', { name: card.name })
        : t('work.move.nurtureTitle', { name: card.name });
  const isReady =
    (stage === 'won' && typeof amount === 'number' && amount >= 0) ||
    (stage === 'lost' && reason !== null) ||
    (stage === 'nurture' && /^\d{4}-\d{2}-\d{2}$/.test(wakeOn));
  function submit(): void {
    if (!isReady) return;
    onConfirm({
      id: card.id,
      stage,
      ...(stage === 'won' ? { wonAmountYuan: Number(amount) } : {}),
      ...(stage === 'lost' ? { lostReason: reason } : {}),
      ...(stage === 'nurture' ? { wakeOn } : {}),
      note: note || null,
    });
  }
  return (
    <Modal opened onClose={onCancel} title={title} centered returnFocus={false}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {stage === 'won' && (
            <NumberInput
              label={t('work.move.amount')}
              value={amount}
              onChange={setAmount}
              min={0}
              decimalScale={2}
              thousandSeparator=","
              data-autofocus
              required
            />
          )}
          {stage === 'lost' && (
            <Select
              label={t('work.move.lostReason')}
              data={[...lostReasons]}
              value={reason}
              onChange={setReason}
              data-autofocus
              required
            />
          )}
          {stage === 'nurture' && (
            <DatePickerInput
              label={t('work.move.wakeOn')}
              valueFormat="YYYY-MM-DD"
              value={wakeOn || null}
              onChange={(value) => setWakeOn(value ?? '')}
              data-autofocus
              data-testid="wake-on"
              required
            />
          )}
          <TextInput
            label={t('work.move.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('work.move.cancel')}
            </Button>
            <Button type="submit" disabled={!isReady}>
              {t('work.move.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

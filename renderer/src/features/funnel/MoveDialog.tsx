// Asks what a move needs: the amount for Won, a reason for Lost, a wake-up date for Nurture.
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import type { WorkCard } from '../../../../core/api/work/schemas';
import type { CallInput } from '../../../../core/api/contract';
import type { FunnelStage } from '../../../../core/domain/funnel';
import { useWorkTranslation } from './work-i18n';

export type PendingMove = { card: WorkCard; stage: FunnelStage };

/** Stages that cannot be entered without more information. */
export function needsDetails(stage: FunnelStage): boolean {
  return stage === 'won' || stage === 'lost' || stage === 'nurture';
}

function inThirtyDays(): string {
  const date = new Date(Date.now() + 30 * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function MoveDialog({
  pending,
  lostReasons,
  onCancel,
  onConfirm,
}: {
  pending: PendingMove | null;
  lostReasons: readonly string[];
  onCancel: () => void;
  onConfirm: (input: CallInput<'funnel.move'>) => void;
}) {
  const { t } = useWorkTranslation();
  const [amount, setAmount] = useState<number | string>('');
  const [reason, setReason] = useState<string | null>(null);
  const [wakeOn, setWakeOn] = useState(inThirtyDays);
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

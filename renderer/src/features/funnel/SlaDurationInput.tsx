// One SLA clock typed as a number and a unit (working hours or working days; minutes only for the sub-hour clocks),
// stored as business minutes as the policy keeps them.
import { Group, NumberInput, Select } from '@mantine/core';
import { useState } from 'react';
import { useWorkTranslation } from './work-i18n';

export type DurationUnit = 'minute' | 'hour' | 'day';

/** Minutes per unit; a working day is the calendar's working hours (9:00–18:00 is 540 minutes). */
export function unitMinutes(unit: DurationUnit, dayMinutes: number): number {
  if (unit === 'day') return dayMinutes;
  return unit === 'hour' ? 60 : 1;
}

/** The largest unit that shows `minutes` as a whole number: 1080 on a 540-minute day is 2 days, 90 is 90 minutes. */
export function pickUnit(minutes: number, dayMinutes: number): DurationUnit {
  if (minutes > 0 && dayMinutes > 0 && minutes % dayMinutes === 0) return 'day';
  if (minutes >= 60 && minutes % 30 === 0) return 'hour';
  return minutes > 0 && minutes < 60 ? 'minute' : 'hour';
}

/** Business minutes from what was typed: whole minutes, never negative. */
export function toMinutes(value: number, unit: DurationUnit, dayMinutes: number): number {
  return Math.max(0, Math.round(value * unitMinutes(unit, dayMinutes)));
}

export function SlaDurationInput({
  minutes,
  dayMinutes,
  isOptional,
  label,
  onChange,
}: {
  minutes: number | null;
  dayMinutes: number;
  /** Empty means "off" (no clock); otherwise empty is 0. */
  isOptional: boolean;
  label: string;
  onChange: (minutes: number | null) => void;
}) {
  const { t } = useWorkTranslation();
  const [unit, setUnit] = useState<DurationUnit>(() => pickUnit(minutes ?? 0, dayMinutes));
  const shown = minutes === null ? '' : Math.round((minutes / unitMinutes(unit, dayMinutes)) * 100) / 100;
  return (
    <Group gap={4} wrap="nowrap">
      <NumberInput
        size="xs"
        w={72}
        min={0}
        decimalScale={2}
        value={shown}
        placeholder={isOptional ? t('work.policy.offShort') : '0'}
        onChange={(value) => {
          if (value === '' || typeof value !== 'number') onChange(isOptional ? null : 0);
          else onChange(toMinutes(value, unit, dayMinutes));
        }}
        aria-label={label}
      />
      <Select
        size="xs"
        w={84}
        allowDeselect={false}
        value={unit}
        onChange={(next) => {
          if (next === 'minute' || next === 'hour' || next === 'day') setUnit(next);
        }}
        data={(['minute', 'hour', 'day'] as const).map((value) => ({
          value,
          label: t(`work.policy.units.${value}`),
        }))}
        aria-label={t('work.policy.unitOf', { what: label })}
      />
    </Group>
  );
}

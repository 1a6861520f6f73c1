// The team lead's settings for working leads: SLA clocks per grade in working hours or days, working hours and
// holidays, where recycled leads go, and when a lead counts as stale. (Lost reasons, pool claims and 撞单 protection
// have their own sections in Settings.)
import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FunnelSettings } from '../../../../core/api/funnel/schemas';
import type { WorkSettings } from '../../../../core/api/work/calls';
import type { SlaClockRule, SlaGradeKey, SlaPolicy } from '../../../../core/domain/sla/sla-policy';
import { SLA_GRADE_KEYS } from '../../../../core/domain/sla/sla-policy';
import { useClient } from '../../api/client-context';
import { SlaDurationInput } from './SlaDurationInput';
import { useWorkTranslation } from './work-i18n';
import { workKeys } from './work-queries';

const RULE_FIELDS = [
  'firstContactMinutes',
  'escalateAfterMinutes',
  'recycleAfterMinutes',
  'followUpMinutes',
] as const;
const FIELD_LABELS: Record<(typeof RULE_FIELDS)[number], string> = {
  firstContactMinutes: 'work.policy.firstContact',
  escalateAfterMinutes: 'work.policy.escalate',
  recycleAfterMinutes: 'work.policy.recycle',
  followUpMinutes: 'work.policy.followUp',
};

function toClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function fromClock(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function lines(text: string): string[] {
  return text
    .split(/\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function SlaPolicyForm({ settings, onSaved }: { settings: WorkSettings; onSaved: () => void }) {
  const { t } = useWorkTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [grades, setGrades] = useState<Record<SlaGradeKey, SlaClockRule>>({ ...settings.sla.grades });
  const [target, setTarget] = useState(settings.sla.recycleTarget);
  const calendar = settings.sla.calendar ?? settings.slaDefaults.calendar;
  const firstHours = calendar?.weekdays.find((d) => d !== null) ?? { startMinute: 540, endMinute: 1080 };
  const [start, setStart] = useState(toClock(firstHours.startMinute));
  const [end, setEnd] = useState(toClock(firstHours.endMinute));
  const [days, setDays] = useState<boolean[]>(calendar?.weekdays.map((d) => d !== null) ?? []);
  const [holidays, setHolidays] = useState((calendar?.holidays ?? []).join('\n'));
  const [makeUp, setMakeUp] = useState((calendar?.makeUpDays ?? []).join('\n'));
  const [staleDays, setStaleDays] = useState(settings.funnel.staleDays);
  const dayMinutes = Math.max(60, (fromClock(end) ?? 1080) - (fromClock(start) ?? 540));

  const save = useMutation({
    mutationFn: async () => {
      const startMinute = fromClock(start) ?? 540;
      const endMinute = fromClock(end) ?? 1080;
      const policy: SlaPolicy = {
        grades,
        recycleTarget: target,
        calendar: {
          utcOffsetMinutes: calendar?.utcOffsetMinutes ?? 480,
          weekdays: days.map((isOn) => (isOn ? { startMinute, endMinute } : null)),
          holidays: lines(holidays),
          makeUpDays: lines(makeUp),
        },
      };
      await client.call('sla.savePolicy', { policy });
      // Stages, lost reasons and claim rules are edited elsewhere: send them as they are now, not as they were
      // when this form opened.
      const current: FunnelSettings = (await client.call('work.settings', {})).funnel;
      await client.call('funnel.saveSettings', { ...current, staleDays });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workKeys.settings });
      notifications.show({ color: 'teal', message: t('work.policy.saved') });
      onSaved();
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  const setRule = (grade: SlaGradeKey, field: (typeof RULE_FIELDS)[number], minutes: number | null) => {
    setGrades((prev) => ({
      ...prev,
      [grade]: { ...prev[grade], [field]: field === 'firstContactMinutes' ? (minutes ?? 0) : minutes },
    }));
  };
  const weekdayNames = t('work.policy.weekdays', { returnObjects: true }) as string[];

  return (
    <Stack>
      <Text size="sm" c="dimmed" data-testid="sla-clocks-hint">
        {t('work.policy.clocksHint')}
      </Text>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('work.policy.grade')}</Table.Th>
            {RULE_FIELDS.map((field) => (
              <Table.Th key={field}>{t(FIELD_LABELS[field])}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SLA_GRADE_KEYS.map((grade) => (
            <Table.Tr key={grade}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {grade === 'ungraded' ? t('work.policy.ungraded') : grade}
              </Table.Td>
              {RULE_FIELDS.map((field) => (
                <Table.Td key={field}>
                  <SlaDurationInput
                    minutes={grades[grade][field]}
                    dayMinutes={dayMinutes}
                    isOptional={field !== 'firstContactMinutes'}
                    onChange={(minutes) => setRule(grade, field, minutes)}
                    label={`${grade === 'ungraded' ? t('work.policy.ungraded') : grade} ${t(FIELD_LABELS[field])}`}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" data-testid="sla-business-hours">
        {t('work.policy.businessTime', { start, end, hours: Math.round((dayMinutes / 60) * 10) / 10 })}
      </Text>
      <Group>
        <Text size="sm">{t('work.policy.recycleTarget')}</Text>
        <SegmentedControl
          value={target}
          onChange={(value) => setTarget(value === 'redistribute' ? 'redistribute' : 'pool')}
          data={[
            { value: 'pool', label: t('work.policy.toPool') },
            { value: 'redistribute', label: t('work.policy.redistribute') },
          ]}
        />
      </Group>
      <Group align="flex-end">
        <TextInput
          w={110}
          label={t('work.policy.workStart')}
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
        />
        <TextInput
          w={110}
          label={t('work.policy.workEnd')}
          value={end}
          onChange={(e) => setEnd(e.currentTarget.value)}
        />
        <Stack gap={4}>
          <Text size="sm">{t('work.policy.workdays')}</Text>
          <Group gap="xs">
            {days.map((isOn, i) => (
              <Checkbox
                key={i}
                label={weekdayNames[i] ?? String(i)}
                checked={isOn}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setDays((prev) => prev.map((d, j) => (j === i ? checked : d)));
                }}
              />
            ))}
          </Group>
        </Stack>
      </Group>
      <Group grow align="flex-start">
        <Textarea
          label={t('work.policy.holidays')}
          autosize
          minRows={3}
          value={holidays}
          onChange={(e) => setHolidays(e.currentTarget.value)}
        />
        <Textarea
          label={t('work.policy.makeUpDays')}
          autosize
          minRows={3}
          value={makeUp}
          onChange={(e) => setMakeUp(e.currentTarget.value)}
        />
      </Group>
      <Group>
        <NumberInput
          w={220}
          label={t('work.policy.staleDays')}
          min={1}
          max={365}
          allowDecimal={false}
          value={staleDays}
          onChange={(v) => setStaleDays(Number(v) || 1)}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('work.policy.elsewhere')}
      </Text>
      <Group justify="space-between">
        <Button
          variant="subtle"
          onClick={() => {
            setGrades({ ...settings.slaDefaults.grades });
            setTarget(settings.slaDefaults.recycleTarget);
          }}
        >
          {t('work.policy.reset')}
        </Button>
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          {t('work.policy.save')}
        </Button>
      </Group>
    </Stack>
  );
}

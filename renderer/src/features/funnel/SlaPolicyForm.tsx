// The team lead's settings for working leads: SLA clocks per grade, working hours and holidays, pool rules.
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
  const [funnel, setFunnel] = useState<FunnelSettings>(settings.funnel);
  const [reasons, setReasons] = useState(settings.funnel.lostReasons.join('\n'));

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
      // The stages are the stage editor's: send the ones the page has now, not those of when this form opened.
      await client.call('funnel.saveSettings', {
        ...funnel,
        stages: settings.funnel.stages,
        lostReasons: reasons
          .split('\n')
          .map((r) => r.trim())
          .filter(Boolean),
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workKeys.settings });
      notifications.show({ color: 'teal', message: t('work.policy.saved') });
      onSaved();
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  const setRule = (grade: SlaGradeKey, field: (typeof RULE_FIELDS)[number], value: number | string) => {
    const minutes = typeof value === 'number' ? value : null;
    setGrades((prev) => ({
      ...prev,
      [grade]: { ...prev[grade], [field]: field === 'firstContactMinutes' ? (minutes ?? 0) : minutes },
    }));
  };
  const weekdayNames = t('work.policy.weekdays', { returnObjects: true }) as string[];

  return (
    <Stack>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('work.policy.grade')}</Table.Th>
            {RULE_FIELDS.map((field) => (
              <Table.Th key={field}>{t(FIELD_LABELS[field])}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SLA_GRADE_KEYS.map((grade) => (
            <Table.Tr key={grade}>
              <Table.Td>{grade === 'ungraded' ? t('work.policy.ungraded') : grade}</Table.Td>
              {RULE_FIELDS.map((field) => (
                <Table.Td key={field}>
                  <NumberInput
                    size="xs"
                    min={0}
                    allowDecimal={false}
                    value={grades[grade][field] ?? ''}
                    onChange={(value) => setRule(grade, field, value)}
                    aria-label={`${grade} ${t(FIELD_LABELS[field])}`}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('work.policy.off')}
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
        <Textarea
          label={t('work.policy.lostReasons')}
          autosize
          minRows={3}
          value={reasons}
          onChange={(e) => setReasons(e.currentTarget.value)}
        />
      </Group>
      <Group grow>
        <NumberInput
          label={t('work.policy.claimDailyLimit')}
          min={0}
          value={funnel.claimDailyLimit}
          onChange={(v) => setFunnel((f) => ({ ...f, claimDailyLimit: Number(v) || 0 }))}
        />
        <NumberInput
          label={t('work.policy.claimCooldownDays')}
          min={0}
          value={funnel.claimCooldownDays}
          onChange={(v) => setFunnel((f) => ({ ...f, claimCooldownDays: Number(v) || 0 }))}
        />
        <NumberInput
          label={t('work.policy.staleDays')}
          min={1}
          value={funnel.staleDays}
          onChange={(v) => setFunnel((f) => ({ ...f, staleDays: Number(v) || 1 }))}
        />
      </Group>
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

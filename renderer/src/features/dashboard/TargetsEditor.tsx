// The team lead's targets for the KPI row: response time per grade (business minutes), conversion, loss rate,
// satisfaction, and when balance is judged; stored in settings (dashboard.saveTargets), read by every figure.
import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CallOutput } from '../../../../core/api/contract';
import { SLA_GRADE_KEYS } from '../../../../core/domain/sla/sla-policy';
import { useClient } from '../../api/client-context';
import { useDashboardTranslation } from './bundle';

type Targets = CallOutput<'dashboard.targets'>;

const percent = (share: number) => Math.round(share * 1000) / 10;

function TargetsForm({ initial, onDone }: { initial: Targets; onDone: () => void }) {
  const { t } = useDashboardTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [targets, setTargets] = useState<Targets>(initial);
  const save = useMutation({
    mutationFn: () => client.call('dashboard.saveTargets', { targets }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['leads', 'dashboard'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard-targets'] });
      notifications.show({ color: 'teal', message: t('dashboard.targetsEditor.saved') });
      onDone();
    },
    onError: (error: Error) =>
      notifications.show({
        color: 'red',
        message: t('dashboard.targetsEditor.failed', { message: error.message }),
      }),
  });
  const num = (value: string | number, fallback: number) => (typeof value === 'number' ? value : fallback);
  return (
    <Stack gap="md" data-testid="targets-form">
      <div>
        <Title order={4}>{t('dashboard.targetsEditor.response')}</Title>
        <Text size="xs" c="dimmed">
          {t('dashboard.targetsEditor.responseHint')}
        </Text>
      </div>
      <SimpleGrid cols={5} spacing="xs">
        {SLA_GRADE_KEYS.map((grade) => (
          <NumberInput
            key={grade}
            label={grade === 'ungraded' ? t('dashboard.balance.groups.ungraded') : grade}
            aria-label={t('dashboard.targetsEditor.responseFor', { grade })}
            min={0}
            max={100_000}
            allowDecimal={false}
            value={targets.responseMinutes[grade]}
            onChange={(value) =>
              setTargets({
                ...targets,
                responseMinutes: {
                  ...targets.responseMinutes,
                  [grade]: num(value, targets.responseMinutes[grade]),
                },
              })
            }
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={3} spacing="xs">
        <NumberInput
          label={t('dashboard.targetsEditor.conversion')}
          suffix="%"
          min={0}
          max={100}
          decimalScale={1}
          value={percent(targets.conversion)}
          onChange={(value) =>
            setTargets({ ...targets, conversion: num(value, percent(targets.conversion)) / 100 })
          }
        />
        <NumberInput
          label={t('dashboard.targetsEditor.lossRate')}
          suffix="%"
          min={0}
          max={100}
          decimalScale={1}
          value={percent(targets.lossRate)}
          onChange={(value) =>
            setTargets({ ...targets, lossRate: num(value, percent(targets.lossRate)) / 100 })
          }
        />
        <NumberInput
          label={t('dashboard.targetsEditor.satisfaction')}
          min={1}
          max={5}
          step={0.1}
          decimalScale={1}
          value={targets.satisfaction}
          onChange={(value) => setTargets({ ...targets, satisfaction: num(value, targets.satisfaction) })}
        />
      </SimpleGrid>
      <SimpleGrid cols={3} spacing="xs">
        <NumberInput
          label={t('dashboard.targetsEditor.minSample')}
          description={t('dashboard.targetsEditor.minSampleHint')}
          min={1}
          max={100_000}
          allowDecimal={false}
          value={targets.balance.minSample}
          onChange={(value) =>
            setTargets({
              ...targets,
              balance: { ...targets.balance, minSample: num(value, targets.balance.minSample) },
            })
          }
        />
        <NumberInput
          label={t('dashboard.targetsEditor.giniAlarm')}
          description={t('dashboard.targetsEditor.giniAlarmHint')}
          min={0}
          max={1}
          step={0.05}
          decimalScale={2}
          value={targets.balance.giniAlarm}
          onChange={(value) =>
            setTargets({
              ...targets,
              balance: { ...targets.balance, giniAlarm: num(value, targets.balance.giniAlarm) },
            })
          }
        />
        <NumberInput
          label={t('dashboard.targetsEditor.newRepFloor')}
          description={t('dashboard.targetsEditor.newRepFloorHint')}
          suffix="%"
          min={0}
          max={100}
          decimalScale={0}
          value={percent(targets.balance.newRepFloorFraction)}
          onChange={(value) =>
            setTargets({
              ...targets,
              balance: {
                ...targets.balance,
                newRepFloorFraction: num(value, percent(targets.balance.newRepFloorFraction)) / 100,
              },
            })
          }
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('dashboard.targetsEditor.cancel')}
        </Button>
        <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="targets-save">
          {t('dashboard.targetsEditor.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A button opening the targets editor (team lead only: the Dashboard's own page). */
export function TargetsButton() {
  const { t } = useDashboardTranslation();
  const client = useClient();
  const [isOpen, setOpen] = useState(false);
  const targets = useQuery({
    queryKey: ['dashboard-targets'],
    queryFn: () => client.call('dashboard.targets', {}),
    enabled: isOpen,
  });
  return (
    <>
      <Button
        variant="default"
        size="xs"
        className="fl-print-hide"
        onClick={() => setOpen(true)}
        data-testid="dashboard-targets"
      >
        {t('dashboard.targetsEditor.button')}
      </Button>
      <Modal
        opened={isOpen}
        onClose={() => setOpen(false)}
        title={t('dashboard.targetsEditor.title')}
        size="lg"
      >
        {targets.data !== undefined && <TargetsForm initial={targets.data} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

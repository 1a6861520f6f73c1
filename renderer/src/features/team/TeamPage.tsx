// The Team page: every rep (inactive ones greyed) with tier, skills, territory, weight, caps, availability and the
// win rate distribution has learned for them.
import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOnLeave, type Rep } from '../../../../core/domain/rep';
import { useClient } from '../../api/client-context';
import { useReps } from '../../api/queries';
import { queryKeys } from '../../api/query-keys';
import { formatNumber, todayIsoDate } from '../../ui/format';
import { IconPlus } from '../../ui/icons';
import { useLanguage } from '../../ui/use-language';
import { formatPhone } from '../funnel/work-format';
import { DeactivateRepDialog } from '../pool/DeactivateRepDialog';
import { RepFitCell, RepFitHeader, useRepFit } from './RepFitCell';
import { RepForm } from './RepForm';
import { GamingFlags } from '../rules/GamingFlags';

const TIER_COLORS = { senior: 'violet', mid: 'indigo', junior: 'teal' } as const;

/**
 * A status badge that keeps its whole word: a badge's label may shrink to nothing in a table cell, so English words
 * longer than their Chinese ("Junior", "Out of office") were cut to "Ju…" and "OUT OF…" at 1280×720.
 */
const WHOLE_LABEL = { label: { overflow: 'visible' } } as const;

function Tags({ values }: { values: readonly string[] }) {
  const { t } = useTranslation();
  if (values.length === 0) return <Text c="dimmed">{t('common.none')}</Text>;
  return (
    <Group gap={4}>
      {values.map((value) => (
        <Badge key={value} variant="default" size="sm" radius="sm" tt="none" fw={500}>
          {value}
        </Badge>
      ))}
    </Group>
  );
}

function Availability({ rep, today }: { rep: Rep; today: string }) {
  const { t } = useTranslation();
  if (!rep.isActive)
    return (
      <Badge color="gray" variant="outline" tt="none" styles={WHOLE_LABEL}>
        {t('team.inactive')}
      </Badge>
    );
  const badges = [];
  if (rep.isOutOfOffice)
    badges.push(
      <Badge key="ooo" color="orange" variant="light" tt="none" styles={WHOLE_LABEL}>
        {t('team.outOfOffice')}
      </Badge>,
    );
  if (isOnLeave(rep, today))
    badges.push(
      <Badge key="leave" color="yellow" variant="light" tt="none" styles={WHOLE_LABEL}>
        {t('team.onLeave')}
      </Badge>,
    );
  if (badges.length === 0)
    return (
      <Badge color="green" variant="light" tt="none" styles={WHOLE_LABEL}>
        {t('team.available')}
      </Badge>
    );
  return <Group gap={4}>{badges}</Group>;
}

export function TeamPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useClient();
  const queryClient = useQueryClient();
  const reps = useReps(true);
  const fit = useRepFit(true);
  const [editing, setEditing] = useState<Rep | 'new' | null>(null);
  // Deactivating asks where the rep's open leads go (pool, redistribute, a named rep) before anything happens.
  const [deactivating, setDeactivating] = useState<{ id: string; name: string } | null>(null);
  const today = todayIsoDate();

  const setActive = useMutation({
    mutationFn: (input: { id: string; isActive: boolean }) => client.call('reps.setActive', input),
    onSuccess: (rep) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.reps });
      notifications.show({
        color: 'teal',
        message: t(rep.isActive ? 'team.reactivated' : 'team.deactivated', { name: rep.name }),
      });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: t('common.errorTitle'), message: error.message }),
  });

  const cap = (value: number | null) => (value === null ? t('common.noCap') : formatNumber(value, language));
  const sorted = [...(reps.data ?? [])].sort((a, b) => Number(b.isActive) - Number(a.isActive));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('team.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('team.add')}
        </Button>
      </Group>
      {reps.isPending && <Loader />}
      {reps.isError && (
        <Alert color="red" title={t('common.errorTitle')}>
          {reps.error.message}
        </Alert>
      )}
      {reps.data && reps.data.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <Text c="dimmed" ta="center">
            {t('team.empty')}
          </Text>
        </Paper>
      )}
      {reps.data && reps.data.length > 0 && (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <Table
            verticalSpacing="sm"
            horizontalSpacing="xs"
            highlightOnHover
            aria-label={t('team.tableLabel')}
            miw={960}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={170}>{t('team.columns.name')}</Table.Th>
                <Table.Th w={80}>{t('team.columns.tier')}</Table.Th>
                <Table.Th miw={150}>{t('team.columns.skills')}</Table.Th>
                <Table.Th miw={80}>{t('team.columns.regions')}</Table.Th>
                <Table.Th ta="right" w={72}>
                  {t('team.columns.weight')}
                </Table.Th>
                <Table.Th w={110}>
                  {t('team.columns.caps')}
                  {/* Which cap is which, on a line of its own: "Caps (open / daily)" broke into four. */}
                  <Text size="xs" c="dimmed" fw={400} style={{ whiteSpace: 'nowrap' }}>
                    {t('team.columns.capsParts')}
                  </Text>
                </Table.Th>
                <Table.Th w={100}>{t('team.columns.availability')}</Table.Th>
                <Table.Th w={130}>
                  <RepFitHeader fit={fit.data} />
                </Table.Th>
                <Table.Th ta="right" w={110}>
                  {t('team.columns.actions')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((rep) => (
                <Table.Tr
                  key={rep.id}
                  className={rep.isActive ? undefined : 'fl-inactive'}
                  data-rep-id={rep.id}
                >
                  <Table.Td>
                    <Text fw={600} size="sm" data-testid="rep-name">
                      {rep.name}
                    </Text>
                    {[rep.email, rep.phone && formatPhone(rep.phone)].filter(Boolean).map((line) => (
                      <Text key={line} size="xs" c="dimmed">
                        {line}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={TIER_COLORS[rep.tier]} variant="light" tt="none" styles={WHOLE_LABEL}>
                      {t(`tiers.${rep.tier}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Tags values={rep.skills} />
                  </Table.Td>
                  <Table.Td>
                    <Tags values={rep.regions} />
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(rep.weight, language)}</Table.Td>
                  <Table.Td>
                    {/* "70 / 12" on one line: split, it reads as two unrelated numbers. */}
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {cap(rep.capOpen)} / {cap(rep.capDaily)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Availability rep={rep} today={today} />
                  </Table.Td>
                  <Table.Td>
                    <RepFitCell fit={fit.data} repId={rep.id} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => setEditing(rep)}>
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color={rep.isActive ? 'red' : 'teal'}
                        loading={setActive.isPending && setActive.variables.id === rep.id}
                        onClick={() =>
                          rep.isActive
                            ? setDeactivating({ id: rep.id, name: rep.name })
                            : setActive.mutate({ id: rep.id, isActive: true })
                        }
                      >
                        {rep.isActive ? t('team.deactivate') : t('team.reactivate')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <DeactivateRepDialog rep={deactivating} onClose={() => setDeactivating(null)} />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('repForm.createTitle') : t('repForm.editTitle')}
        size="lg"
      >
        {editing !== null && (
          <RepForm
            key={editing === 'new' ? 'new' : editing.id}
            rep={editing === 'new' ? undefined : editing}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              notifications.show({
                color: 'teal',
                message: t(editing === 'new' ? 'team.created' : 'team.updated', { name: saved.name }),
              });
              setEditing(null);
            }}
          />
        )}
      </Modal>
      <GamingFlags />
    </Stack>
  );
}

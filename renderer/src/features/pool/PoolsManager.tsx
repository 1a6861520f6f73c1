// The team lead's list of pools: what each takes, who may claim, its caps and protections; add, edit, delete.
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PoolSettings } from '../../../../core/api/pool/schemas';
import { defaultPoolConfig } from '../../../../core/domain/pool/types';
import { useClient } from '../../api/client-context';
import { formatList } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { workKeys } from '../funnel/work-queries';
import { usePoolsTranslation } from './bundle';
import { PoolForm } from './PoolForm';
import { poolDisplayName, poolLabel } from './pool-name';
import { poolsKeys, usePools } from './pool-queries';

type Editing = { id: string | undefined; settings: PoolSettings } | null;

function newPoolSettings(position: number): PoolSettings {
  const { id: _id, isDefault: _d, ...settings } = defaultPoolConfig();
  return {
    ...settings,
    name: '',
    position,
    entry: { regions: [], industries: [], grades: [], sources: [] },
    memberRepIds: [],
    adminRepIds: [],
    caps: { claimDaily: null, holding: null, byTier: {}, exemptRepIds: [] },
    recycle: { ...settings.recycle, rules: [] },
  } as PoolSettings;
}

export function PoolsManager() {
  const { t } = usePoolsTranslation();
  const language = useLanguage();
  const client = useClient();
  const queryClient = useQueryClient();
  const pools = usePools().data?.pools ?? [];
  const [editing, setEditing] = useState<Editing>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: poolsKeys.all }),
      queryClient.invalidateQueries({ queryKey: workKeys.all }),
    ]);
  const save = useMutation({
    mutationFn: (input: { id: string | undefined; settings: PoolSettings }) =>
      client.call('pool.savePool', input.id === undefined ? { settings: input.settings } : input),
    onSuccess: (pool) => {
      notifications.show({
        color: 'teal',
        message: t('pools.manage.saved', { name: poolDisplayName(t, pool.name) }),
      });
      setEditing(null);
      void refresh();
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const remove = useMutation({
    mutationFn: (pool: { id: string; name: string }) => client.call('pool.deletePool', { id: pool.id }),
    onSuccess: (_done, pool) => {
      notifications.show({
        color: 'teal',
        message: t('pools.manage.deleted', { name: poolDisplayName(t, pool.name) }),
      });
      void refresh();
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const cap = (value: number | null, isDefault: boolean) =>
    value === null ? (isDefault ? t('pools.manage.teamLimit') : t('pools.manage.noCap')) : String(value);
  return (
    <Stack data-testid="pools-manager">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {t('pools.manage.hint')}
        </Text>
        <Button
          onClick={() => setEditing({ id: undefined, settings: newPoolSettings(pools.length) })}
          data-testid="add-pool"
        >
          {t('pools.manage.add')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pools.manage.columns.name')}</Table.Th>
              <Table.Th>{t('pools.manage.columns.entry')}</Table.Th>
              <Table.Th>{t('pools.manage.columns.members')}</Table.Th>
              <Table.Th>{t('pools.manage.columns.caps')}</Table.Th>
              <Table.Th>{t('pools.manage.columns.protect')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pools.map((pool) => {
              const { id, isDefault, ...settings } = pool;
              const entry = [
                ...pool.entry.regions,
                ...pool.entry.industries,
                ...pool.entry.grades,
                ...pool.entry.sources,
              ];
              return (
                <Table.Tr key={id} data-testid="pool-row-manage">
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {poolLabel(t, { name: pool.name, isDefault })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {entry.length === 0 || isDefault
                        ? t('pools.manage.anyLead')
                        : formatList(entry, language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {pool.isOpenToAll
                        ? t('pools.manage.everyone')
                        : t('pools.manage.nMembers', { count: pool.memberRepIds.length })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {cap(pool.caps.claimDaily, isDefault)} / {cap(pool.caps.holding, false)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {t('pools.manage.summaryProtect', {
                        cool:
                          pool.coolDownDays === null
                            ? t('pools.manage.teamLimit')
                            : t('pools.manage.days', { count: pool.coolDownDays }),
                        embargo: pool.embargoMinutes,
                        mask: pool.masksContacts ? t('pools.manage.maskOn') : t('pools.manage.maskOff'),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-xs" variant="light" onClick={() => setEditing({ id, settings })}>
                        {t('pools.manage.edit')}
                      </Button>
                      {!isDefault && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => remove.mutate({ id, name: pool.name })}
                        >
                          {t('pools.manage.delete')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && (
        <PoolForm
          initial={editing.settings}
          isNew={editing.id === undefined}
          onCancel={() => setEditing(null)}
          onSave={(settings) => save.mutate({ id: editing.id, settings })}
          isSaving={save.isPending}
        />
      )}
    </Stack>
  );
}

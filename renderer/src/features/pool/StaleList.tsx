// The team lead's stale list: owned leads idle for N days, picked and recycled to the pool in one action.
import { Badge, Button, Checkbox, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useClient } from '../../api/client-context';
import { GradeBadge } from '../../ui/GradeBadge';
import { StageBadge } from '../leads/StageBadge';
import { useWorkTranslation } from '../funnel/work-i18n';
import { workKeys } from '../funnel/work-queries';
import { LeadNameCell } from './LeadNameCell';

export function StaleList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useWorkTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [days, setDays] = useState<number | undefined>(undefined);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const stale = useQuery({
    queryKey: workKeys.stale(days),
    queryFn: () => client.call('stale.list', days === undefined ? {} : { days }),
  });
  const recycle = useMutation({
    mutationFn: (leadIds: string[]) => client.call('stale.recycle', { leadIds }),
    onSuccess: (result) => {
      notifications.show({ color: 'teal', message: t('work.pool.recycled', { count: result.recycled }) });
      setPicked(new Set());
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: workKeys.all }),
  });
  const rows = stale.data?.rows ?? [];
  return (
    <Stack>
      <Group align="flex-end">
        <NumberInput
          label={t('work.pool.staleDays')}
          min={1}
          max={365}
          value={days ?? stale.data?.days ?? ''}
          onChange={(v) => setDays(typeof v === 'number' ? v : undefined)}
          w={180}
        />
        <Button
          color="orange"
          disabled={picked.size === 0}
          loading={recycle.isPending}
          onClick={() => recycle.mutate([...picked])}
        >
          {t('work.pool.recycleSelected', { count: picked.size })}
        </Button>
      </Group>
      {stale.data && rows.length === 0 && <Text c="dimmed">{t('work.pool.noStale')}</Text>}
      {rows.length > 0 && (
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32} />
              <Table.Th>{t('work.pool.columns.lead')}</Table.Th>
              <Table.Th>{t('work.pool.columns.grade')}</Table.Th>
              <Table.Th>{t('work.pool.columns.stage')}</Table.Th>
              <Table.Th>{t('work.pool.columns.owner')}</Table.Th>
              <Table.Th>{t('work.pool.columns.idle')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.leadId}>
                <Table.Td w={32}>
                  <Checkbox
                    aria-label={row.name}
                    checked={picked.has(row.leadId)}
                    onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      setPicked((prev) => {
                        const next = new Set(prev);
                        if (checked) next.add(row.leadId);
                        else next.delete(row.leadId);
                        return next;
                      });
                    }}
                  />
                </Table.Td>
                <LeadNameCell name={row.name} company={row.company} onOpen={() => onOpen(row.leadId)} />
                <Table.Td>{row.grade && <GradeBadge grade={row.grade} />}</Table.Td>
                <Table.Td>
                  <StageBadge stage={row.stage} />
                </Table.Td>
                <Table.Td>{row.ownerName}</Table.Td>
                <Table.Td>
                  <Badge color="orange" variant="light" tt="none">
                    {t('work.pool.idle', { count: row.idleDays })}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

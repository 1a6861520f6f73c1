// The public pool (公海池): unowned and recycled leads a rep can claim; the team lead also sees the stale list.
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  MultiSelect,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { GRADES, type Grade } from '../../../../core/domain/funnel';
import { useClient } from '../../api/client-context';
import { useWorkspaceStatus } from '../../api/queries';
import { formatDateTime } from '../../ui/format';
import { focusWhenShown } from '../../ui/focus-when-shown';
import { GradeBadge } from '../../ui/GradeBadge';
import { useLanguage } from '../../ui/use-language';
import { earliestEnd, useRefetchAt } from '../../ui/use-refetch-at';
import { ContactActions } from '../leads/ContactActions';
import { LeadDrawer } from '../leads/LeadDrawer';
import { StageBadge } from '../leads/StageBadge';
import { useWorkTranslation } from '../funnel/work-i18n';
import { claimWaitOf, claimWaitText } from './claim-wait';
import { DistributeWithPreview } from './DistributeWithPreview';
import { usePoolsTranslation } from './bundle';
import { PoolSwitcher } from './PoolSwitcher';
import { PoolsManager } from './PoolsManager';
import { RecycleWarnings } from './RecycleWarnings';
import { LeadNameCell } from './LeadNameCell';
import { RevealLog } from './RevealLog';
import { StaleList } from './StaleList';
import { usePool, workKeys } from '../funnel/work-queries';

/** The row after (else before) `id`: where the focus goes once a claimed lead leaves the table. */
function neighbourOf(rows: readonly { id: string }[], id: string): string | null {
  const at = rows.findIndex((row) => row.id === id);
  return rows[at + 1]?.id ?? rows[at - 1]?.id ?? null;
}

function PoolList({
  isRep,
  onOpen,
  poolId,
}: {
  isRep: boolean;
  onOpen: (id: string) => void;
  poolId: string | null;
}) {
  const { t } = useWorkTranslation();
  const pools = usePoolsTranslation();
  const language = useLanguage();
  const client = useClient();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const [grades, setGrades] = useState<string[]>([]);
  const [recycledOnly, setRecycledOnly] = useState(false);
  const pool = usePool({
    ...(debounced.trim() ? { text: debounced.trim() } : {}),
    ...(grades.length > 0 ? { grades: grades as Grade[] } : {}),
    ...(recycledOnly ? { recycledOnly: true } : {}),
    ...(poolId ? { poolId } : {}),
    limit: 200,
  });
  // After a claim the row and its button leave the table: the focus goes to the next lead's name (the keyboard
  // stays where the person was); a claim that failed leaves the row, and the focus on its button.
  const claimFocus = useRef<{ id: string; neighbour: string | null } | null>(null);
  const rows = pool.data?.rows;
  useEffect(() => {
    const pending = claimFocus.current;
    if (pending === null || rows === undefined || rows.some((row) => row.id === pending.id)) return;
    claimFocus.current = null;
    if (pending.neighbour === null) return;
    document
      .querySelector<HTMLElement>(
        `[data-testid="pool-row"][data-lead-id="${pending.neighbour}"] [data-testid="lead-name"]`,
      )
      ?.focus();
  }, [rows]);
  const claim = useMutation({
    mutationFn: (lead: { id: string; name: string }) => client.call('pool.claim', { leadId: lead.id }),
    onSuccess: (card) =>
      notifications.show({ color: 'teal', message: t('work.pool.claimed', { name: card.name }) }),
    onError: (error, lead) => {
      claimFocus.current = null;
      notifications.show({ color: 'red', message: t('work.pool.claimFailed', { message: error.message }) });
      focusWhenShown(
        `[data-testid="pool-row"][data-lead-id="${lead.id}"] [data-testid="claim"]:not(:disabled)`,
      );
    },
    onMutate: (lead) => {
      claimFocus.current = { id: lead.id, neighbour: neighbourOf(pool.data?.rows ?? [], lead.id) };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: workKeys.all }),
  });
  const page = pool.data;
  // Past a cap the hub refuses every claim from this pool: say which, and offer none.
  const capReached =
    !isRep || page === undefined
      ? null
      : page.claimDailyLimit !== null && page.claimsToday >= page.claimDailyLimit
        ? ('dailyFull' as const)
        : page.holdingLimit !== null && page.holding >= page.holdingLimit
          ? ('holdingFull' as const)
          : null;
  // A row's claim opens when its cool-down or embargo ends: ask again then, so the button shows without a reload.
  useRefetchAt(
    earliestEnd((rows ?? []).map((row) => claimWaitOf(row)?.until ?? null)),
    pool.dataUpdatedAt,
    pool.refetch,
  );
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          aria-label={t('work.funnel.search')}
          placeholder={t('work.funnel.search')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={240}
        />
        <MultiSelect
          aria-label={t('work.funnel.grade')}
          placeholder={t('work.funnel.grade')}
          data={[...GRADES]}
          value={grades}
          onChange={setGrades}
          w={160}
          clearable
        />
        <Switch
          label={t('work.pool.recycledOnly')}
          checked={recycledOnly}
          onChange={(e) => setRecycledOnly(e.currentTarget.checked)}
          mb={6}
        />
        {page && (
          <Badge size="lg" variant="light" color="gray" data-testid="pool-count">
            {t('work.pool.count', { count: page.total })}
          </Badge>
        )}
        {isRep && page && page.claimDailyLimit !== null && (
          <Badge size="lg" variant="light" data-testid="claim-quota">
            {t('work.pool.claimsLeft', {
              left: Math.max(0, page.claimDailyLimit - page.claimsToday),
              limit: page.claimDailyLimit,
            })}
          </Badge>
        )}
        {isRep && page && page.holdingLimit !== null && (
          <Badge size="lg" variant="light" color="grape" data-testid="holding-cap">
            {pools.t('pools.caps.holding', { holding: page.holding, limit: page.holdingLimit })}
          </Badge>
        )}
        {pool.isFetching && <Loader size="xs" />}
      </Group>
      {capReached !== null && (
        <Text size="sm" c="dimmed" data-testid="claim-capped">
          {pools.t(`pools.caps.${capReached}`)}
        </Text>
      )}
      {page?.rows.some((row) => row.isMasked) && (
        <Text size="xs" c="dimmed" data-testid="masked-hint">
          {pools.t('pools.masked')}
        </Text>
      )}
      {pool.isError && <Alert color="red">{pool.error.message}</Alert>}
      {page && page.rows.length === 0 && (
        <Text c="dimmed">
          {debounced || grades.length > 0 || recycledOnly ? t('work.pool.noMatch') : t('work.pool.empty')}
        </Text>
      )}
      {page && page.rows.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table highlightOnHover data-testid="pool-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('work.pool.columns.lead')}</Table.Th>
                <Table.Th>{t('work.pool.columns.phone')}</Table.Th>
                <Table.Th>{t('work.pool.columns.grade')}</Table.Th>
                <Table.Th>{t('work.pool.columns.stage')}</Table.Th>
                <Table.Th>{t('work.pool.columns.source')}</Table.Th>
                <Table.Th>{t('work.pool.columns.arrived')}</Table.Th>
                <Table.Th>{t('work.pool.columns.why')}</Table.Th>
                <Table.Th ta="right">{isRep ? t('work.pool.columns.claim') : ''}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.rows.map((row) => {
                const wait = claimWaitOf(row);
                return (
                  <Table.Tr key={row.id} data-testid="pool-row" data-lead-id={row.id}>
                    <LeadNameCell name={row.name} company={row.company} onOpen={() => onOpen(row.id)} />
                    <Table.Td>
                      {row.isMasked ? (
                        <Text
                          size="sm"
                          style={{ whiteSpace: 'nowrap' }}
                          title={pools.t('pools.masked')}
                          data-testid="masked-phone"
                        >
                          {row.phone ?? ''}
                        </Text>
                      ) : (
                        <ContactActions phone={row.phone} email={null} />
                      )}
                    </Table.Td>
                    <Table.Td>{row.grade && <GradeBadge grade={row.grade} />}</Table.Td>
                    <Table.Td>
                      <StageBadge stage={row.stage} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {row.source ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ whiteSpace: 'nowrap' }} data-testid="arrived-at">
                        {formatDateTime(row.arrivedAt, language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        size="xs"
                        tt="none"
                        variant="light"
                        color={
                          row.poolReason === 'recycled'
                            ? 'orange'
                            : row.poolReason === 'released'
                              ? 'grape'
                              : 'gray'
                        }
                        data-testid={row.poolReason === 'recycled' ? 'recycled-badge' : 'pool-reason'}
                      >
                        {row.fromRepName === null
                          ? t(`work.pool.reasons.${row.poolReason}`)
                          : t(`work.pool.reasonsFrom.${row.poolReason}`, { name: row.fromRepName })}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {isRep &&
                        (wait !== null ? (
                          <Text
                            size="xs"
                            c="dimmed"
                            data-testid={wait.kind === 'coolDown' ? 'cool-down' : 'embargo'}
                          >
                            {claimWaitText(t, language, wait)}
                          </Text>
                        ) : (
                          <Button
                            size="xs"
                            onClick={() => claim.mutate({ id: row.id, name: row.name })}
                            loading={claim.isPending && claim.variables.id === row.id}
                            disabled={capReached !== null}
                            data-testid="claim"
                          >
                            {t('work.pool.claim')}
                          </Button>
                        ))}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {page && page.total > page.rows.length && (
        <Text size="xs" c="dimmed">
          {t('work.pool.shown', { shown: page.rows.length, total: page.total })}
        </Text>
      )}
    </Stack>
  );
}

export function PoolPage() {
  const { t } = useWorkTranslation();
  const status = useWorkspaceStatus();
  const isRep = status.data?.actor.role === 'rep';
  const [openLeadId, setOpenLeadId] = useState<string | null>(null);
  const [poolId, setPoolId] = useState<string | null>(null);
  const pools = usePoolsTranslation();
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('work.pool.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('work.pool.subtitle')}
        </Text>
      </div>
      {isRep ? (
        <>
          <RecycleWarnings showLocks />
          <PoolSwitcher value={poolId} onChange={setPoolId} />
          <PoolList isRep poolId={poolId} onOpen={setOpenLeadId} />
        </>
      ) : (
        <Tabs defaultValue="pool" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="pool">{t('work.pool.tabs.pool')}</Tabs.Tab>
            <Tabs.Tab value="stale">{t('work.pool.tabs.stale')}</Tabs.Tab>
            <Tabs.Tab value="pools">{pools.t('pools.manage.tab')}</Tabs.Tab>
            <Tabs.Tab value="reveals">{pools.t('pools.reveals.tab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="pool">
            <Group justify="flex-end" mb="sm">
              <DistributeWithPreview />
            </Group>
            <Group mb="sm">
              <PoolSwitcher value={poolId} onChange={setPoolId} />
            </Group>
            <RecycleWarnings showLocks />
            <PoolList isRep={false} poolId={poolId} onOpen={setOpenLeadId} />
          </Tabs.Panel>
          <Tabs.Panel value="pools">
            <PoolsManager />
          </Tabs.Panel>
          <Tabs.Panel value="reveals">
            <RevealLog />
          </Tabs.Panel>
          <Tabs.Panel value="stale">
            <StaleList onOpen={setOpenLeadId} />
          </Tabs.Panel>
        </Tabs>
      )}
      <LeadDrawer leadId={openLeadId} onClose={() => setOpenLeadId(null)} />
    </Stack>
  );
}

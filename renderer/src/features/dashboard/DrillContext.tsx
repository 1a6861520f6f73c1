// Click-through: any count on the Dashboard opens the leads behind it, fetched by the same conditions the count
// used (dashboard.leads), in a table with its own paging.
import { Anchor, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useClient } from '../../api/client-context';
import { GradeBadge } from '../../ui/GradeBadge';
import { formatDate, formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useFunnelStages } from '../funnel/stage-labels';
import { useDashboardTranslation } from './bundle';
import { dashboardKeys, type DrillRequest, type KpiQuery } from './dashboard-queries';

const PAGE = 100;

interface OpenDrill {
  readonly label: string;
  readonly request: DrillRequest;
}

const DrillOpener = createContext<((drill: OpenDrill) => void) | null>(null);

function DrillTable({ query, drill }: { query: KpiQuery; drill: OpenDrill }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const client = useClient();
  const stages = useFunnelStages();
  const [limit, setLimit] = useState(PAGE);
  const input = { ...query, ...drill.request, offset: 0, limit };
  const leads = useQuery({
    queryKey: dashboardKeys.drill(input),
    queryFn: () => client.call('dashboard.leads', input),
    placeholderData: (previous) => previous,
  });
  if (leads.data === undefined) return <Text c="dimmed">…</Text>;
  const { total, rows } = leads.data;
  if (total === 0) return <Text c="dimmed">{t('dashboard.drill.empty')}</Text>;
  return (
    <Stack gap="sm">
      <Table striped verticalSpacing={4} data-testid="drill-table" data-total={total}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.drill.name')}</Table.Th>
            <Table.Th>{t('dashboard.drill.company')}</Table.Th>
            <Table.Th>{t('dashboard.drill.grade')}</Table.Th>
            <Table.Th>{t('dashboard.drill.stage')}</Table.Th>
            <Table.Th>{t('dashboard.drill.source')}</Table.Th>
            <Table.Th>{t('dashboard.drill.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((lead) => (
            <Table.Tr key={lead.id} data-lead-id={lead.id}>
              <Table.Td>{lead.name}</Table.Td>
              <Table.Td>{lead.company ?? ''}</Table.Td>
              <Table.Td>
                <GradeBadge grade={lead.grade} />
              </Table.Td>
              <Table.Td>{stages.label(lead.stage)}</Table.Td>
              <Table.Td>{lead.source ?? ''}</Table.Td>
              <Table.Td>{formatDate(lead.createdAt, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="drill-shown">
          {t('dashboard.drill.more', {
            shown: formatNumber(rows.length, language),
            total: formatNumber(total, language),
          })}
        </Text>
        {rows.length < total && (
          <Button variant="default" size="xs" onClick={() => setLimit((n) => Math.min(500, n + PAGE))}>
            {t('dashboard.drill.loadMore')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** Provides click-through to everything inside it, for the period and filters of `query`. */
export function DrillProvider({ query, children }: { query: KpiQuery; children: ReactNode }) {
  const [drill, setDrill] = useState<OpenDrill | null>(null);
  return (
    <DrillOpener.Provider value={setDrill}>
      {children}
      <Modal
        opened={drill !== null}
        onClose={() => setDrill(null)}
        size="xl"
        title={drill === null ? '' : drill.label}
        data-testid="drill-modal"
      >
        {drill !== null && <DrillTable query={query} drill={drill} />}
      </Modal>
    </DrillOpener.Provider>
  );
}

/** A count that opens the leads behind it. */
export function CountLink({
  count,
  label,
  request,
  testId,
  children,
}: {
  count: number;
  label: string;
  request: DrillRequest;
  testId?: string | undefined;
  children?: ReactNode;
}) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const open = useContext(DrillOpener);
  if (open === null || count === 0)
    return <span data-testid={testId}>{children ?? formatNumber(count, language)}</span>;
  return (
    <Anchor
      component="button"
      type="button"
      inherit
      data-testid={testId}
      data-count={count}
      aria-label={t('dashboard.drill.open', { count: formatNumber(count, language) })}
      onClick={() =>
        open({ label: t('dashboard.drill.title', { label, count: formatNumber(count, language) }), request })
      }
    >
      {children ?? formatNumber(count, language)}
    </Anchor>
  );
}

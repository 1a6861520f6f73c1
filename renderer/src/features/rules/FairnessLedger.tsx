// The vacation-neutral fairness ledger: per rep and grade, leads received against leads owed for the days each
// rep was available (leave and out-of-office days taken out), over the last 30 or 90 days. Open to the whole team.
import { Alert, Group, Loader, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { LedgerView } from '../../../../core/api/distribution/lint-calls';
import { useClient } from '../../api/client-context';
import { useTeamUtcOffset } from '../../api/queries';
import { periodOf } from '../../ui/team-period';
import { useRulesTranslation } from './bundle';

const GRADE_KEYS = ['A', 'B', 'C', 'D'] as const;

function Balance({ received, expected }: { received: number; expected: number }) {
  const { t } = useRulesTranslation();
  const diff = Math.round((received - expected) * 10) / 10;
  // Within one lead either way reads as level: rounding of a day's split is never a grievance.
  const word =
    Math.abs(diff) < 1
      ? t('ledger.level')
      : diff > 0
        ? t('ledger.above', { n: diff })
        : t('ledger.below', { n: -diff });
  const color = Math.abs(diff) < 1 ? 'teal' : diff > 0 ? 'orange' : 'blue';
  return (
    <Text size="sm" c={color} span>
      {word}
    </Text>
  );
}

function leaveText(t: TFunction, row: LedgerView['rows'][number]): string {
  const periods = (kind: 'leave' | 'out-of-office') =>
    row.leave
      .filter((p) => p.kind === kind)
      .map((p) => `${p.from.slice(5)}–${p.to.slice(5)}`)
      .join(t('lint.comma'));
  const leave = periods('leave');
  const away = periods('out-of-office');
  return [leave && t('ledger.leave', { periods: leave }), away && t('ledger.outOfOffice', { periods: away })]
    .filter(Boolean)
    .join(t('ledger.separator'));
}

export function FairnessLedger() {
  const { t } = useRulesTranslation();
  const client = useClient();
  const [days, setDays] = useState('30');
  // The team's last days, as the Dashboard's balance counts them (not UTC days, which end at 08:00 in Beijing).
  const range = periodOf(Number(days), useTeamUtcOffset());
  const ledger = useQuery({
    queryKey: ['distribution', 'ledger', days, range.to],
    queryFn: () => client.call('distribution.ledger', range),
  });
  return (
    <Stack gap="sm" data-testid="fairness-ledger">
      <Group justify="space-between">
        <div>
          <Title order={4}>{t('ledger.title')}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('ledger.explain')}
          </Text>
        </div>
        <SegmentedControl
          value={days}
          onChange={setDays}
          data={[
            { value: '30', label: t('ledger.days', { count: 30 }) },
            { value: '90', label: t('ledger.days', { count: 90 }) },
          ]}
        />
      </Group>
      {ledger.isPending && <Loader size="sm" />}
      {ledger.isError && <Alert color="red">{ledger.error.message}</Alert>}
      {ledger.data && (
        <>
          <Text size="sm">
            {t('ledger.period', { from: ledger.data.from, to: ledger.data.to, count: ledger.data.leadCount })}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table withTableBorder striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ledger.rep')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.available')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.receivedExpected')}</Table.Th>
                  <Table.Th>{t('ledger.balance')}</Table.Th>
                  {GRADE_KEYS.map((g) => (
                    <Table.Th key={g} ta="right">
                      {t('ledger.grade', { grade: g })}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('ledger.claims')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ledger.data.rows.map((row) => (
                  <Table.Tr key={row.repId} data-testid="ledger-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.name}</Table.Td>
                    <Table.Td ta="right">
                      <Tooltip label={leaveText(t, row) || t('ledger.noLeave')}>
                        <span>
                          {t('ledger.dayCount', { count: row.availableDays })}
                          {row.leave.length > 0 && ` ${t('ledger.hadLeave')}`}
                        </span>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td ta="right">
                      {row.total.received} / {row.total.expected}
                    </Table.Td>
                    {/* "少得 2.4 条" / "2.4 below share" on one line: the grade columns take the squeeze. */}
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Balance received={row.total.received} expected={row.total.expected} />
                    </Table.Td>
                    {GRADE_KEYS.map((g) => (
                      <Table.Td key={g} ta="right">
                        {row.byGrade[g].received} / {row.byGrade[g].expected}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">{row.claims}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

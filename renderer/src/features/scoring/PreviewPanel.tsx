// What a draft would do to the grades of the current leads: histogram before/after, moves and a sample.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Badge, Card, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADES } from '../../../../core/domain/funnel';
import type { ModelChangePreview } from '../../../../core/domain/scoring/preview';
import { useClient } from '../../api/client-context';
import { queryKeys } from '../../api/query-keys';
import { formatNumber } from '../../ui/format';
import { GradeBadge } from '../../ui/GradeBadge';
import { useLanguage } from '../../ui/use-language';
import { useScoringTranslation } from './i18n-bundle';

const SAMPLE_SHOWN = 8;

function MovesMatrix({ preview }: { preview: ModelChangePreview }) {
  const { t } = useScoringTranslation();
  const { t: tApp } = useTranslation();
  const language = useLanguage();
  return (
    <Table
      withTableBorder
      withColumnBorders
      verticalSpacing={4}
      horizontalSpacing={6}
      fz="xs"
      ta="center"
      data-testid="preview-moves"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th ta="center" fz={11} c="dimmed" fw={500}>
            {t('scoring.preview.movesFrom')}
          </Table.Th>
          {GRADES.map((to) => (
            <Table.Th key={to} ta="center">
              {to}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {GRADES.map((from) => (
          <Table.Tr key={from}>
            <Table.Th ta="center">{from}</Table.Th>
            {GRADES.map((to) => {
              const n = preview.moves[from][to];
              const isMove = from !== to && n > 0;
              const up = GRADES.indexOf(to) < GRADES.indexOf(from);
              return (
                <Table.Td
                  key={to}
                  ta="center"
                  c={from === to ? 'dimmed' : isMove ? (up ? 'teal.8' : 'red.8') : 'gray.4'}
                  fw={isMove ? 700 : 400}
                  bg={isMove ? (up ? 'teal.0' : 'red.0') : undefined}
                  data-testid={`preview-move-${from}-${to}`}
                >
                  {/* Not by colour alone: an arrow says up or down (and the words, to a screen reader). */}
                  {isMove && (
                    <>
                      <span aria-hidden>{up ? '↑' : '↓'}</span>
                      <span className="fl-visually-hidden">
                        {tApp(up ? 'a11y.gradeUp' : 'a11y.gradeDown')}{' '}
                      </span>
                    </>
                  )}
                  {formatNumber(n, language)}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ChangedSample({ preview }: { preview: ModelChangePreview }) {
  const { t } = useScoringTranslation();
  const client = useClient();
  const shown = preview.sample.slice(0, SAMPLE_SHOWN);
  const names = useQueries({
    queries: shown.map((change) => ({
      queryKey: queryKeys.leadDetail(change.leadId),
      queryFn: () => client.call('leads.get', { id: change.leadId }),
      staleTime: 60_000,
    })),
  });
  if (shown.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {t('scoring.preview.sample')}
      </Text>
      <Table verticalSpacing={4} horizontalSpacing={6} fz="sm" data-testid="preview-sample">
        <Table.Tbody>
          {shown.map((change, i) => {
            const lead = names[i]?.data?.lead;
            return (
              <Table.Tr key={change.leadId}>
                <Table.Td className="fl-ellipsis" maw={150}>
                  <Text size="sm" className="fl-ellipsis" title={lead?.company ?? undefined}>
                    {lead ? lead.name : '…'}
                  </Text>
                  {lead?.company && (
                    <Text size="xs" c="dimmed" className="fl-ellipsis">
                      {lead.company}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td w={120}>
                  <Group gap={4} wrap="nowrap">
                    <GradeBadge grade={change.gradeBefore} />
                    <Text size="xs" c="dimmed">
                      →
                    </Text>
                    <GradeBadge grade={change.gradeAfter} />
                  </Group>
                </Table.Td>
                <Table.Td w={84} ta="right">
                  <Text size="xs" c="dimmed" span>
                    {change.scoreBefore} → {change.scoreAfter}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {preview.changedCount > shown.length && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('scoring.preview.moreChanged', { count: preview.changedCount - shown.length })}
        </Text>
      )}
    </div>
  );
}

export function PreviewPanel({
  state,
  preview,
  isFetching,
  actions,
}: {
  /** idle: nothing edited; invalid: the draft has problems; ready: `preview` is the draft's. */
  state: 'idle' | 'invalid' | 'ready';
  preview: ModelChangePreview | undefined;
  isFetching: boolean;
  actions?: ReactNode;
}) {
  const { t } = useScoringTranslation();
  const language = useLanguage();
  const data = preview
    ? GRADES.map((grade) => ({
        grade,
        [t('scoring.preview.before')]: preview.before[grade],
        [t('scoring.preview.after')]: preview.after[grade],
      }))
    : [];
  return (
    <Card withBorder radius="md" padding="md" data-testid="preview-panel">
      <Group justify="space-between" mb={2}>
        <Text fw={600}>{t('scoring.preview.title')}</Text>
        {isFetching && <Loader size="xs" aria-label={t('scoring.preview.loading')} />}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('scoring.preview.hint')}
      </Text>
      {actions}
      {state === 'idle' && (
        <Text size="sm" c="dimmed" py="sm">
          {t('scoring.preview.noChanges')}
        </Text>
      )}
      {state === 'invalid' && (
        <Alert color="orange" variant="light" py="xs">
          {t('scoring.preview.invalid')}
        </Alert>
      )}
      {state === 'ready' && !preview && (
        <Group gap="xs" py="sm">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('scoring.preview.loading')}
          </Text>
        </Group>
      )}
      {state === 'ready' && preview && (
        <Stack gap="md" style={{ opacity: isFetching ? 0.6 : 1, transition: 'opacity 120ms' }}>
          <BarChart
            h={180}
            data={data}
            dataKey="grade"
            series={[
              { name: t('scoring.preview.before'), color: 'gray.4' },
              { name: t('scoring.preview.after'), color: 'indigo.6' },
            ]}
            withLegend
            legendProps={{ verticalAlign: 'top', height: 28 }}
            tickLine="y"
            gridAxis="y"
            barProps={{ radius: [3, 3, 0, 0] }}
            valueFormatter={(value) => formatNumber(value, language)}
          />
          <Table verticalSpacing={2} horizontalSpacing={6} fz="sm" data-testid="preview-histogram">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('scoring.preview.grade')}</Table.Th>
                {GRADES.map((g) => (
                  <Table.Th key={g} ta="right">
                    {g}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(['before', 'after'] as const).map((row) => (
                <Table.Tr key={row}>
                  <Table.Td c="dimmed">{t(`scoring.preview.${row}`)}</Table.Td>
                  {GRADES.map((g) => {
                    const delta = preview.after[g] - preview.before[g];
                    return (
                      <Table.Td
                        key={g}
                        ta="right"
                        data-testid={`preview-${row}-${g}`}
                        data-count={preview[row][g]}
                      >
                        {formatNumber(preview[row][g], language)}
                        {row === 'after' && delta !== 0 && (
                          <Text span size="xs" c={delta > 0 ? 'teal' : 'red'} ml={4}>
                            {delta > 0 ? `+${delta}` : `−${-delta}`}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Badge
            variant="light"
            color={preview.changedCount > 0 ? 'indigo' : 'gray'}
            size="lg"
            radius="sm"
            tt="none"
            fw={500}
            data-testid="preview-changed"
            styles={{ root: { height: 'auto', paddingBlock: 4 }, label: { whiteSpace: 'normal' } }}
          >
            {preview.changedCount > 0
              ? t('scoring.preview.changed', {
                  count: formatNumber(preview.changedCount, language),
                  total: formatNumber(preview.total, language),
                })
              : t('scoring.preview.unchanged', { total: formatNumber(preview.total, language) })}
          </Badge>
          {preview.changedCount > 0 && (
            <div>
              <Text size="sm" fw={600} mb={4}>
                {t('scoring.preview.moves')}
              </Text>
              <MovesMatrix preview={preview} />
            </div>
          )}
          <ChangedSample preview={preview} />
        </Stack>
      )}
    </Card>
  );
}

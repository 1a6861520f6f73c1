// Who got which lead, when, and why — the whole team's assignment history, open to reps too (distribution.assignments):
// the lead's name and company but never its contact data, which the hub leaves out and masks for a rep.
import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../../../core/api/contract';
import { useClient } from '../../api/client-context';
import { useRepNames, useTeamUtcOffset } from '../../api/queries';
import { formatDateTime, formatNumber } from '../../ui/format';
import { useLocationHash } from '../../ui/use-location-hash';
import { useLanguage } from '../../ui/use-language';
import { AppealButton } from '../distribution/AppealButton';
import { kindKey, useDistributionTranslation } from '../distribution/bundle';
import { distributionKeys, useActor, useDistributionEvents } from '../distribution/distribution-queries';
import { useDashboardTranslation } from '../dashboard/bundle';
import { formatMinutes } from '../dashboard/dashboard-format';
import { useRulesTranslation } from '../rules/bundle';
import {
  AssignmentLogFilters,
  filtersOfLink,
  logInput,
  NO_FILTERS,
  type LogFilters,
  type LogRange,
} from './AssignmentLogFilters';
import { describeWhy, methodKey } from './assignment-words';
import { useTransparencyTranslation } from './bundle';
import { parseAssignmentLogLink, type AssignmentLogLink } from './log-link';

type AssignmentLogRow = CallOutput<'distribution.assignments'>['rows'][number];

const PAGE_SIZE = 25;

function WhyCell({ row }: { row: AssignmentLogRow }) {
  const { t } = useTransparencyTranslation();
  const { t: dt } = useDistributionTranslation();
  const language = useLanguage();
  const repNames = useRepNames();
  const [isOpen, setOpen] = useState(false);
  const why = describeWhy(dt, row, language, (id) => repNames.get(id) ?? id);
  const lines = isOpen ? why.all : why.short;
  return (
    <Stack gap={0} align="flex-start" data-testid="assignment-log-why">
      {lines.length === 0 && <Text size="sm">—</Text>}
      {lines.map((line, i) => (
        <Text key={i} size="sm" c={i === 0 ? undefined : 'dimmed'}>
          {line}
        </Text>
      ))}
      {why.all.length > why.short.length && (
        <Anchor component="button" type="button" size="xs" onClick={() => setOpen(!isOpen)}>
          {isOpen ? t('transparency.log.less') : t('transparency.log.more', { count: why.all.length })}
        </Anchor>
      )}
    </Stack>
  );
}

/** A hand-over's first contact in business time against its grade's target: the row's verdict, checkable. */
function ResponseCell({ response }: { response: NonNullable<AssignmentLogRow['response']> }) {
  const { t } = useTransparencyTranslation();
  const { t: dashboardT } = useDashboardTranslation();
  const language = useLanguage();
  const minutes = (value: number) => formatMinutes(value, language, dashboardT);
  return (
    <Stack gap={0} data-testid="assignment-log-response-cell">
      <Text size="sm" c={response.isWithinTarget ? 'teal.8' : 'red.8'} fw={500}>
        {response.minutes === null ? t('transparency.log.notReached') : minutes(response.minutes)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('transparency.log.responseTarget', { value: minutes(response.targetMinutes) })}
      </Text>
    </Stack>
  );
}

function LogRow({
  row,
  myRepId,
  hasResponse,
}: {
  row: AssignmentLogRow;
  myRepId: string | null;
  hasResponse: boolean;
}) {
  const { t } = useTransparencyTranslation();
  const { t: dt } = useDistributionTranslation();
  const { t: rt } = useRulesTranslation();
  const language = useLanguage();
  const repNames = useRepNames();
  const isMine = myRepId !== null && (row.repId === myRepId || row.fromRepId === myRepId);
  return (
    <Table.Tr data-assignment-id={row.id} data-lead-id={row.leadId} data-rep-id={row.repId ?? 'pool'}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at, language)}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {row.leadName || row.company || '—'}
        </Text>
        {row.leadName !== '' && row.company !== null && (
          <Text size="xs" c="dimmed">
            {row.company}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{row.grade ?? '—'}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.source ?? '—'}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm">
            {row.repId === null ? t('transparency.log.pool') : (repNames.get(row.repId) ?? row.repId)}
          </Text>
          {isMine && (
            <Badge size="xs" variant="light" color="grape" style={{ flexShrink: 0 }}>
              {t('transparency.log.me')}
            </Badge>
          )}
        </Group>
        {/* A rep contests this very assignment, to them or away from them, where they read why it happened. */}
        {isMine && <AppealButton leadId={row.leadId} assignmentId={row.id} size="xs" />}
      </Table.Td>
      {/* Wide enough for the longest kind's badge ("AUTOMATIC", "REASSIGNED"), which would otherwise be cut. */}
      <Table.Td miw={104}>
        <Stack gap={2} align="flex-start">
          <Badge size="xs" variant="light" color={row.kind === 'auto' ? 'indigo' : 'orange'}>
            {dt(kindKey(row))}
          </Badge>
          {row.method !== null && (
            <Text size="xs" c="dimmed">
              {rt(methodKey(row.method))}
            </Text>
          )}
        </Stack>
      </Table.Td>
      {hasResponse && (
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          {row.response === null ? '—' : <ResponseCell response={row.response} />}
        </Table.Td>
      )}
      <Table.Td miw={260}>
        <WhyCell row={row} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The log, opened on the rows a link names (a rep's Dashboard figure) when the hash carries one. */
export function AssignmentLog() {
  const hash = useLocationHash();
  const link = parseAssignmentLogLink(hash);
  // A new link starts the log over on its rows.
  return <AssignmentLogView key={link === null ? '' : hash} link={link} />;
}

function AssignmentLogView({ link }: { link: AssignmentLogLink | null }) {
  const { t } = useTransparencyTranslation();
  const language = useLanguage();
  const client = useClient();
  const actor = useActor();
  const [range, setRange] = useState<LogRange>(
    link === null ? { kind: 'preset', days: 30 } : { kind: 'custom', from: link.from, to: link.to },
  );
  const [filters, setFilters] = useState<LogFilters>(link === null ? NO_FILTERS : filtersOfLink(link));
  const [page, setPage] = useState(1);
  const paper = useRef<HTMLDivElement>(null);
  useDistributionEvents();
  const input = logInput(range, filters, page, PAGE_SIZE, useTeamUtcOffset());
  const log = useQuery({
    queryKey: [...distributionKeys.all, 'assignments', input],
    queryFn: () => client.call('distribution.assignments', input),
    placeholderData: keepPreviousData,
  });
  const data = log.data;
  // Opened from a link: the log is what the reader came for, once its rows are there (the sections above have
  // loaded by then, or nearly: their calls went first).
  const isLinkedAndLoaded = link !== null && data !== undefined;
  useEffect(() => {
    if (!isLinkedAndLoaded) return;
    const frame = requestAnimationFrame(() => paper.current?.scrollIntoView({ block: 'start' }));
    return () => cancelAnimationFrame(frame);
  }, [isLinkedAndLoaded]);
  const pages = data === undefined ? 1 : Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  // Filtered by response outcome: each row says its first contact against its target.
  const hasResponse = data?.rows.some((row) => row.response !== null) === true;
  return (
    <Paper withBorder radius="md" p="md" data-testid="transparency-assignments" ref={paper}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('transparency.log.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t(actor?.role === 'rep' ? 'transparency.log.hintRep' : 'transparency.log.hint')}
        </Text>
        <AssignmentLogFilters
          range={range}
          onRange={(next) => {
            setRange(next);
            setPage(1);
          }}
          filters={filters}
          onFilters={(next) => {
            setFilters(next);
            setPage(1);
          }}
          sources={data?.sources ?? []}
          ownRepId={actor?.role === 'rep' ? actor.repId : null}
        />
        {log.error !== null ? (
          <Alert color="red">{t('transparency.loadFailed', { message: log.error.message })}</Alert>
        ) : data === undefined ? (
          <Loader size="sm" />
        ) : (
          <>
            <Text size="xs" c="dimmed" data-testid="assignment-log-total">
              {t('transparency.log.total', {
                from: data.from,
                to: data.to,
                count: data.total,
                total: formatNumber(data.total, language),
              })}
            </Text>
            {data.rows.length === 0 ? (
              <Text size="sm">{t('transparency.log.none')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={960}>
                <Table verticalSpacing={6} striped highlightOnHover data-testid="assignment-log-table">
                  {/* Short headers, never broken inside a word ("等级" on one line). */}
                  <Table.Thead style={{ whiteSpace: 'nowrap' }}>
                    <Table.Tr>
                      <Table.Th>{t('transparency.log.at')}</Table.Th>
                      <Table.Th>{t('transparency.log.lead')}</Table.Th>
                      <Table.Th>{t('transparency.log.grade')}</Table.Th>
                      <Table.Th>{t('transparency.log.source')}</Table.Th>
                      <Table.Th>{t('transparency.log.to')}</Table.Th>
                      <Table.Th>{t('transparency.log.how')}</Table.Th>
                      {hasResponse && (
                        <Table.Th title={t('transparency.log.firstContactHint')}>
                          {t('transparency.log.firstContact')}
                        </Table.Th>
                      )}
                      <Table.Th>{t('transparency.log.why')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}>
                    {data.rows.map((row) => (
                      <LogRow
                        key={row.id}
                        row={row}
                        myRepId={actor?.role === 'rep' ? actor.repId : null}
                        hasResponse={hasResponse}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {pages > 1 && (
              <Pagination
                size="sm"
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`transparency.log.page.${control}`) })}
                data-testid="assignment-log-pages"
              />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

// The lead table: virtualized rows over server-side pages, sortable headers, keyboard-openable rows.
import { Alert, Center, Skeleton, Table, Text } from '@mantine/core';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadSortField } from '../../../../core/domain/lead-list';
import type { Lead } from '../../../../core/domain/lead';
import { useRepNames } from '../../api/queries';
import { formatDate, formatNumber } from '../../ui/format';
import { GradeBadge } from '../../ui/GradeBadge';
import { useCurrentModelVersion } from '../scoring/scoring-queries';
import { isScoreStale, StaleTag } from '../scoring/StaleMarker';
import { IconSortAsc, IconSortDesc, IconSortNone } from '../../ui/icons';
import type { Language } from '../../i18n';
import { useLanguage } from '../../ui/use-language';
import { StageBadge } from './StageBadge';
import { useLeadPages, type LeadQuery } from './use-lead-pages';

const ROW_HEIGHT = 44;
const estimateRowHeight = () => ROW_HEIGHT;

export interface LeadSort {
  readonly field: LeadSortField;
  readonly direction: 'asc' | 'desc';
}

type ColumnKey =
  'name' | 'company' | 'phone' | 'stage' | 'grade' | 'score' | 'owner' | 'source' | 'createdAt';

const COLUMNS: readonly { key: ColumnKey; width: string; sort?: LeadSortField; align?: 'right' }[] = [
  { key: 'name', width: '10%', sort: 'name' },
  { key: 'company', width: '19%', sort: 'company' },
  { key: 'phone', width: '14%' },
  { key: 'stage', width: '10%', sort: 'stage' },
  { key: 'grade', width: '7%' },
  { key: 'score', width: '7%', sort: 'score', align: 'right' },
  { key: 'owner', width: '10%' },
  { key: 'source', width: '11%' },
  { key: 'createdAt', width: '12%', sort: 'createdAt' },
];

/** Text columns read naturally A→Z; numbers and dates newest/highest first. */
export function nextSort(current: LeadSort, field: LeadSortField): LeadSort {
  if (current.field === field) return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return {
    field,
    direction: field === 'score' || field === 'createdAt' || field === 'updatedAt' ? 'desc' : 'asc',
  };
}

/** One row; memoized so scrolling renders only the rows that come into view. */
const LeadRow = memo(function LeadRow({
  lead,
  index,
  ownerName,
  language,
  modelVersion,
  onOpenLead,
}: {
  lead: Lead | undefined;
  index: number;
  ownerName: string | null;
  language: Language;
  /** The scoring model in force; a score from an older version is marked stale. */
  modelVersion: number | undefined;
  onOpenLead: (lead: Lead) => void;
}) {
  const { t } = useTranslation();
  const none = t('common.none');
  if (!lead) {
    return (
      <tr className="fl-lead-row" aria-rowindex={index + 2}>
        {COLUMNS.map((column) => (
          <td key={column.key} className="fl-td">
            <Skeleton height={12} radius="sm" />
          </td>
        ))}
      </tr>
    );
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTableRowElement>): void {
    if (!lead) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpenLead(lead);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const sibling =
        event.key === 'ArrowDown'
          ? event.currentTarget.nextElementSibling
          : event.currentTarget.previousElementSibling;
      if (sibling instanceof HTMLElement && sibling.tabIndex >= 0) sibling.focus();
    }
  }

  return (
    <tr
      className="fl-lead-row is-clickable"
      tabIndex={0}
      aria-rowindex={index + 2}
      data-lead-id={lead.id}
      onClick={() => onOpenLead(lead)}
      onKeyDown={handleKeyDown}
    >
      <td className="fl-td fl-td-strong">{lead.name}</td>
      <td className="fl-td">{lead.company ?? none}</td>
      <td className="fl-td">{lead.phone ?? none}</td>
      <td className="fl-td">
        <StageBadge stage={lead.stage} />
      </td>
      <td className="fl-td">
        <GradeBadge grade={lead.grade} />
        {modelVersion !== undefined && isScoreStale(lead, modelVersion) && (
          <StaleTag scoredVersion={lead.scoreModelVersion} currentVersion={modelVersion} />
        )}
      </td>
      <td className="fl-td" style={{ textAlign: 'right' }}>
        {lead.score === null ? none : formatNumber(lead.score, language)}
      </td>
      <td className={lead.ownerId ? 'fl-td' : 'fl-td fl-td-dimmed'}>
        {lead.ownerId ? (ownerName ?? none) : t('leads.publicPool')}
      </td>
      <td className="fl-td">{lead.source ?? none}</td>
      <td className="fl-td">{formatDate(lead.createdAt, language)}</td>
    </tr>
  );
});

export function LeadsTable({
  query,
  onSortChange,
  onOpenLead,
}: {
  query: LeadQuery & { sort: LeadSortField; direction: 'asc' | 'desc' };
  onSortChange: (sort: LeadSort) => void;
  onOpenLead: (lead: Lead) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const repNames = useRepNames();
  const modelVersion = useCurrentModelVersion();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState({ first: 0, last: 60 });
  const pages = useLeadPages(query, visible);
  const total = pages.total ?? 0;

  const handleRangeChange = useCallback((instance: Virtualizer<HTMLDivElement, Element>) => {
    const range = instance.range;
    if (!range) return;
    setVisible((previous) =>
      previous.first === range.startIndex && previous.last === range.endIndex
        ? previous
        : { first: range.startIndex, last: range.endIndex },
    );
  }, []);
  const getScrollElement = useCallback(() => scrollRef.current, []);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement,
    estimateSize: estimateRowHeight,
    overscan: 12,
    // Keys by index inside the virtualizer (a key function that changes with each page would make it re-measure all
    // 100k rows per render); React rows below are keyed by lead id.
    onChange: handleRangeChange,
  });

  // A new filter or sort starts at the top: row 5,000 of the old order means nothing in the new one.
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom =
    items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  if (pages.error && pages.total === null) {
    return (
      <Alert color="red" title={t('common.errorTitle')}>
        {pages.error.message}
      </Alert>
    );
  }

  return (
    <div
      ref={scrollRef}
      style={{
        flex: 1,
        minHeight: 0,
        overflow: 'auto',
        opacity: pages.isStale ? 0.6 : 1,
        transition: 'opacity 120ms',
      }}
      data-testid="leads-scroll"
    >
      <Table
        stickyHeader
        layout="fixed"
        highlightOnHover={false}
        verticalSpacing={0}
        horizontalSpacing="sm"
        aria-label={t('leads.tableLabel')}
        aria-rowcount={total + 1}
        miw={960}
        data-testid="leads-table"
      >
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {COLUMNS.map((column) => {
              const label = t(`leads.columns.${column.key}`);
              const isSorted = column.sort !== undefined && query.sort === column.sort;
              const SortIcon = !isSorted
                ? IconSortNone
                : query.direction === 'asc'
                  ? IconSortAsc
                  : IconSortDesc;
              return (
                <Table.Th
                  key={column.key}
                  ta={column.align}
                  h={40}
                  aria-sort={isSorted ? (query.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {column.sort ? (
                    <button
                      type="button"
                      className="fl-sort-button"
                      onClick={() =>
                        onSortChange(
                          nextSort(
                            { field: query.sort, direction: query.direction },
                            column.sort as LeadSortField,
                          ),
                        )
                      }
                      title={t('leads.sortBy', { column: label })}
                    >
                      {label}
                      <SortIcon size={14} style={{ opacity: isSorted ? 1 : 0.35 }} />
                    </button>
                  ) : (
                    label
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: paddingTop, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const lead = pages.rowAt(item.index);
            return (
              <LeadRow
                key={lead?.id ?? `row-${item.index}`}
                lead={lead}
                index={item.index}
                ownerName={lead?.ownerId ? (repNames.get(lead.ownerId) ?? null) : null}
                language={language}
                modelVersion={modelVersion}
                onOpenLead={onOpenLead}
              />
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: paddingBottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
      {pages.total === 0 && (
        <Center py="xl">
          <Text c="dimmed">{t('leads.empty')}</Text>
        </Center>
      )}
      {pages.total === null && (
        <Center py="xl">
          <Text c="dimmed">{t('app.loading')}</Text>
        </Center>
      )}
    </div>
  );
}

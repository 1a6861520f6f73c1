// The lead table: virtualized rows over server-side pages, sortable headers, keyboard-openable rows.
import { Alert, Center, Skeleton, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadSortField } from '../../../../core/domain/lead-list';
import type { Lead } from '../../../../core/domain/lead';
import { useRepNames } from '../../api/queries';
import { formatDate, formatNumber } from '../../ui/format';
import { GradeBadge } from '../../ui/GradeBadge';
import { IconSortAsc, IconSortDesc, IconSortNone } from '../../ui/icons';
import { useLanguage } from '../../ui/use-language';
import { StageBadge } from './StageBadge';
import { useLeadPages, type LeadQuery } from './use-lead-pages';

const ROW_HEIGHT = 44;

export interface LeadSort {
  readonly field: LeadSortField;
  readonly direction: 'asc' | 'desc';
}

type ColumnKey =
  'name' | 'company' | 'phone' | 'stage' | 'grade' | 'score' | 'owner' | 'source' | 'createdAt';

const COLUMNS: readonly { key: ColumnKey; width: string; sort?: LeadSortField; align?: 'right' }[] = [
  { key: 'name', width: '11%', sort: 'name' },
  { key: 'company', width: '19%', sort: 'company' },
  { key: 'phone', width: '14%' },
  { key: 'stage', width: '10%', sort: 'stage' },
  { key: 'grade', width: '7%' },
  { key: 'score', width: '7%', sort: 'score', align: 'right' },
  { key: 'owner', width: '9%' },
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
  const scrollRef = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState({ first: 0, last: 60 });
  const pages = useLeadPages(query, visible);
  const total = pages.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => pages.rowAt(index)?.id ?? `row-${index}`,
    onChange: (instance) => {
      const range = instance.range;
      if (!range) return;
      setVisible((previous) =>
        previous.first === range.startIndex && previous.last === range.endIndex
          ? previous
          : { first: range.startIndex, last: range.endIndex },
      );
    },
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

  function handleRowKey(event: KeyboardEvent<HTMLTableRowElement>, lead: Lead | undefined): void {
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

  function cell(lead: Lead, key: ColumnKey) {
    switch (key) {
      case 'name':
        return (
          <Text fw={600} size="sm" className="fl-ellipsis">
            {lead.name}
          </Text>
        );
      case 'company':
        return lead.company ?? t('common.none');
      case 'phone':
        return lead.phone ?? t('common.none');
      case 'stage':
        return <StageBadge stage={lead.stage} />;
      case 'grade':
        return <GradeBadge grade={lead.grade} />;
      case 'score':
        return lead.score === null ? t('common.none') : formatNumber(lead.score, language);
      case 'owner':
        return lead.ownerId ? (
          (repNames.get(lead.ownerId) ?? t('common.none'))
        ) : (
          <Text size="sm" c="dimmed" span>
            {t('leads.publicPool')}
          </Text>
        );
      case 'source':
        return lead.source ?? t('common.none');
      case 'createdAt':
        return formatDate(lead.createdAt, language);
    }
  }

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
              <Table.Tr
                key={item.key}
                className={lead ? 'fl-lead-row' : undefined}
                style={{ height: ROW_HEIGHT }}
                tabIndex={lead ? 0 : -1}
                aria-rowindex={item.index + 2}
                data-lead-id={lead?.id}
                onClick={lead ? () => onOpenLead(lead) : undefined}
                onKeyDown={(event) => handleRowKey(event, lead)}
              >
                {COLUMNS.map((column) => (
                  <Table.Td key={column.key} ta={column.align} className="fl-ellipsis" fz="sm">
                    {lead ? cell(lead, column.key) : <Skeleton height={12} radius="sm" />}
                  </Table.Td>
                ))}
              </Table.Tr>
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

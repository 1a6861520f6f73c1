// The lead table: virtualized rows over server-side pages, sortable headers, keyboard-openable rows, and (for the team
// lead) a checkbox column to select leads.
import { Alert, Center, Table, Text } from '@mantine/core';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type Dispatch,
  type SetStateAction,
} from 'react';
import type { LeadSortField } from '../../../../core/domain/lead-list';
import type { Lead } from '../../../../core/domain/lead';
import { useRepNames } from '../../api/queries';
import { useCurrentModelVersion } from '../scoring/scoring-queries';
import { IconSortAsc, IconSortDesc, IconSortNone } from '../../ui/icons';
import { useLanguage } from '../../ui/use-language';
import { useLeadsTranslation } from './bundle';
import { COLUMNS, LeadRow } from './LeadRow';
import { useLeadPages, type LeadPages, type LeadQuery } from './use-lead-pages';

const ROW_HEIGHT = 44;
const SELECT_COLUMN_WIDTH = 40;
const estimateRowHeight = () => ROW_HEIGHT;

export interface LeadSort {
  readonly field: LeadSortField;
  readonly direction: 'asc' | 'desc';
}

/** The leads ticked in the table, by id, owned by the page so it can act on them and clear them. */
export interface LeadSelection {
  readonly selected: ReadonlySet<string>;
  readonly onChange: Dispatch<SetStateAction<ReadonlySet<string>>>;
}

/** Toggles one row, or with a range (shift-click) gives every loaded row from the anchor on the clicked row's new state. */
function toggleSelection(
  previous: ReadonlySet<string>,
  leadId: string,
  range: readonly string[] = [],
): ReadonlySet<string> {
  const isSelecting = !previous.has(leadId);
  const next = new Set(previous);
  for (const id of [...range, leadId]) {
    if (isSelecting) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** Text columns read naturally A→Z; numbers and dates newest/highest first. */
function nextSort(current: LeadSort, field: LeadSortField): LeadSort {
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
  selection = null,
}: {
  query: LeadQuery & { sort: LeadSortField; direction: 'asc' | 'desc' };
  onSortChange: (sort: LeadSort) => void;
  onOpenLead: (lead: Lead) => void;
  /** Null: no checkbox column (only the team lead has actions for a selection). */
  selection?: LeadSelection | null;
}) {
  const { t } = useLeadsTranslation();
  const language = useLanguage();
  const repNames = useRepNames();
  const modelVersion = useCurrentModelVersion();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState({ first: 0, last: 60 });
  const pages = useLeadPages(query, visible);
  const total = pages.total ?? 0;
  const columnCount = COLUMNS.length + (selection ? 1 : 0);

  // The row callback stays the same function for the table's life, so ticking one row re-renders only that row; it
  // reads the rows and the selection handler of the latest render through refs.
  const latest = useRef<{ pages: LeadPages; onChange: LeadSelection['onChange'] | null }>({
    pages,
    onChange: null,
  });
  useLayoutEffect(() => {
    latest.current = { pages, onChange: selection?.onChange ?? null };
  });
  const anchorRef = useRef<number | null>(null);
  const handleToggleSelected = useCallback((leadId: string, index: number, isRange: boolean) => {
    const { pages: current, onChange } = latest.current;
    if (!onChange) return;
    const anchor = anchorRef.current;
    const range: string[] = [];
    if (isRange && anchor !== null && anchor !== index) {
      for (let row = Math.min(anchor, index); row <= Math.max(anchor, index); row += 1) {
        const lead = current.rowAt(row);
        if (lead) range.push(lead.id);
      }
    }
    anchorRef.current = index;
    onChange((previous) => toggleSelection(previous, leadId, range));
  }, []);

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
    anchorRef.current = null;
  }, [queryKey]);

  // The header box covers the rows in hand: all of them ticked, some, or none.
  let loadedIds: string[] = [];
  let selectedLoaded = 0;
  if (selection) {
    loadedIds = pages.isStale ? [] : pages.loadedLeads().map((lead) => lead.id);
    for (const leadId of loadedIds) if (selection.selected.has(leadId)) selectedLoaded += 1;
  }
  const isAllLoadedSelected = loadedIds.length > 0 && selectedLoaded === loadedIds.length;
  const toggleAllLoaded = () => {
    if (!selection) return;
    anchorRef.current = null;
    selection.onChange((previous) => {
      if (isAllLoadedSelected) return new Set();
      const next = new Set(previous);
      for (const leadId of loadedIds) next.add(leadId);
      return next;
    });
  };

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
          {selection && <col style={{ width: SELECT_COLUMN_WIDTH }} />}
          {COLUMNS.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {selection && (
              <Table.Th h={40} className="fl-td-select">
                <input
                  type="checkbox"
                  className="fl-checkbox"
                  ref={(element) => {
                    if (element) element.indeterminate = !isAllLoadedSelected && selection.selected.size > 0;
                  }}
                  checked={isAllLoadedSelected}
                  disabled={loadedIds.length === 0}
                  onChange={toggleAllLoaded}
                  aria-label={
                    isAllLoadedSelected
                      ? t('leads.selection.clearLoaded')
                      : t('leads.selection.selectLoaded', { count: loadedIds.length })
                  }
                  data-testid="lead-select-all"
                />
              </Table.Th>
            )}
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
              <td colSpan={columnCount} style={{ height: paddingTop, padding: 0, border: 0 }} />
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
                isSelected={selection ? lead !== undefined && selection.selected.has(lead.id) : undefined}
                onToggleSelected={handleToggleSelected}
              />
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingBottom, padding: 0, border: 0 }} />
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

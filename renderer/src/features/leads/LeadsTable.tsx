// The lead table: virtualized rows over server-side pages, sortable headers, keyboard-openable rows, and (for the team
// lead) a checkbox column to select leads.
import { Alert, Center, Skeleton, Table, Text } from '@mantine/core';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type Dispatch,
  type KeyboardEvent,
  type SetStateAction,
} from 'react';
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
import { useLeadsTranslation } from './bundle';
import { StageBadge } from './StageBadge';
import { useLeadPages, type LeadPages, type LeadQuery } from './use-lead-pages';

const ROW_HEIGHT = 44;
const SELECT_COLUMN_WIDTH = 40;
const estimateRowHeight = () => ROW_HEIGHT;

export interface LeadSort {
  readonly field: LeadSortField;
  readonly direction: 'asc' | 'desc';
}

type ColumnKey =
  'name' | 'company' | 'phone' | 'stage' | 'grade' | 'score' | 'owner' | 'source' | 'createdAt';

const COLUMNS: readonly { key: ColumnKey; width: string; sort?: LeadSortField; align?: 'right' }[] = [
  { key: 'name', width: '10%', sort: 'name' },
  { key: 'company', width: '17%', sort: 'company' },
  { key: 'phone', width: '13%' },
  { key: 'stage', width: '13%', sort: 'stage' },
  { key: 'grade', width: '7%' },
  { key: 'score', width: '7%', sort: 'score', align: 'right' },
  { key: 'owner', width: '10%' },
  { key: 'source', width: '11%' },
  { key: 'createdAt', width: '12%', sort: 'createdAt' },
];

/** The leads ticked in the table, by id, owned by the page so it can act on them and clear them. */
export interface LeadSelection {
  readonly selected: ReadonlySet<string>;
  readonly onChange: Dispatch<SetStateAction<ReadonlySet<string>>>;
}

/** Toggles one row, or with a range (shift-click) gives every loaded row from the anchor on the clicked row's new state. */
export function toggleSelection(
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
  isSelected,
  onToggleSelected,
}: {
  lead: Lead | undefined;
  index: number;
  ownerName: string | null;
  language: Language;
  /** The scoring model in force; a score from an older version is marked stale. */
  modelVersion: number | undefined;
  onOpenLead: (lead: Lead) => void;
  /** undefined when the table has no checkbox column. */
  isSelected: boolean | undefined;
  onToggleSelected: (leadId: string, index: number, isRange: boolean) => void;
}) {
  const { t } = useLeadsTranslation();
  const none = t('common.none');
  const hasCheckbox = isSelected !== undefined;
  if (!lead) {
    return (
      <tr className="fl-lead-row" aria-rowindex={index + 2}>
        {hasCheckbox && <td className="fl-td fl-td-select" />}
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
    // Space and Enter on the row's checkbox are the checkbox's own.
    if (event.target !== event.currentTarget && (event.key === 'Enter' || event.key === ' ')) return;
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
      data-selected={isSelected || undefined}
      onClick={() => onOpenLead(lead)}
      onKeyDown={handleKeyDown}
    >
      {hasCheckbox && (
        // The cell is the checkbox's: a click in it never opens the lead, and a near miss still ticks it.
        <td
          className="fl-td fl-td-select"
          // Shift-click would otherwise also select the text of every row in between.
          onMouseDown={(event) => {
            if (event.shiftKey) event.preventDefault();
          }}
          onClick={(event) => {
            event.stopPropagation();
            if (event.target === event.currentTarget) onToggleSelected(lead.id, index, event.shiftKey);
          }}
        >
          <input
            type="checkbox"
            className="fl-checkbox"
            checked={isSelected}
            // React fires a checkbox's change from its click, so the native event says whether shift was held.
            onChange={(event) =>
              onToggleSelected(lead.id, index, (event.nativeEvent as Partial<MouseEvent>).shiftKey === true)
            }
            aria-label={t('leads.selection.selectLead', { name: lead.name })}
            data-testid="lead-select"
          />
        </td>
      )}
      <td className="fl-td fl-td-strong">{lead.name}</td>
      <td className="fl-td">{lead.company ?? none}</td>
      <td className="fl-td">{lead.phone ?? none}</td>
      <td className="fl-td">
        <StageBadge stage={lead.stage} />
      </td>
      <td className="fl-td" data-testid="lead-grade">
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

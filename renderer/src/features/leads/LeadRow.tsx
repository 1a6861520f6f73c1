// One row of the lead table (or its skeleton while its page loads), and the table's columns: memoized so scrolling
// renders only the rows that come into view; Enter/Space open the lead, the arrows move between rows.
import { Skeleton } from '@mantine/core';
import { memo, type KeyboardEvent } from 'react';
import type { Lead } from '../../../../core/domain/lead';
import type { LeadSortField } from '../../../../core/domain/lead-list';
import type { Language } from '../../i18n';
import { formatDate, formatNumber } from '../../ui/format';
import { GradeBadge } from '../../ui/GradeBadge';
import { formatPhone } from '../funnel/work-format';
import { isScoreStale, StaleTag } from '../scoring/StaleMarker';
import { useLeadsTranslation } from './bundle';
import { StageBadge } from './StageBadge';

type ColumnKey =
  'name' | 'company' | 'phone' | 'stage' | 'grade' | 'score' | 'owner' | 'source' | 'createdAt';

export const COLUMNS: readonly { key: ColumnKey; width: string; sort?: LeadSortField; align?: 'right' }[] = [
  // At 1280 px a grouped international phone (+86 137 1236 3032) and a two-word name fit whole.
  { key: 'name', width: '13%', sort: 'name' },
  { key: 'company', width: '14%', sort: 'company' },
  { key: 'phone', width: '17%' },
  { key: 'stage', width: '13%', sort: 'stage' },
  { key: 'grade', width: '7%' },
  { key: 'score', width: '6%', sort: 'score', align: 'right' },
  { key: 'owner', width: '10%' },
  { key: 'source', width: '9%' },
  { key: 'createdAt', width: '11%', sort: 'createdAt' },
];

/** One row; memoized so scrolling renders only the rows that come into view. */
export const LeadRow = memo(function LeadRow({
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
            aria-label={t('leads.selection.selectLead', { name: lead.name || lead.company })}
            data-testid="lead-select"
          />
        </td>
      )}
      <td className="fl-td fl-td-strong" data-testid="lead-name">
        {lead.name || lead.company}
      </td>
      <td className="fl-td">{lead.company ?? none}</td>
      <td className="fl-td" data-testid="lead-phone">
        {lead.phone ? formatPhone(lead.phone) : none}
      </td>
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

// The Leads page: filters, the virtualized table of every lead the actor may see, the drawer and "Add lead".
import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../../core/domain/lead';
import { formatNumber } from '../../ui/format';
import { IconPlus } from '../../ui/icons';
import { useLanguage } from '../../ui/use-language';
import { LeadsDrillBanner } from '../dashboard/LeadsDrillBanner';
import { useLeadsDrill } from '../dashboard/leads-drill';
import { useActor } from '../distribution/distribution-queries';
import { DuplicatesButton } from '../duplicates/DuplicatesButton';
import { LeadsExportButton } from '../import/LeadsExportButton';
import { useWorkTranslation } from '../funnel/work-i18n';
import { DistributeWithPreview } from '../pool/DistributeWithPreview';
import { describeEntryOutcome, type EntryOutcomeView } from './EntryCheck';
import { ImportBatchBanner } from './ImportBatchBanner';
import { useLeadsImportBatch } from './import-batch-link';
import { LeadDrawer } from './LeadDrawer';
import { LeadFilters, NO_FILTERS, type LeadFilterValues } from './LeadFilters';
import { LeadForm } from './LeadForm';
import { LeadSelectionBar } from './LeadSelectionBar';
import { LeadsTable, type LeadSelection, type LeadSort } from './LeadsTable';
import { useLeadPages, type LeadQuery } from './use-lead-pages';

function toQuery(filters: LeadFilterValues, text: string): LeadQuery {
  const query: { -readonly [K in keyof LeadQuery]: LeadQuery[K] } = {};
  if (text.trim()) query.text = text.trim();
  if (filters.stages.length > 0) query.stages = [...filters.stages];
  if (filters.grades.length > 0) query.grades = [...filters.grades];
  if (filters.owner) query.owner = filters.owner;
  if (filters.source) query.source = filters.source;
  if (filters.includeHistory) query.includeHistory = true;
  return query;
}

const NOTHING_SELECTED: ReadonlySet<string> = new Set();

function LeadCount({ query }: { query: LeadQuery }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Same key as the table's first page, so this reads the cache instead of calling again.
  const { total } = useLeadPages(query, { first: 0, last: 0 });
  if (total === null) return null;
  return (
    <Text c="dimmed" size="sm" data-testid="lead-count">
      {t('leads.count', { formatted: formatNumber(total, language) })}
    </Text>
  );
}

export function LeadsPage() {
  const { t } = useTranslation();
  const { t: workT } = useWorkTranslation();
  const language = useLanguage();
  const [filters, setFilters] = useState<LeadFilterValues>(NO_FILTERS);
  const [debouncedText] = useDebouncedValue(filters.text, 300);
  const [sort, setSort] = useState<LeadSort>({ field: 'createdAt', direction: 'desc' });
  const [openLeadId, setOpenLeadId] = useState<string | null>(null);
  const [isAdding, setAdding] = useState(false);
  const openLead = useCallback((lead: Lead) => setOpenLeadId(lead.id), []);
  // Opened from a Dashboard count: only the leads behind it (the page's own filters narrow them further).
  const drill = useLeadsDrill();
  // Opened from an import's report or history: only the leads it added.
  const importBatch = useLeadsImportBatch();
  const filterQuery: LeadQuery = {
    ...toQuery(filters, debouncedText),
    ...(drill === null ? {} : { drill: drill.criteria }),
    ...(importBatch === null ? {} : { importBatchId: importBatch.batchId }),
  };
  const query = { ...filterQuery, sort: sort.field, direction: sort.direction };

  // Only the team lead has something to do with a selection of leads.
  const canSelect = useActor()?.role === 'lead';
  const [selected, setSelected] = useState<ReadonlySet<string>>(NOTHING_SELECTED);
  const clearSelection = useCallback(() => setSelected(NOTHING_SELECTED), [setSelected]);
  // Other filters mean other rows: what was ticked under the old ones is not what the user now sees.
  const filterKey = JSON.stringify(filterQuery);
  useEffect(() => clearSelection(), [filterKey, canSelect, clearSelection]);
  const selection: LeadSelection | null = canSelect ? { selected, onChange: setSelected } : null;

  return (
    <Stack gap="md" h="calc(100dvh - 56px - 2 * var(--mantine-spacing-lg))">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('leads.title')}</Title>
          <LeadCount query={query} />
        </div>
        <Group gap="sm">
          <LeadsExportButton filter={query} />
          <DuplicatesButton />
          <DistributeWithPreview />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="new-lead">
            {t('leads.add')}
          </Button>
        </Group>
      </Group>
      {drill !== null && <LeadsDrillBanner drill={drill} />}
      {importBatch !== null && <ImportBatchBanner batch={importBatch} />}
      <LeadFilters value={filters} onChange={setFilters} />
      {selection && selected.size > 0 && <LeadSelectionBar selected={selected} onClear={clearSelection} />}
      {/* At least five rows high: on a short window (200% zoom) the page scrolls rather than the table shrinking. */}
      <div
        style={{
          flex: 1,
          minHeight: 300,
          display: 'flex',
          flexDirection: 'column',
          background: 'var(--mantine-color-white)',
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 'var(--mantine-radius-md)',
          overflow: 'hidden',
        }}
      >
        <LeadsTable query={query} onSortChange={setSort} onOpenLead={openLead} selection={selection} />
      </div>
      <LeadDrawer leadId={openLeadId} onClose={() => setOpenLeadId(null)} />
      <Modal opened={isAdding} onClose={() => setAdding(false)} title={t('leadForm.createTitle')} size="xl">
        {isAdding && (
          <LeadForm
            onCancel={() => setAdding(false)}
            onSaved={(lead) => {
              setAdding(false);
              // 撞单 on entry: say who got the new lead and why, not just that it was added.
              const entry = 'entry' in lead ? (lead.entry as { outcome: EntryOutcomeView }) : null;
              notifications.show({
                color: 'teal',
                title: t('leads.created', { name: lead.name }),
                message:
                  entry === null ? undefined : describeEntryOutcome(workT, entry.outcome, language, 'after'),
              });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

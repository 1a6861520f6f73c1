// The lead table's filters: search text, stages, grades, owner (a rep or the public pool), source, and whether
// past leads (imported history) are shown.
import { Button, Checkbox, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GRADES, type FunnelStage, type Grade } from '../../../../core/domain/funnel';
import { useLeadFacets, useReps } from '../../api/queries';
import { useFunnelStages } from '../funnel/stage-labels';
import { IconSearch } from '../../ui/icons';

export interface LeadFilterValues {
  readonly text: string;
  readonly stages: readonly FunnelStage[];
  readonly grades: readonly Grade[];
  /** A rep id, `pool`, or null for anyone. */
  readonly owner: string | null;
  readonly source: string | null;
  /** Past leads (imported history) are shown only when asked for. */
  readonly includeHistory?: boolean;
}

export const NO_FILTERS: LeadFilterValues = { text: '', stages: [], grades: [], owner: null, source: null };

function hasFilters(filters: LeadFilterValues): boolean {
  return (
    filters.text.trim() !== '' ||
    filters.stages.length > 0 ||
    filters.grades.length > 0 ||
    filters.owner !== null ||
    filters.source !== null ||
    filters.includeHistory === true
  );
}

export function LeadFilters({
  value,
  onChange,
}: {
  value: LeadFilterValues;
  onChange: (next: LeadFilterValues) => void;
}) {
  const { t } = useTranslation();
  const reps = useReps(true);
  const facets = useLeadFacets();
  const stages = useFunnelStages();
  const ownerOptions = [
    { value: 'pool', label: t('leads.publicPool') },
    ...(reps.data ?? []).map((rep) => ({ value: rep.id as string, label: rep.name })),
  ];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        aria-label={t('leads.searchLabel')}
        placeholder={t('leads.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={value.text}
        onChange={(event) => onChange({ ...value, text: event.currentTarget.value })}
        w={240}
        type="search"
        data-testid="lead-search"
      />
      <MultiSelect
        aria-label={t('leads.stageFilter')}
        placeholder={value.stages.length === 0 ? t('leads.stageFilter') : undefined}
        data={stages.all.map((stage) => ({ value: stage.key, label: stage.pickerLabel }))}
        value={[...value.stages]}
        onChange={(stages) => onChange({ ...value, stages: stages as FunnelStage[] })}
        clearable
        w={200}
        maxDropdownHeight={280}
      />
      <MultiSelect
        aria-label={t('leads.gradeFilter')}
        placeholder={value.grades.length === 0 ? t('leads.gradeFilter') : undefined}
        data={GRADES.map((grade) => ({ value: grade, label: grade }))}
        value={[...value.grades]}
        onChange={(grades) => onChange({ ...value, grades: grades as Grade[] })}
        clearable
        w={140}
      />
      <Select
        aria-label={t('leads.ownerFilter')}
        placeholder={t('leads.ownerFilter')}
        data={ownerOptions}
        value={value.owner}
        onChange={(owner) => onChange({ ...value, owner })}
        clearable
        searchable
        w={150}
      />
      <Select
        aria-label={t('leads.sourceFilter')}
        placeholder={t('leads.sourceFilter')}
        data={facets.data?.sources ?? []}
        value={value.source}
        onChange={(source) => onChange({ ...value, source })}
        clearable
        searchable
        w={150}
      />
      <Checkbox
        label={t('leads.includeHistory')}
        checked={value.includeHistory === true}
        onChange={(event) => onChange({ ...value, includeHistory: event.currentTarget.checked })}
        data-testid="leads-include-history"
        mb={8}
      />
      {hasFilters(value) && (
        <Button variant="subtle" color="gray" onClick={() => onChange(NO_FILTERS)}>
          {t('leads.clearFilters')}
        </Button>
      )}
    </Group>
  );
}

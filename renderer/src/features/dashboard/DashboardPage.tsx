// The team lead's Dashboard: "现在 / Now" (this moment) apart from "本期 / This period" (the KPI row with targets,
// the period before and sparklines; funnel flow, sources with ROI, reps), every count opening its leads.
import { Alert, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useMemo, useState } from 'react';
import { REP_TIERS, type RepTier } from '../../../../core/domain/rep';
import { useLeadFacets, useReps, useTeamUtcOffset, useWorkspaceStatus } from '../../api/queries';
import { useDashboardTranslation } from './bundle';
import { periodOf } from '../../ui/team-period';
import { PRESETS, useKpis, useNow, type KpiQuery } from './dashboard-queries';
import { CalibrationTable } from './CalibrationTable';
import { DrillProvider } from './DrillContext';
import { KpiCards } from './KpiCards';
import { NowSection } from './NowSection';
import { PeriodCharts } from './PeriodCharts';
import { PeriodTables } from './PeriodTables';
import { PulseComments } from './PulseComments';
import { PrintButton, PrintHeader, useReportLine, useReportTitle } from './PrintReport';
import { TargetsButton } from './TargetsEditor';
import { RepDashboard } from './RepDashboard';

type Range =
  | { readonly kind: 'preset'; readonly days: number }
  | { readonly kind: 'custom'; readonly from: string; readonly to: string };

function Filters({ query, onChange }: { query: KpiQuery; onChange: (next: KpiQuery) => void }) {
  const { t } = useDashboardTranslation();
  const reps = useReps(false);
  const facets = useLeadFacets();
  const set = <K extends 'repId' | 'tier' | 'source'>(key: K, value: string | null) => {
    const next: Record<string, unknown> = { ...query };
    if (value === null) delete next[key];
    else next[key] = value;
    onChange(next as KpiQuery);
  };
  return (
    <Group gap="xs">
      <Select
        aria-label={t('dashboard.filters.rep')}
        placeholder={t('dashboard.filters.anyRep')}
        clearable
        searchable
        w={150}
        value={query.repId ?? null}
        data={(reps.data ?? []).map((rep) => ({ value: rep.id as string, label: rep.name }))}
        onChange={(value) => set('repId', value)}
      />
      <Select
        aria-label={t('dashboard.filters.tier')}
        placeholder={t('dashboard.filters.anyTier')}
        clearable
        w={130}
        value={query.tier ?? null}
        data={REP_TIERS.map((tier: RepTier) => ({ value: tier, label: t(`dashboard.filters.${tier}`) }))}
        onChange={(value) => set('tier', value)}
      />
      <Select
        aria-label={t('dashboard.filters.source')}
        placeholder={t('dashboard.filters.anySource')}
        clearable
        searchable
        w={150}
        value={query.source ?? null}
        data={facets.data?.sources ?? []}
        onChange={(value) => set('source', value)}
      />
    </Group>
  );
}

function TeamLeadDashboard() {
  const { t } = useDashboardTranslation();
  const [range, setRange] = useState<Range>({ kind: 'preset', days: 30 });
  const [filters, setFilters] = useState<KpiQuery>({ from: '', to: '' });
  const offset = useTeamUtcOffset();
  const period = useMemo(
    () => (range.kind === 'preset' ? periodOf(range.days, offset) : { from: range.from, to: range.to }),
    [range, offset],
  );
  const query: KpiQuery = { ...filters, ...period };
  const kpis = useKpis(query);
  // The page asks two calls: the period's figures, and "Now" with the same filters (its counts open the same leads).
  const now = useNow({ repId: filters.repId, tier: filters.tier, source: filters.source });
  const row = kpis.data;
  // While a new period or filter loads, the previous figures stay on screen but are not links: a count may only
  // open the leads of the very query it was computed for.
  const stale = kpis.isPlaceholderData || now.isPlaceholderData;
  const error = kpis.error ?? now.error;
  const reportLine = useReportLine(query);
  useReportTitle(reportLine);

  return (
    <Stack gap="lg" className="fl-print-body">
      <PrintHeader line={reportLine} />
      <div>
        <Title order={2}>{t('dashboard.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('dashboard.subtitle')}
        </Text>
      </div>
      {/* One row of controls under the title, left to right: beside a long title it wrapped below it and stood
          right-aligned in a box of its own, the period control floating over the filters. */}
      <Stack gap={4}>
        <Group gap="xs" className="fl-print-hide">
          <SegmentedControl
            aria-label={t('dashboard.period')}
            value={range.kind === 'preset' ? String(range.days) : 'custom'}
            onChange={(value) =>
              setRange(
                value === 'custom' ? { kind: 'custom', ...period } : { kind: 'preset', days: Number(value) },
              )
            }
            data={[
              ...PRESETS.map((n) => ({ value: String(n), label: t('dashboard.days', { count: n }) })),
              { value: 'custom', label: t('dashboard.custom') },
            ]}
          />
          {range.kind === 'custom' && (
            <DatePickerInput
              type="range"
              aria-label={t('dashboard.customRange')}
              w={240}
              valueFormat="YYYY-MM-DD"
              maxDate={periodOf(1, offset).to}
              value={[range.from, range.to]}
              onChange={([from, to]) => {
                if (from !== null && to !== null) setRange({ kind: 'custom', from, to });
              }}
            />
          )}
          <Filters query={query} onChange={(next) => setFilters(next)} />
          <TargetsButton />
          <PrintButton line={reportLine} />
        </Group>
        <Text size="xs" c="dimmed" data-testid="dashboard-range">
          {t('dashboard.range', period)}
          {row !== undefined && ` · ${t('dashboard.previousRange', row.previous)}`}
        </Text>
      </Stack>
      {error !== null ? (
        <Alert color="red">{t('dashboard.loadFailed', { message: error.message })}</Alert>
      ) : now.data === undefined || row === undefined ? (
        <Loader />
      ) : (
        <DrillProvider query={stale ? null : query}>
          <NowSection now={now.data} />
          <Stack
            gap="sm"
            component="section"
            aria-labelledby="dashboard-period-title"
            aria-busy={stale}
            data-testid="dashboard-period"
          >
            <div>
              <Title order={3} size="h3" id="dashboard-period-title">
                {t('dashboard.thisPeriod.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('dashboard.thisPeriod.hint', period)}
              </Text>
            </div>
            <KpiCards row={row} />
            <PeriodCharts row={row} query={query} />
            <PulseComments />
            <PeriodTables row={row} />
            <CalibrationTable query={query} />
          </Stack>
        </DrillProvider>
      )}
    </Stack>
  );
}

export function DashboardPage() {
  const { t } = useDashboardTranslation();
  const status = useWorkspaceStatus();
  if (status.data === undefined) return <Loader />;
  if (status.data.actor.role !== 'lead') {
    // A rep's own figures and the pulse; the team's page stays the team lead's.
    return (
      <Stack gap="md">
        <Alert color="blue" data-testid="dashboard-lead-only">
          {t('dashboard.leadOnly')}
        </Alert>
        <RepDashboard />
      </Stack>
    );
  }
  return <TeamLeadDashboard />;
}

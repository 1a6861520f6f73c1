// The assignment history's period (7/30/90 days or a range) and filters: rep or the pool, the rep's tier, grade then,
// how the lead was given (a kind of step, or the engine's method), source, and the response outcome (a rep: their own).
import { Group, SegmentedControl, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import dayjs from 'dayjs';
import type { CallInput } from '../../../../core/api/contract';
import { DISTRIBUTION_METHODS } from '../../../../core/domain/distribution/types';
import { GRADES } from '../../../../core/domain/funnel';
import { RESPONSE_OUTCOMES, type ResponseOutcome } from '../../../../core/domain/kpi/response-time';
import { REP_TIERS, type RepTier } from '../../../../core/domain/rep';
import { useReps, useTeamUtcOffset } from '../../api/queries';
import { useDistributionTranslation } from '../distribution/bundle';
import { periodOf } from '../../ui/team-period';
import { useRulesTranslation } from '../rules/bundle';
import { methodKey } from './assignment-words';
import { useTransparencyTranslation } from './bundle';
import type { AssignmentLogLink } from './log-link';

export type LogRange = { kind: 'preset'; days: number } | { kind: 'custom'; from: string; to: string };

export interface LogFilters {
  readonly repId: string | null;
  readonly grade: (typeof GRADES)[number] | null;
  /** `kind:<assignment kind>` or `method:<engine method>`. */
  readonly how: string | null;
  readonly source: string | null;
  readonly tier: RepTier | null;
  /** Hand-overs a response figure counts with this outcome (the Dashboard's "reached within target"). */
  readonly response: ResponseOutcome | null;
}

type Method = NonNullable<CallInput<'distribution.assignments'>['method']>;

export const NO_FILTERS: LogFilters = {
  repId: null,
  grade: null,
  how: null,
  source: null,
  tier: null,
  response: null,
};

const PRESETS = [7, 30, 90] as const;
const KINDS = ['auto', 'claim', 'manual', 'recycle', 'appeal', 'import', 'demo'] as const;
/** The methods an explanation records: an existing-customer rule is recorded as the affinity step that ran it. */
const METHODS = [...DISTRIBUTION_METHODS.filter((m) => m !== 'existing-customer'), 'affinity'];
/** The call refuses a period of a year or more. */
const MAX_SPAN_DAYS = 365;

export function periodOfRange(range: LogRange, utcOffsetMinutes?: number): { from: string; to: string } {
  return range.kind === 'preset'
    ? periodOf(range.days, utcOffsetMinutes)
    : { from: range.from, to: range.to };
}

/** The call's input for a range, filters and a page (numbered from 1). */
export function logInput(
  range: LogRange,
  filters: LogFilters,
  page: number,
  pageSize: number,
  utcOffsetMinutes?: number,
): CallInput<'distribution.assignments'> {
  const [howKind, howValue] = (filters.how ?? '').split(':');
  return {
    ...periodOfRange(range, utcOffsetMinutes),
    ...(filters.repId === null ? {} : { repId: filters.repId }),
    ...(filters.grade === null ? {} : { grade: filters.grade }),
    ...(howKind === 'kind' ? { kind: howValue as (typeof KINDS)[number] } : {}),
    ...(howKind === 'method' ? { method: howValue as Method } : {}),
    ...(filters.source === null ? {} : { source: filters.source }),
    ...(filters.tier === null ? {} : { tier: filters.tier }),
    ...(filters.response === null ? {} : { response: filters.response }),
    offset: (page - 1) * pageSize,
    limit: pageSize,
  };
}

/** The filters a link opens the log with (its period opens as a custom range). */
export function filtersOfLink(link: AssignmentLogLink): LogFilters {
  return {
    ...NO_FILTERS,
    repId: link.repId,
    grade: link.grade,
    tier: link.tier ?? null,
    source: link.source ?? null,
    response: link.response ?? null,
  };
}

export function AssignmentLogFilters({
  range,
  onRange,
  filters,
  onFilters,
  sources,
  ownRepId,
}: {
  range: LogRange;
  onRange: (range: LogRange) => void;
  filters: LogFilters;
  onFilters: (filters: LogFilters) => void;
  sources: readonly string[];
  /** A rep's own id: they may filter by response outcome only their own hand-overs. Null for the team lead. */
  ownRepId: string | null;
}) {
  const { t } = useTransparencyTranslation();
  const { t: dt } = useDistributionTranslation();
  const { t: rt } = useRulesTranslation();
  const reps = useReps(true);
  const offset = useTeamUtcOffset();
  const period = periodOfRange(range, offset);
  const set = (patch: Partial<LogFilters>) => {
    const next = { ...filters, ...patch };
    // Another rep's response outcomes are theirs: a rep's filter goes with their own rows.
    onFilters(ownRepId !== null && next.repId !== ownRepId ? { ...next, response: null } : next);
  };
  const canFilterResponse = ownRepId === null || filters.repId === ownRepId;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="assignment-log-filters">
      <SegmentedControl
        aria-label={t('transparency.log.period')}
        value={range.kind === 'preset' ? String(range.days) : 'custom'}
        onChange={(value) =>
          onRange(
            value === 'custom' ? { kind: 'custom', ...period } : { kind: 'preset', days: Number(value) },
          )
        }
        data={[
          ...PRESETS.map((n) => ({ value: String(n), label: t('transparency.log.days', { count: n }) })),
          { value: 'custom', label: t('transparency.log.custom') },
        ]}
      />
      {range.kind === 'custom' && (
        <DatePickerInput
          type="range"
          aria-label={t('transparency.log.customRange')}
          w={240}
          valueFormat="YYYY-MM-DD"
          maxDate={periodOf(1, offset).to}
          value={[range.from, range.to]}
          onChange={([from, to]) => {
            if (from === null || to === null) return;
            const earliest = dayjs(to).subtract(MAX_SPAN_DAYS, 'day').format('YYYY-MM-DD');
            onRange({ kind: 'custom', from: from < earliest ? earliest : from, to });
          }}
        />
      )}
      <Select
        aria-label={t('transparency.log.rep')}
        placeholder={t('transparency.log.allReps')}
        clearable
        searchable
        w={150}
        value={filters.repId}
        onChange={(repId) => set({ repId })}
        data={[
          ...(reps.data ?? []).map((rep) => ({ value: rep.id as string, label: rep.name })),
          { value: 'pool', label: t('transparency.log.pool') },
        ]}
        data-testid="assignment-log-rep"
      />
      <Select
        aria-label={t('transparency.log.grade')}
        placeholder={t('transparency.log.allGrades')}
        clearable
        w={110}
        value={filters.grade}
        onChange={(grade) => set({ grade: grade as LogFilters['grade'] })}
        data={GRADES.map((grade) => ({ value: grade, label: t('transparency.log.gradeOf', { grade }) }))}
        data-testid="assignment-log-grade"
      />
      <Select
        aria-label={t('transparency.log.how')}
        placeholder={t('transparency.log.allWays')}
        clearable
        w={200}
        value={filters.how}
        onChange={(how) => set({ how })}
        data={[
          {
            group: t('transparency.log.kinds'),
            items: KINDS.map((kind) => ({ value: `kind:${kind}`, label: dt(`distribution.kinds.${kind}`) })),
          },
          {
            group: t('transparency.log.methods'),
            items: METHODS.map((method) => ({ value: `method:${method}`, label: rt(methodKey(method)) })),
          },
        ]}
        data-testid="assignment-log-how"
      />
      <Select
        aria-label={t('transparency.log.source')}
        placeholder={t('transparency.log.allSources')}
        clearable
        searchable
        w={150}
        value={filters.source}
        onChange={(source) => set({ source })}
        data={[...new Set([...sources, ...(filters.source === null ? [] : [filters.source])])]}
        data-testid="assignment-log-source"
      />
      <Select
        aria-label={t('transparency.log.tier')}
        placeholder={t('transparency.log.allTiers')}
        clearable
        w={120}
        value={filters.tier}
        onChange={(tier) => set({ tier: tier as RepTier | null })}
        data={REP_TIERS.map((tier) => ({ value: tier, label: dt(`distribution.tiers.${tier}`) }))}
        data-testid="assignment-log-tier"
      />
      {canFilterResponse && (
        <Select
          aria-label={t('transparency.log.response')}
          placeholder={t('transparency.log.anyResponse')}
          clearable
          w={170}
          value={filters.response}
          onChange={(response) => set({ response: response as ResponseOutcome | null })}
          data={RESPONSE_OUTCOMES.map((outcome) => ({
            value: outcome,
            label: t(`transparency.log.responses.${outcome}`),
          }))}
          data-testid="assignment-log-response"
        />
      )}
    </Group>
  );
}

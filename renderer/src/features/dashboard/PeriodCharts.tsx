// The period's bar charts: response time by bucket of business minutes, the funnel with its conversions, and new
// leads per day. Every bar is a link to the Leads page listing the leads behind it (none while the figures are the
// previous query's).
import '@mantine/charts/styles.css';
import './period-charts.css';
import { BarChart } from '@mantine/charts';
import { Grid, Paper, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Language } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { useFunnelStages } from '../funnel/stage-labels';
import { useDashboardTranslation } from './bundle';
import { arrivalBars, durationParts, funnelBars, responseBars, type ChartBar } from './chart-bars';
import { formatDays, formatShare } from './dashboard-format';
import type { KpiQuery } from './dashboard-queries';
import { useResponseBuckets } from './dashboard-queries';
import { DefinitionTooltip } from './DefinitionTooltip';
import { useDrillQuery } from './DrillContext';
import type { KpiRow } from './KpiCards';
import { leadsDrillHref } from './leads-drill';

/** One bar as the chart draws it: its axis label, height, words, and its link (null: not a link). */
interface BarDatum {
  readonly label: string;
  readonly value: number;
  readonly name: string;
  readonly href: string | null;
  readonly count: number | null;
  readonly testId: string;
  readonly note?: string;
}

interface ShapeProps {
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  readonly fill?: string;
  readonly payload?: BarDatum;
  readonly background?: { x?: number; y?: number; width?: number; height?: number };
}

/** A bar drawn as an SVG link (a focusable `<a>` named by its words); a plain bar when it opens nothing. */
function BarShape(props: ShapeProps) {
  const { x = 0, y = 0, width = 0, height = 0, fill, payload, background } = props;
  const bar = <rect x={x} y={y} width={Math.max(0, width)} height={Math.max(0, height)} fill={fill} rx={2} />;
  if (payload === undefined || payload.href === null) return <g data-testid={payload?.testId}>{bar}</g>;
  return (
    <a
      href={payload.href}
      aria-label={payload.name}
      className="fl-bar-link"
      data-drill-link
      data-count={payload.count ?? undefined}
      data-testid={payload.testId}
    >
      {/* The whole column takes the click, so a short bar is as easy to hit as a tall one. */}
      <rect
        x={background?.x ?? x}
        y={background?.y ?? y}
        width={Math.max(0, background?.width ?? width)}
        height={Math.max(0, background?.height ?? height)}
        fill="transparent"
      />
      {bar}
      <title>{payload.name}</title>
    </a>
  );
}

/** Bars with their links: a bar opens its leads when the page's query is current and the bar counts some. */
function useBarData(
  bars: readonly ChartBar[],
  words: (bar: ChartBar) => { label: string; name: string; note?: string },
  testId: string,
): BarDatum[] {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const query = useDrillQuery();
  return bars.map((bar) => {
    const { label, name, note } = words(bar);
    const isLink = query !== null && bar.count !== null && bar.count > 0;
    return {
      label,
      value: bar.value,
      name: isLink
        ? `${name}${t('dashboard.charts.open', { count: formatNumber(bar.count ?? 0, language) })}`
        : name,
      href: isLink ? leadsDrillHref({ ...query, ...bar.drill }, name) : null,
      count: bar.count,
      testId: `${testId}-${bar.key}`,
      ...(note === undefined ? {} : { note }),
    };
  });
}

function ChartCard({
  title,
  definition,
  testId,
  children,
}: {
  title: string;
  definition: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId} component="figure" m={0}>
      <DefinitionTooltip definition={definition} w={340}>
        <Text size="sm" fw={600} tabIndex={0} component="figcaption" mb="xs">
          {title} ⓘ
        </Text>
      </DefinitionTooltip>
      {children}
    </Paper>
  );
}

/** "5 分钟" / "1 h" / "1 个工作日": a bucket edge in words. */
function durationWords(minutes: number, t: TFunction, language: Language): string {
  const { unit, count } = durationParts(minutes);
  return t(`dashboard.charts.${unit}`, { count, formatted: formatNumber(count, language) });
}

export function bucketWords(from: number, to: number | null, t: TFunction, language: Language): string {
  if (to === null) return t('dashboard.charts.over', { from: durationWords(from, t, language) });
  if (from === 0) return t('dashboard.charts.under', { to: durationWords(to, t, language) });
  // "5–15 分钟", not "5 分钟–15 分钟": the unit once when both ends share it.
  const lower = durationParts(from);
  return t('dashboard.charts.between', {
    from:
      lower.unit === durationParts(to).unit
        ? formatNumber(lower.count, language)
        : durationWords(from, t, language),
    to: durationWords(to, t, language),
  });
}

/** A category tick of a horizontal bar chart: the bar's name, and a dimmed second line when it has a note. */
function CategoryTick(props: {
  x?: number;
  y?: number;
  payload?: { value?: unknown };
  notes: ReadonlyMap<string, string>;
}) {
  const { x = 0, y = 0, payload, notes } = props;
  const label = String(payload?.value ?? '');
  const note = notes.get(label);
  return (
    <text x={x - 6} y={y} textAnchor="end" fontSize={12} fill="currentColor">
      <tspan x={x - 6} dy={note === undefined ? 4 : -2}>
        {label}
      </tspan>
      {note !== undefined && (
        <tspan x={x - 6} dy={14} fontSize={11} fill="var(--mantine-color-dimmed)">
          {note}
        </tspan>
      )}
    </text>
  );
}

const CHART_PROPS = {
  h: 220,
  withTooltip: false,
  gridAxis: 'y',
  // The bars are the keyboard's way in (links); recharts' own focusable layer would be a second, silent one.
  barChartProps: { accessibilityLayer: false, margin: { top: 4, right: 32, bottom: 0, left: 0 } },
  barProps: { shape: (props: unknown) => <BarShape {...(props as ShapeProps)} /> },
} as const;

function ResponseChart({ row, query }: { row: KpiRow; query: KpiQuery }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const buckets = useResponseBuckets(query);
  const histogram = row.response.current.histogram;
  const data = useBarData(
    responseBars(row, buckets.data),
    (bar) => {
      const bucket = histogram.find((b) => String(b.from) === bar.key);
      const words = bucketWords(bucket?.from ?? 0, bucket?.to ?? null, t, language);
      return {
        label: words,
        name: t('dashboard.charts.response.bar', { bucket: words, count: formatNumber(bar.value, language) }),
      };
    },
    'chart-response',
  );
  return (
    <ChartCard
      title={t('dashboard.charts.response.title')}
      definition={t('dashboard.charts.response.definition')}
      testId="chart-response"
    >
      {row.response.current.contacted === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.charts.response.empty')}
        </Text>
      ) : (
        <BarChart
          {...CHART_PROPS}
          data={data as unknown as Record<string, unknown>[]}
          dataKey="label"
          orientation="vertical"
          gridAxis="x"
          yAxisProps={{ width: 140, interval: 0 }}
          series={[{ name: 'value', label: t('dashboard.charts.response.series'), color: 'indigo.6' }]}
          withBarValueLabel
          valueFormatter={(value) => formatNumber(value, language)}
        />
      )}
    </ChartCard>
  );
}

function FunnelChart({ row }: { row: KpiRow }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const stages = useFunnelStages();
  const data = useBarData(
    funnelBars(row),
    (bar) => {
      const step = row.funnel.find((s) => s.stage === bar.key);
      const stage = stages.label(bar.key as Parameters<typeof stages.label>[0]);
      const reached = formatNumber(bar.value, language);
      // The conversion to the next stage and the average stay, where there is one (no stay ended: no average).
      const parts = [
        step?.toNext == null
          ? null
          : t('dashboard.charts.funnel.toNext', { value: formatShare(step.toNext, language) }),
        step?.averageDays == null
          ? null
          : t('dashboard.charts.funnel.days', { value: formatDays(step.averageDays, language) }),
      ].filter((part): part is string => part !== null);
      const note = parts.length === 0 ? undefined : parts.join(' · ');
      const name = t('dashboard.charts.funnel.bar', { stage, reached });
      return {
        label: stage,
        name: note === undefined ? name : `${name} · ${note}`,
        ...(note === undefined ? {} : { note }),
      };
    },
    'chart-funnel',
  );
  const notes = new Map(data.flatMap((d) => (d.note === undefined ? [] : [[d.label, d.note] as const])));
  return (
    <ChartCard
      title={t('dashboard.charts.funnel.title')}
      definition={t('dashboard.charts.funnel.definition')}
      testId="chart-funnel"
    >
      <BarChart
        {...CHART_PROPS}
        data={data as unknown as Record<string, unknown>[]}
        dataKey="label"
        orientation="vertical"
        gridAxis="x"
        yAxisProps={{
          width: 150,
          interval: 0,
          tick: (tick: object) => <CategoryTick {...tick} notes={notes} />,
        }}
        series={[{ name: 'value', label: t('dashboard.charts.funnel.series'), color: 'teal.6' }]}
        withBarValueLabel
        valueFormatter={(value) => formatNumber(value, language)}
      />
    </ChartCard>
  );
}

function ArrivalsChart({ row }: { row: KpiRow }) {
  const { t } = useDashboardTranslation();
  const language = useLanguage();
  const data = useBarData(
    arrivalBars(row),
    (bar) => ({
      label: bar.key.slice(5),
      name: t('dashboard.charts.arrivals.bar', { date: bar.key, count: formatNumber(bar.value, language) }),
    }),
    'chart-arrivals',
  );
  return (
    <ChartCard
      title={t('dashboard.charts.arrivals.title')}
      definition={t('dashboard.charts.arrivals.definition')}
      testId="chart-arrivals"
    >
      <BarChart
        {...CHART_PROPS}
        h={180}
        data={data as unknown as Record<string, unknown>[]}
        dataKey="label"
        series={[{ name: 'value', label: t('dashboard.charts.arrivals.series'), color: 'blue.6' }]}
      />
    </ChartCard>
  );
}

export function PeriodCharts({ row, query }: { row: KpiRow; query: KpiQuery }) {
  return (
    <Grid gap="md" data-testid="dashboard-charts">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <ResponseChart row={row} query={query} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <FunnelChart row={row} />
      </Grid.Col>
      <Grid.Col span={12}>
        <ArrivalsChart row={row} />
      </Grid.Col>
    </Grid>
  );
}

// How the Dashboard words its figures: shares, business minutes, money ratios, and a sample's interval.
import type { Language } from '../../i18n';
import { formatNumber } from '../../ui/format';

export function formatShare(value: number | null, language: Language): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** Two decimals at most: σ, Gini, averages. */
export function formatFigure(value: number | null, language: Language): string {
  return value === null ? '—' : formatNumber(Math.round(value * 100) / 100, language);
}

/** Average days in a stage to a tenth ("7.1", not "7.06"): a day's hundredths are noise. */
export function formatDays(value: number | null, language: Language): string {
  return value === null ? '—' : formatNumber(Math.round(value * 10) / 10, language);
}

/** A duration's number to the precision a reader uses: one decimal below 10 ("4.5"), whole from 10 on ("27"). */
function durationFigure(value: number, language: Language): string {
  return formatNumber(value < 10 ? Math.round(value * 10) / 10 : Math.round(value), language);
}

/** Business minutes as "12 min" (not "26.69 min"), or hours from two hours on ("2.5 h"). */
export function formatMinutes(
  minutes: number | null,
  language: Language,
  t: (key: string, options: { value: string }) => string,
): string {
  if (minutes === null) return '—';
  if (minutes < 119.5)
    return t('dashboard.kpi.response.minutes', { value: durationFigure(minutes, language) });
  return t('dashboard.kpi.response.hours', { value: durationFigure(minutes / 60, language) });
}

/** The hits behind a share: value × n, whole. */
export function hitsOf(estimate: { value: number | null; n: number }): number {
  return Math.round((estimate.value ?? 0) * estimate.n);
}

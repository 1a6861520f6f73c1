// Locale-aware display of numbers, money and dates, so tables and drawers agree on one format per language.
import dayjs from 'dayjs';
import type { Language } from '../i18n';

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language).format(value);
}

/** Money is integer fen on the wire; shown as yuan with two decimals. */
export function formatFen(fen: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

export function formatDate(epochMs: number, language: Language): string {
  return dayjs(epochMs).format(language === 'zh-CN' ? 'YYYY-MM-DD' : 'MMM D, YYYY');
}

export function formatDateTime(epochMs: number, language: Language): string {
  return dayjs(epochMs).format(language === 'zh-CN' ? 'YYYY-MM-DD HH:mm' : 'MMM D, YYYY HH:mm');
}

/** Today as ISO `YYYY-MM-DD` in local time, the form rep leave periods use. */
export function todayIsoDate(now: number = Date.now()): string {
  return dayjs(now).format('YYYY-MM-DD');
}

// Locale-aware display of numbers, money and dates, so tables and drawers agree on one format per language.
import dayjs from 'dayjs';
import type { Language } from '../i18n';

// Building an Intl formatter costs far more than using one: a scrolling table formats hundreds of cells a second.
const numberFormats = new Map<Language, Intl.NumberFormat>();
const moneyFormats = new Map<Language, Intl.NumberFormat>();

function cached(cache: Map<Language, Intl.NumberFormat>, language: Language, make: () => Intl.NumberFormat) {
  let format = cache.get(language);
  if (!format) {
    format = make();
    cache.set(language, format);
  }
  return format;
}

export function formatNumber(value: number, language: Language): string {
  return cached(numberFormats, language, () => new Intl.NumberFormat(language)).format(value);
}

/** Money is integer fen on the wire; shown as yuan with two decimals. */
export function formatFen(fen: number, language: Language): string {
  const format = cached(
    moneyFormats,
    language,
    () => new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }),
  );
  return format.format(fen / 100);
}

export function formatDate(epochMs: number, language: Language): string {
  return dayjs(epochMs).format(language === 'zh-CN' ? 'YYYY-MM-DD' : 'MMM D, YYYY');
}

export function formatDateTime(epochMs: number, language: Language): string {
  return dayjs(epochMs).format(language === 'zh-CN' ? 'YYYY-MM-DD HH:mm' : 'MMM D, YYYY HH:mm');
}

const listFormats = new Map<Language, Intl.ListFormat>();

/** A short list as each language writes one: 手机、邮箱、微信 in Chinese, "phone, email, WeChat" in English. */
export function formatList(values: readonly string[], language: Language): string {
  let format = listFormats.get(language);
  if (!format) {
    format = new Intl.ListFormat(language, { type: 'conjunction', style: 'narrow' });
    listFormats.set(language, format);
  }
  return format.format(values);
}

/** What follows a label before its value: 尚未联系：40 in Chinese (a full-width colon), "Not contacted yet: 40" in English. */
export function labelColon(language: Language): string {
  return language === 'zh-CN' ? '：' : ': ';
}

/** Today as ISO `YYYY-MM-DD` in local time, the form rep leave periods use. */
export function todayIsoDate(now: number = Date.now()): string {
  return dayjs(now).format('YYYY-MM-DD');
}

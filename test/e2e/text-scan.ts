// What the translation scan reads and how it judges it: every visible text and label on a page, the workspace's own
// data (names, companies, notes, typed in whichever language), and the rules for "this word is in the other
// language", "this is a raw key or id", "this date or duration is not in the UI's format".
import type { Page } from 'playwright-core';

/** Product, format and key names that stay as they are in the Chinese UI. */
const ALLOWED_LATIN = new Set(
  [
    'Fairlead',
    'SLA',
    'MQL',
    'SQL',
    'CSV',
    'TXT',
    'XLSX',
    'XLS',
    'Excel',
    'WPS',
    'UTF-8',
    'UTF-16',
    'UTF',
    'GBK',
    'GB18030',
    'PIN',
    'EN',
    'Enter',
    'Esc',
    'Tab',
    'Ctrl',
    'Alt',
    'Shift',
    'LAN',
    'HTTPS',
    'URL',
    'IP',
    'MB',
    'KB',
    'ID',
    'AUC',
    'BANT',
    'WeChat',
    'E.164',
    // 他/她 as written in everyday Chinese.
    'TA',
    'YYYY-MM-DD',
    'YYYY',
    'MM',
    'DD',
    // The backups folder's name on disk and the hub's command line, shown as they are.
    'backups',
    'npm',
    'run',
    'hub',
    'lan',
    'csv',
    'txt',
    'xlsx',
  ].map((word) => word.toLowerCase()),
);

/** Chinese the English UI keeps: the language switch names its own language. */
const ALLOWED_CJK = new Set(['中文', '简体中文']);

/** Fields whose values people typed (or the demo made up): shown as they are in either language. */
const DATA_KEYS = new Set([
  'name',
  'company',
  'email',
  'phone',
  'wechat',
  'title',
  'industry',
  'region',
  'regions',
  'skills',
  'product',
  'source',
  'campaign',
  'needs',
  'note',
  'notes',
  'comment',
  'nextStep',
  'leadName',
  'ownerName',
  'fromRepName',
  'repName',
  'detail',
  'lostReason',
  'lostReasons',
  'releaseNote',
  'customFields',
  'holidays',
  // The scoring model's criteria: the team's own labels and keywords.
  'label',
  'value',
]);

/** Every string under a data key of an API answer (custom fields: their names too), for the scan to leave alone. */
export function collectData(value: unknown, into: Set<string>, isData = false): void {
  if (typeof value === 'string') {
    if (isData) into.add(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectData(item, into, isData);
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // Custom field names are the team's own words (城市, 现有系统 …).
      if (isData) into.add(key);
      collectData(item, into, isData || DATA_KEYS.has(key));
    }
  }
}

/** Every visible text node and every visible label-like attribute, one entry each, trimmed. */
export async function readVisibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const element = node.parentElement;
      if (!element || element.closest('script, style, code, kbd, [aria-hidden="true"], [data-scan-skip]'))
        continue;
      if (!element.checkVisibility()) continue;
      const text = (node.textContent ?? '').trim();
      if (text) texts.push(text);
    }
    for (const element of document.querySelectorAll<HTMLElement>('[placeholder], [aria-label], [title]')) {
      if (!element.checkVisibility() || element.closest('[aria-hidden="true"], [data-scan-skip]')) continue;
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** Waits until the page stops changing: no loader shown and the same text twice in a row, 300 ms apart. */
export async function waitForSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const holder = window as unknown as { __scanSignature?: string };
      const signature = `${document.body.innerText.length}:${document.getElementsByTagName('*').length}`;
      const isSame = holder.__scanSignature === signature && !document.querySelector('.mantine-Loader-root');
      holder.__scanSignature = signature;
      return isSame;
    },
    null,
    { polling: 300, timeout: 20_000 },
  );
}

const EMAIL_OR_URL = /[\w.+-]+@[\w.-]+|https?:\/\/\S+|\b[\w-]+\.(?:com|cn|io|net|org)(?:\.cn)?\b/g;
const US_DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
const ENGLISH_DURATION = /\b\d+\s?(?:d|h|m|min|mins|hrs?|days?|hours?)\b/;

/** A label in Chinese followed by an ASCII colon and a space (负责人: 王芳), where Chinese writes a full-width one. */
const HALF_WIDTH_COLON = /[\u3400-\u9fff]: /;

/**
 * What is wrong with a text in the Chinese UI: English words, raw keys or ids, US dates, English durations, an
 * English colon after a Chinese label.
 */
export function judgeChinese(text: string, data: ReadonlySet<string>): string | null {
  if (US_DATE.test(text)) return 'mm/dd/yyyy date';
  if (HALF_WIDTH_COLON.test(text)) return 'half-width colon after Chinese';
  const plain = text.replace(EMAIL_OR_URL, ' ');
  if (ENGLISH_DURATION.test(plain)) return 'English duration';
  const words = (plain.match(/[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*/g) ?? []).filter(
    (word) =>
      !/^[A-Za-z]$/.test(word) &&
      // A version: v1, v12.
      !/^v\d+$/.test(word) &&
      !ALLOWED_LATIN.has(word.toLowerCase()) &&
      !data.has(word.toLowerCase()),
  );
  return words.length > 0 ? `English or raw: ${words.join(' ')}` : null;
}

/** What is wrong with a text in the English UI: Chinese that is not the workspace's data, or a US-style date. */
export function judgeEnglish(text: string, dataText: string): string | null {
  if (US_DATE.test(text)) return 'mm/dd/yyyy date';
  const runs = (text.match(/[\u3400-\u9fff]+/g) ?? []).filter(
    (run) => !ALLOWED_CJK.has(run) && !dataText.includes(run),
  );
  return runs.length > 0 ? `Chinese: ${runs.join(' ')}` : null;
}

/** The data's Latin words, lower-cased, for the Chinese scan. */
export function latinWordsOf(data: ReadonlySet<string>): Set<string> {
  const words = new Set<string>();
  for (const value of data) {
    for (const word of value.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) words.add(word.toLowerCase());
    for (const word of value.match(/[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+/g) ?? [])
      words.add(word.toLowerCase());
  }
  return words;
}

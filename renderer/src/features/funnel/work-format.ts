// Words and numbers of the working pages per language: durations ("1天9小时" / "1d 9h"), a lead's next step, and
// phones grouped for display (as typed is what is stored and shown on hover; grouping is for reading only), with
// their tel: target.
import type { TFunction } from 'i18next';
import type { WorkCard } from '../../../../core/api/work/schemas';
import type { Language } from '../../i18n';
import { formatDateTime } from '../../ui/format';

/**
 * The two biggest units of a span, enough to decide what to do next: zh "1天9小时", "3小时5分", "12分钟";
 * en "1d 9h", "3h 05m", "12m". The sign is ignored (callers say "overdue" or "due in").
 */
export function formatSpan(ms: number, language: Language): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (language === 'zh-CN') {
    if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
    if (hours > 0) return mins > 0 ? `${hours}小时${mins}分` : `${hours}小时`;
    return `${mins}分钟`;
  }
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${String(mins).padStart(2, '0')}m`;
  return `${mins}m`;
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0B]/g;

function foldWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

interface PhoneParts {
  /** '+86', '+1', or '' when typed without a country code. */
  readonly country: string;
  readonly national: string;
}

/** A Chinese mobile or a NANP number as typed (with or without +86 / 0086 / +1), else null. */
function phoneParts(typed: string): PhoneParts | null {
  const folded = foldWidth(typed).trim();
  if (/[a-z转]/i.test(folded) || !/^[+\d\s\-().]+$/.test(folded)) return null;
  const hasPlus = folded.startsWith('+');
  let digits = folded.replace(/\D/g, '');
  if (!hasPlus && digits.startsWith('00')) digits = digits.slice(2);
  const international = hasPlus || /\D*00/.test(folded.slice(0, 3));
  if (/^1\d{10}$/.test(digits) && !international) return { country: '', national: digits };
  if (/^861\d{10}$/.test(digits)) return { country: '+86', national: digits.slice(2) };
  if (international && /^1[2-9]\d{9}$/.test(digits)) return { country: '+1', national: digits.slice(1) };
  return null;
}

/**
 * A phone grouped for reading: "138 0013 8000", "+86 138 0013 8000", "+1 415 555 0100". Anything else (a landline,
 * an extension, letters) is shown exactly as typed.
 */
export function formatPhone(typed: string): string {
  const parts = phoneParts(typed);
  if (parts === null) return typed.trim();
  const n = parts.national;
  const grouped =
    parts.country === '+1'
      ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`
      : `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  return parts.country === '' ? grouped : `${parts.country} ${grouped}`;
}

/** The `tel:` link of a typed phone: digits and a leading +, full-width folded; null when nothing is dialable. */
export function telHref(typed: string): string | null {
  // A pool lead's phone masked until claimed (138****8000) dials nobody.
  if (typed.includes('*')) return null;
  const folded = foldWidth(typed).split(/转|ext\.?|x/i)[0] ?? '';
  const digits = folded.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return digits.replace(/\D/g, '').length >= 3 ? `tel:${digits}` : null;
}

/**
 * A lead's next step on its queue row and kanban card, or null without one: "电话：发送案例 · 2026-12-05 10:00",
 * and with no words only the kind ("电话 · …") or "下一步 · …", never a colon with nothing after it.
 */
export function describeNextStep(
  card: Pick<WorkCard, 'nextKind' | 'nextStep' | 'nextAt'>,
  t: TFunction,
  language: Language,
): string | null {
  const step = card.nextStep?.trim() || null;
  if (step === null && card.nextAt === null) return null;
  const kind = card.nextKind === null ? null : t(`work.activity.kinds.${card.nextKind}`);
  const what =
    step === null
      ? (kind ?? t('work.queue.nextUnnamed'))
      : kind === null
        ? t('work.queue.next', { step })
        : t('work.queue.nextKind', { kind, step });
  const at = card.nextAt === null ? t('work.activity.noTime') : formatDateTime(card.nextAt, language);
  return `${what} · ${at}`;
}

// Plain sentences for criteria, score parts and learned factors, built from their structured fields.
import type { TFunction } from 'i18next';
import type { BehaviourEvent } from '../../../../core/domain/lead';
import type { Factor, LeadFactor } from '../../../../core/domain/scoring/learned';
import type { Criterion } from '../../../../core/domain/scoring/model';
import type { ScorePart } from '../../../../core/domain/scoring/engine';

const DAY_MS = 86_400_000;
const BANT_ENUM_FIELDS: ReadonlySet<string> = new Set(['bant.authority', 'bant.need', 'bant.timeline']);

/** The field's name in the UI language; custom fields show their own key. */
export function describeField(t: TFunction, field: string): string {
  if (field.startsWith('custom.')) return t('scoring.fields.custom', { key: field.slice('custom.'.length) });
  const key = `scoring.fields.${field}`;
  return t(key, { defaultValue: field });
}

/** A field value in the UI language: BANT answers are translated, everything else shown as stored. */
function describeValue(t: TFunction, field: string, value: string | number): string {
  if (typeof value === 'string' && BANT_ENUM_FIELDS.has(field)) {
    return t(`scoring.bantValues.${value}`, { defaultValue: value });
  }
  return String(value);
}

function formatBound(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

interface CriterionShape {
  readonly field: string;
  readonly operator: Criterion['operator'];
  readonly value?: Criterion['value'];
  readonly halfLifeDays?: number | null;
  readonly maxEvents?: number | null;
}

/** What the criterion tests, e.g. "职位含关键词 总经理、CEO" or "公司规模（人） 200–1,000". */
export function describeCondition(t: TFunction, criterion: CriterionShape): string {
  const field = describeField(t, criterion.field);
  const separator = t('scoring.describe.listSeparator');
  const { value } = criterion;
  switch (criterion.operator) {
    case 'equals':
      return t('scoring.describe.equals', {
        field,
        value: describeValue(t, criterion.field, value as string | number),
      });
    case 'contains':
      return t('scoring.describe.contains', { field, value: String(value) });
    case 'in':
    case 'keywords': {
      const list = Array.isArray(value) ? (value as readonly string[]) : [];
      const shown = list.slice(0, 4).map((v) => describeValue(t, criterion.field, v));
      const text = shown.join(separator) + (list.length > 4 ? `${separator}…` : '');
      return t(`scoring.describe.${criterion.operator}`, { field, value: text });
    }
    case 'range': {
      const range = (value ?? {}) as { min?: number | null; max?: number | null };
      const hasMin = range.min !== undefined && range.min !== null;
      const hasMax = range.max !== undefined && range.max !== null;
      if (hasMin && hasMax) {
        return t('scoring.describe.rangeBoth', {
          field,
          min: formatBound(range.min as number),
          max: formatBound(range.max as number),
        });
      }
      if (hasMin) return t('scoring.describe.rangeMin', { field, min: formatBound(range.min as number) });
      return t('scoring.describe.rangeMax', { field, max: formatBound((range.max as number) ?? 0) });
    }
    case 'exists':
      return t('scoring.describe.exists', { field });
    case 'event': {
      const kind = t(`scoring.events.${String(value)}`, { defaultValue: String(value) });
      const extras: string[] = [];
      if (criterion.halfLifeDays)
        extras.push(t('scoring.describe.eventHalfLife', { days: criterion.halfLifeDays }));
      if (criterion.maxEvents) extras.push(t('scoring.describe.eventMax', { count: criterion.maxEvents }));
      return extras.length > 0
        ? t('scoring.describe.withDetails', { head: kind, details: extras.join(separator) })
        : kind;
    }
  }
}

/** "+18" / "−5" / "0": the sign always shown, with a real minus sign. */
export function formatPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${Math.abs(points)}`;
  return '0';
}

function formatCount(value: number): string {
  if (value > 0 && value < 0.05) return '<0.1';
  return (Math.round(value * 10) / 10).toString();
}

/** Contact details are not repeated in explanations: "has WeChat" says enough. */
const PRIVATE_FIELDS: ReadonlySet<string> = new Set(['phone', 'email', 'wechat']);

/** Days between `at` and `now` as words: "今天", "3 天前". */
function describeAgo(t: TFunction, at: number, now: number): string {
  const days = Math.floor(Math.max(0, now - at) / DAY_MS);
  return days === 0 ? t('scoring.detail.today') : t('scoring.detail.daysAgo', { count: days });
}

/**
 * One part of a score as a sentence: the criterion's label (or its condition), then what about this lead made it
 * fire — keywords found, events counted and their decay, the latest event — and whether its dimension was capped.
 */
export function describeScorePart(
  t: TFunction,
  part: ScorePart,
  context: { readonly events?: readonly BehaviourEvent[]; readonly now?: number } = {},
): string {
  const head = part.label && part.label.trim() !== '' ? part.label : describeCondition(t, part);
  const details: string[] = [];
  const detail = part.detail ?? {};
  if (part.operator === 'event') {
    const count = detail.eventCount ?? 0;
    const counted = detail.countedEvents ?? count;
    details.push(
      counted < count
        ? t('scoring.detail.eventsCounted', { count, counted })
        : t('scoring.detail.events', { count }),
    );
    if (detail.decayedEvents !== undefined && Math.abs(detail.decayedEvents - counted) >= 0.05) {
      details.push(t('scoring.detail.decayed', { decayed: formatCount(detail.decayedEvents) }));
    }
    const latest = (context.events ?? [])
      .filter((event) => event.kind === part.value)
      .reduce<BehaviourEvent | null>(
        (best, event) => (best === null || event.at > best.at ? event : best),
        null,
      );
    if (latest && context.now !== undefined) {
      const ago = describeAgo(t, latest.at, context.now);
      details.push(
        latest.detail
          ? t('scoring.detail.latestWithDetail', { ago, detail: latest.detail })
          : t('scoring.detail.latest', { ago }),
      );
    }
  } else if (detail.matchedKeywords && detail.matchedKeywords.length > 0) {
    details.push(
      t('scoring.detail.matched', {
        keywords: detail.matchedKeywords.join(t('scoring.describe.listSeparator')),
      }),
    );
  } else if (
    detail.leadValue !== undefined &&
    part.operator !== 'equals' &&
    !PRIVATE_FIELDS.has(part.field) &&
    part.label !== undefined &&
    part.label.trim() !== ''
  ) {
    details.push(t('scoring.detail.leadValue', { value: describeValue(t, part.field, detail.leadValue) }));
  }
  if (detail.dimensionClamp === 'cap') details.push(t('scoring.detail.capped'));
  if (detail.dimensionClamp === 'floor') details.push(t('scoring.detail.floored'));
  return details.length > 0
    ? t('scoring.describe.withDetails', {
        head,
        details: details.join(t('scoring.describe.detailSeparator')),
      })
    : head;
}

/** A learned feature's name in words: `industry=制造` → "行业=制造", `downloads_recent` → "近期资料下载". */
export function describeFactorName(
  t: TFunction,
  factor: Pick<Factor | LeadFactor, 'name' | 'field'>,
): string {
  const { name } = factor;
  const eq = name.indexOf('=');
  // A typed custom column (issue 14): `custom.<key>` is its number or yes/no, `:missing` blank, `:binN` a
  // quantile bin, `:other` its rare values together.
  if (eq < 0 && name.startsWith('custom.')) {
    const typed = /^(custom\..*?)(?::(missing|other|bin(\d+)))?$/.exec(name);
    const column = describeField(t, typed?.[1] ?? name);
    const part = typed?.[2];
    if (part === undefined) return column;
    if (part === 'missing' || part === 'other') return t(`scoring.factorNames.custom_${part}`, { column });
    return t('scoring.factorNames.custom_bin', { column, bin: typed?.[3] ?? '' });
  }
  if (eq < 0) return t(`scoring.factorNames.${name}`, { defaultValue: name });
  const key = name.slice(0, eq);
  const value = name.slice(eq + 1);
  if (key === 'title_level') {
    return `${t('scoring.factorNames.title_level')}=${t(`scoring.factorNames.titleLevels.${value}`, { defaultValue: value })}`;
  }
  if (key === 'size_bucket') {
    return `${t('scoring.factorNames.size_bucket')}=${t('scoring.factorNames.sizeBucket', { bucket: value })}`;
  }
  return `${describeField(t, key)}=${describeValue(t, key, value)}`;
}

/** An odds ratio as the multiplier people read: 2.3, 0.45. */
export function formatOddsRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  return ratio >= 10 ? ratio.toFixed(0) : ratio >= 1 ? ratio.toFixed(1) : ratio.toFixed(2);
}

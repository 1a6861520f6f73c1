// Whether one field criterion of a scoring model fires on a lead's value (equals, in, contains, range, exists,
// keywords), compiled once per criterion.
import { normalizeText } from './fields';
import type { FieldCriterion } from './model';

/** A compiled criterion: the raw value and its comparable (normalizeText) form → fires or not. */
export type FieldMatcher = (raw: string | number, norm: string) => boolean;

function toNumber(raw: string | number): number | null {
  if (typeof raw === 'number') return raw;
  const t = raw.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The model's keywords with their comparable forms; blank ones dropped. */
export function normalizeKeywords(values: readonly string[] | undefined) {
  return (values ?? [])
    .map((k) => ({ original: k, norm: normalizeText(String(k)) }))
    .filter((k) => k.norm !== '');
}

/** Compiles a field criterion's test; `range` is min ≤ x < max, `keywords` fires on any keyword found. */
export function compileMatcher(criterion: FieldCriterion): FieldMatcher {
  switch (criterion.operator) {
    case 'equals': {
      const wanted = criterion.value;
      const wantedText = normalizeText(String(wanted));
      const wantedNumber = typeof wanted === 'number' ? wanted : toNumber(wanted);
      return (raw, norm) =>
        typeof raw === 'number' ? wantedNumber !== null && raw === wantedNumber : norm === wantedText;
    }
    case 'in': {
      const set = new Set((criterion.value ?? []).map((v) => normalizeText(String(v))));
      return (_raw, norm) => set.has(norm);
    }
    case 'contains': {
      const needle = normalizeText(String(criterion.value ?? ''));
      return (_raw, norm) => needle !== '' && norm.includes(needle);
    }
    case 'range': {
      const min = criterion.value?.min ?? null;
      const max = criterion.value?.max ?? null;
      return (raw) => {
        const x = toNumber(raw);
        return x !== null && (min === null || x >= min) && (max === null || x < max);
      };
    }
    case 'exists':
      return () => true;
    case 'keywords': {
      const keywords = normalizeKeywords(criterion.value).map((k) => k.norm);
      return (_raw, norm) => {
        for (const k of keywords) if (norm.includes(k)) return true;
        return false;
      };
    }
  }
}

/** True when a field criterion fires on this (non-empty) field value; used to map learned features to criteria. */
export function criterionMatchesValue(criterion: FieldCriterion, value: string | number): boolean {
  return compileMatcher(criterion)(value, normalizeText(String(value)));
}

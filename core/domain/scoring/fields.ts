// Reading a scorable field from a lead, for criteria and learned features alike.
import type { Lead } from '../lead';
import type { ScorableField } from './model';

export type FieldValue = string | number | null;

const NON_BLANK = /\S/;

/** A reader for one field; unknown fields read as null. Empty or whitespace-only text reads as null. */
export function compileFieldReader(field: ScorableField | string): (lead: Lead) => FieldValue {
  const text = (pick: (lead: Lead) => string | null | undefined) => (lead: Lead) => {
    const v = pick(lead);
    // A regex test finds blank text without allocating a trimmed copy.
    return v === null || v === undefined || !NON_BLANK.test(v) ? null : v;
  };
  const num = (pick: (lead: Lead) => number | null | undefined) => (lead: Lead) => {
    const v = pick(lead);
    return v === null || v === undefined || !Number.isFinite(v) ? null : v;
  };
  if (field.startsWith('custom.')) {
    const key = field.slice('custom.'.length);
    return text((lead) => (Object.hasOwn(lead.customFields, key) ? lead.customFields[key] : null));
  }
  switch (field) {
    case 'title':
      return text((l) => l.title);
    case 'industry':
      return text((l) => l.industry);
    case 'region':
      return text((l) => l.region);
    case 'product':
      return text((l) => l.product);
    case 'source':
      return text((l) => l.source);
    case 'campaign':
      return text((l) => l.campaign);
    case 'needs':
      return text((l) => l.needs);
    case 'company':
      return text((l) => l.company);
    case 'email':
      return text((l) => l.email);
    case 'phone':
      return text((l) => l.phone);
    case 'wechat':
      return text((l) => l.wechat);
    case 'companySize':
      return num((l) => l.companySize);
    case 'costFen':
      return num((l) => l.costFen);
    case 'bant.budget':
      return num((l) => l.bant.budget);
    case 'bant.authority':
      return text((l) => l.bant.authority);
    case 'bant.need':
      return text((l) => l.bant.need);
    case 'bant.timeline':
      return text((l) => l.bant.timeline);
    default:
      return () => null;
  }
}

/** The comparable form of text: trimmed and lower-cased (Chinese is unaffected). */
export function normalizeText(value: string): string {
  return value.trim().toLowerCase();
}

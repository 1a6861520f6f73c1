// Features of a lead for the learned conversion model, each with a human-readable name and its source field.
import { DAY_MS } from '../clock';
import type { BehaviourKind, Lead } from '../lead';
import { BEHAVIOUR_KINDS } from '../lead';
import type { CustomEncoder } from './custom-encoding';
import { encodeCustomFields } from './custom-encoding';
import { DECISION_MAKER_TITLE_KEYWORDS, MANAGER_TITLE_KEYWORDS } from './default-model';
import { normalizeText } from './fields';

export type TitleLevel = 'decision_maker' | 'manager' | 'staff' | 'unknown';

/**
 * One feature value. `name` is what people read (`industry=制造`, `title_level=decision_maker`, `downloads_recent`);
 * `field` is the lead field it comes from (`industry`, `title`, `events.download`, `bant.budget`, `custom.<key>`),
 * used for exclusions and to map features back to rule criteria; `probe` is the field value a one-hot stands for.
 */
export interface Feature {
  readonly name: string;
  readonly field: string;
  readonly value: number;
  readonly probe?: string | number;
}

export interface FeatureOptions {
  /** Half-life for behaviour counts, in days (default 30). */
  readonly halfLifeDays?: number;
  /** Drop features by field (`industry`), field prefix (`events`, `bant`, `custom`) or exact feature name. */
  readonly excludeFields?: readonly string[];
  /**
   * How custom fields enter (fitCustomEncoders): numbers as numbers, categories one-hot, free text left out.
   * Omitted (models trained before typed features): one one-hot per exact custom value.
   */
  readonly customEncoders?: readonly CustomEncoder[];
}

const SIZE_BUCKETS: ReadonlyArray<{ readonly name: string; readonly min: number }> = [
  { name: '1000+', min: 1000 },
  { name: '200-999', min: 200 },
  { name: '50-199', min: 50 },
  { name: '1-49', min: 1 },
];

const BEHAVIOUR_FEATURE_NAMES: Readonly<Record<BehaviourKind, string>> = {
  visit: 'visits_recent',
  download: 'downloads_recent',
  event: 'events_recent',
  email_open: 'email_opens_recent',
  form: 'forms_recent',
  call_in: 'calls_in_recent',
};

const DM = DECISION_MAKER_TITLE_KEYWORDS.map(normalizeText);
const MANAGER = MANAGER_TITLE_KEYWORDS.map(normalizeText);

/** Title level from keywords: decision-maker first (总经理 also contains 经理), then manager, else staff. */
export function classifyTitleLevel(title: string | null): TitleLevel {
  if (title === null || title.trim() === '') return 'unknown';
  const t = normalizeText(title);
  if (DM.some((k) => t.includes(k))) return 'decision_maker';
  if (MANAGER.some((k) => t.includes(k))) return 'manager';
  return 'staff';
}

/** The size bucket name for a head count, or null when unknown. */
export function bucketCompanySize(size: number | null): string | null {
  if (size === null || !Number.isFinite(size) || size <= 0) return null;
  return SIZE_BUCKETS.find((b) => size >= b.min)?.name ?? null;
}

/** True when `excludeFields` removes a feature with this name and field. */
export function isFeatureExcluded(name: string, field: string, excludeFields: readonly string[]): boolean {
  for (const x of excludeFields) {
    if (x === name || x === field || field.startsWith(`${x}.`) || name.startsWith(`${x}=`)) return true;
  }
  return false;
}

/**
 * The features of one lead as of `now` (epoch ms): one-hots for industry, region, source, product, raw title,
 * title level, size bucket, BANT answers; custom fields by their encoders (or one-hot); log(1 + decayed count) per behaviour kind;
 * log10(1 + budget) and whether needs were written. Absent values produce no feature. Pure and deterministic.
 */
export function extractFeatures(lead: Lead, now: number, options: FeatureOptions = {}): Feature[] {
  const out: Feature[] = [];
  visitFeatures(lead, now, options, (name, field, value, probe) => {
    out.push(probe === undefined ? { name, field, value } : { name, field, value, probe });
  });
  return out;
}

/** Receives one feature of a lead (never a zero value, never an excluded one). */
export type FeatureVisitor = (name: string, field: string, value: number, probe?: string | number) => void;

/** The features extractFeatures lists, in the same order, handed to `visit` one by one instead of collected. */
export function visitFeatures(lead: Lead, now: number, options: FeatureOptions, visit: FeatureVisitor): void {
  const exclude = options.excludeFields ?? [];
  const halfLife = options.halfLifeDays ?? 30;
  const push = (name: string, field: string, value: number, probe?: string | number) => {
    if (value === 0 || (exclude.length > 0 && isFeatureExcluded(name, field, exclude))) return;
    visit(name, field, value, probe);
  };
  const oneHot = (field: string, raw: string | null | undefined, prefix = field) => {
    if (raw === null || raw === undefined) return;
    const v = normalizeText(raw);
    if (v !== '') push(`${prefix}=${v}`, field, 1, v);
  };

  oneHot('industry', lead.industry);
  oneHot('region', lead.region);
  oneHot('source', lead.source);
  oneHot('product', lead.product);
  oneHot('title', lead.title);
  const level = classifyTitleLevel(lead.title);
  if (level !== 'unknown') push(`title_level=${level}`, 'title', 1);
  const bucket = bucketCompanySize(lead.companySize);
  if (bucket !== null) {
    push(`size_bucket=${bucket}`, 'companySize', 1, SIZE_BUCKETS.find((b) => b.name === bucket)?.min ?? 0);
  }

  oneHot('bant.authority', lead.bant.authority);
  oneHot('bant.need', lead.bant.need);
  oneHot('bant.timeline', lead.bant.timeline);
  const budget = lead.bant.budget;
  if (budget !== null && budget !== undefined && Number.isFinite(budget) && budget > 0) {
    push('bant.budget_log10', 'bant.budget', Math.log10(1 + budget));
  }
  if (lead.needs !== null && lead.needs.trim() !== '') push('has_needs', 'needs', 1);

  if (options.customEncoders !== undefined)
    encodeCustomFields(lead.customFields, options.customEncoders, push);
  else
    for (const key of Object.keys(lead.customFields).sort()) oneHot(`custom.${key}`, lead.customFields[key]);

  const rate = halfLife > 0 ? Math.LN2 / (halfLife * DAY_MS) : 0;
  const decayed: Record<string, number> = {};
  for (const event of lead.events) {
    const age = now - event.at;
    decayed[event.kind] = (decayed[event.kind] ?? 0) + (rate === 0 || age <= 0 ? 1 : Math.exp(-rate * age));
  }
  for (const kind of BEHAVIOUR_KINDS) {
    const d = decayed[kind];
    if (d !== undefined) push(BEHAVIOUR_FEATURE_NAMES[kind], `events.${kind}`, Math.log1p(d));
  }
}

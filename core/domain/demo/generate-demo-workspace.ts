// A deterministic demo workspace: 8 reps and 500 realistic leads with a few months of assignments and follow-ups.
import type { Rng } from '../clock';
import { createRng, DAY_MS, HOUR_MS, MINUTE_MS } from '../clock';
import type { BuiltInStage } from '../funnel';
import { isOpenStage } from '../funnel';
import type { AssignmentId, FollowUpId, IdGenerator, LeadId, RepId } from '../ids';
import type { Bant, BehaviourEvent, BehaviourKind, Lead } from '../lead';
import type { Rep } from '../rep';
import type { DemoIndustry, FollowUpChannel, FollowUpStep, Syllable, TitleLevel } from './demo-tables';
import {
  CHECK_IN_STEP,
  CITIES,
  COMPANY_CORES,
  CUSTOM_FIELD_OPTIONS,
  DEAL_YUAN,
  ENGLISH_COMPANIES,
  ENGLISH_FIRST_NAMES,
  EVENT_DETAILS,
  FOLLOW_UP_STEPS,
  FREE_MAIL_DOMAINS,
  GIVEN_NAMES,
  INDUSTRY_WEIGHTS,
  INDUSTRY_WORDS,
  LOST_REASONS,
  LOST_SUMMARIES,
  MOBILE_PREFIXES,
  NEEDS,
  NURTURE_STEP,
  PRODUCTS,
  SOURCES,
  SURNAMES,
  TITLES_EN,
  TITLES_ZH,
  WESTERN_SURNAMES,
  WON_STEP,
} from './demo-tables';

export type { FollowUpChannel } from './demo-tables';

export type DemoAssignmentMethod =
  | 'territory'
  | 'skill_match'
  | 'tier_ladder'
  | 'round_robin'
  | 'weighted'
  | 'load_balanced'
  | 'claim'
  | 'manual'
  | 'recycle';

/** One entry of a lead's assignment history; `repId` null means the lead went to the public pool. */
export interface DemoAssignment {
  readonly id: AssignmentId;
  readonly leadId: LeadId;
  readonly repId: RepId | null;
  readonly fromRepId: RepId | null;
  /** Epoch ms. */
  readonly at: number;
  readonly method: DemoAssignmentMethod;
  readonly reason: string;
}

/** One logged follow-up: what was said, how the customer reacted, what happens next and when. */
export interface DemoFollowUp {
  readonly id: FollowUpId;
  readonly leadId: LeadId;
  readonly repId: RepId;
  /** Epoch ms. */
  readonly at: number;
  readonly channel: FollowUpChannel;
  readonly summary: string;
  readonly reaction: string;
  readonly nextStep: string | null;
  /** Epoch ms of the planned next step; may be in the past (an overdue follow-up). */
  readonly nextAt: number | null;
}

/** A demo lead: a Lead plus the outcome of a closed deal (demo-only fields). */
export interface DemoLead extends Lead {
  /** Contract value of a won lead, integer fen. */
  readonly wonAmountFen?: number;
  readonly lostReason?: string;
}

export interface DemoWorkspace {
  readonly reps: Rep[];
  readonly leads: DemoLead[];
  readonly followUps: DemoFollowUp[];
  readonly assignments: DemoAssignment[];
}

export interface DemoWorkspaceOptions {
  readonly seed: number;
  /** Epoch ms; every generated timestamp is at or before it. */
  readonly now: number;
  /** Called with 'rep', 'lead', 'assignment', 'follow-up'; default: `lead-0001` style. */
  readonly ids?: IdGenerator;
}

export const DEMO_REP_COUNT = 8;
export const DEMO_LEAD_COUNT = 500;
const DUPLICATE_COUNT = 15;
const HISTORY_DAYS = 120;
/** The demo team works in China: local days and working hours are UTC+8. */
const CN_OFFSET_MS = 8 * HOUR_MS;

/**
 * Builds the demo workspace. Pure and deterministic: the same seed and now give a deep-equal result.
 * Invariants: every timestamp ≤ now; every owner, follow-up rep and assignment rep is one of the reps;
 * won leads carry `wonAmountFen`, lost leads `lostReason`; score and grade are left null for scoring.
 */
export function generateDemoWorkspace(options: DemoWorkspaceOptions): DemoWorkspace {
  const { seed, now } = options;
  const rng = createRng(seed);
  const makeId = options.ids ?? createSequentialIds();
  const reps = buildReps(now, makeId);
  const phones = new Set<string>();
  const drafts: LeadDraft[] = [];
  for (let i = 0; i < DEMO_LEAD_COUNT - DUPLICATE_COUNT; i += 1) drafts.push(draftLead(rng, now, i, phones));
  for (let i = 0; i < DUPLICATE_COUNT; i += 1) drafts.push(draftDuplicate(rng, now, drafts, drafts.length));
  drafts.sort((a, b) => a.createdAt - b.createdAt || a.order - b.order);

  const history = new HistoryBuilder(rng, now, reps, makeId);
  const leads = drafts.map((draft) => history.settle(draft, makeId('lead') as LeadId));
  return { reps, leads, followUps: history.followUps, assignments: history.assignments };
}

function createSequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  const short: Record<string, [string, number]> = {
    rep: ['rep', 2],
    lead: ['lead', 4],
    assignment: ['asg', 5],
    'follow-up': ['fu', 5],
  };
  return (prefix) => {
    const next = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, next);
    const [label, width] = short[prefix] ?? [prefix, 4];
    return `${label}-${String(next).padStart(width, '0')}`;
  };
}

// ---------- time helpers (China local time, without a Date of "now") ----------

function localDayStart(ms: number): number {
  return Math.floor((ms + CN_OFFSET_MS) / DAY_MS) * DAY_MS - CN_OFFSET_MS;
}

function toIsoDate(ms: number): string {
  return new Date(ms + CN_OFFSET_MS).toISOString().slice(0, 10);
}

function localWeekday(ms: number): number {
  return new Date(ms + CN_OFFSET_MS).getUTCDay();
}

/** Moves a moment into office hours (Mon–Fri 9:00–18:30) when a person, not a machine, acted. */
function toOfficeTime(rng: Rng, ms: number): number {
  let day = localDayStart(ms);
  const minuteOfDay = (ms - day) / MINUTE_MS;
  const weekday = localWeekday(ms);
  if (weekday !== 0 && weekday !== 6 && minuteOfDay >= 540 && minuteOfDay <= 1110) return ms;
  if (minuteOfDay > 1110 || weekday === 0 || weekday === 6) day += DAY_MS;
  while (localWeekday(day) === 0 || localWeekday(day) === 6) day += DAY_MS;
  return day + 9 * HOUR_MS + randomInt(rng, 0, 120) * MINUTE_MS;
}

// ---------- rng helpers ----------

function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

function pickWeighted<T>(rng: Rng, items: readonly T[], weightOf: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  let roll = rng() * total;
  for (const item of items) {
    roll -= weightOf(item);
    if (roll < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new RangeError('pick from an empty list');
  return last;
}

function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

// ---------- reps ----------

interface RepSpec {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly tier: Rep['tier'];
  readonly skills: readonly string[];
  readonly regions: readonly string[];
  readonly weight: number;
  readonly capOpen: number;
  readonly capDaily: number;
  readonly joinedDaysAgo: number;
}

const REP_SPECS: readonly RepSpec[] = [
  {
    name: '王芳',
    email: 'wang.fang@fairlead-demo.cn',
    phone: '13916027748',
    tier: 'senior',
    skills: ['制造', '软件', '旗舰版', '实施服务'],
    regions: ['华东'],
    weight: 3,
    capOpen: 90,
    capDaily: 15,
    joinedDaysAgo: 1560,
  },
  {
    name: '李强',
    email: 'li.qiang@fairlead-demo.cn',
    phone: '13701105392',
    tier: 'senior',
    skills: ['金融', '软件', '旗舰版', '专业版'],
    regions: ['华北'],
    weight: 3,
    capOpen: 90,
    capDaily: 15,
    joinedDaysAgo: 1140,
  },
  {
    name: '陈静',
    email: 'chen.jing@fairlead-demo.cn',
    phone: '13560238816',
    tier: 'mid',
    skills: ['教育', '医疗', '专业版'],
    regions: ['华南'],
    weight: 2,
    capOpen: 70,
    capDaily: 12,
    joinedDaysAgo: 730,
  },
  {
    name: '赵磊',
    email: 'zhao.lei@fairlead-demo.cn',
    phone: '18628047315',
    tier: 'mid',
    skills: ['制造', '标准版', '专业版'],
    regions: ['西南', '华东'],
    weight: 2,
    capOpen: 70,
    capDaily: 12,
    joinedDaysAgo: 540,
  },
  {
    name: 'Kevin Zhou',
    email: 'kevin.zhou@fairlead-demo.cn',
    phone: '15013826674',
    tier: 'mid',
    skills: ['软件', '金融', '专业版', '实施服务'],
    regions: ['华南', '华东'],
    weight: 2,
    capOpen: 70,
    capDaily: 12,
    joinedDaysAgo: 400,
  },
  {
    name: '刘婷',
    email: 'liu.ting@fairlead-demo.cn',
    phone: '18810326259',
    tier: 'junior',
    skills: ['教育', '零售', '标准版'],
    regions: ['华北'],
    weight: 1,
    capOpen: 45,
    capDaily: 8,
    joinedDaysAgo: 240,
  },
  {
    name: '孙浩',
    email: 'sun.hao@fairlead-demo.cn',
    phone: '13980417723',
    tier: 'junior',
    skills: ['医疗', '物流', '标准版'],
    regions: ['西南'],
    weight: 1,
    capOpen: 45,
    capDaily: 8,
    joinedDaysAgo: 150,
  },
  {
    name: 'Amy Lin',
    email: 'amy.lin@fairlead-demo.cn',
    phone: '17721056698',
    tier: 'junior',
    skills: ['软件', '标准版'],
    regions: ['华东'],
    weight: 1,
    capOpen: 25,
    capDaily: 5,
    joinedDaysAgo: 18,
  },
];

/** 赵磊 is on leave Monday–Friday next week; Kevin Zhou is out of office since a few days. */
const ON_LEAVE_NEXT_WEEK = '赵磊';
const OUT_OF_OFFICE = 'Kevin Zhou';
const OUT_OF_OFFICE_SINCE_DAYS = 4;

function buildReps(now: number, makeId: IdGenerator): Rep[] {
  const today = localDayStart(now);
  const daysToMonday = (8 - localWeekday(now)) % 7 || 7;
  const nextMonday = today + daysToMonday * DAY_MS;
  return REP_SPECS.map((spec) => ({
    id: makeId('rep') as RepId,
    name: spec.name,
    email: spec.email,
    phone: spec.phone,
    tier: spec.tier,
    skills: [...spec.skills],
    regions: [...spec.regions],
    weight: spec.weight,
    capOpen: spec.capOpen,
    capDaily: spec.capDaily,
    isActive: true,
    isOutOfOffice: spec.name === OUT_OF_OFFICE,
    leave:
      spec.name === ON_LEAVE_NEXT_WEEK
        ? [{ from: toIsoDate(nextMonday), to: toIsoDate(nextMonday + 4 * DAY_MS) }]
        : [],
    joinedOn: toIsoDate(today - spec.joinedDaysAgo * DAY_MS),
  }));
}

// ---------- lead drafts ----------

interface LeadDraft {
  readonly order: number;
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly wechat: string | null;
  readonly company: string | null;
  readonly title: string | null;
  readonly titleLevel: TitleLevel;
  readonly industry: DemoIndustry | null;
  readonly region: string | null;
  readonly city: string;
  readonly companySize: number | null;
  readonly product: string | null;
  readonly source: string;
  readonly campaign: string | null;
  readonly costFen: number;
  readonly needs: string | null;
  readonly bant: Bant;
  readonly customFields: Record<string, string>;
  readonly events: BehaviourEvent[];
  readonly stage: BuiltInStage;
  readonly createdAt: number;
  readonly isDuplicate: boolean;
}

function draftLead(rng: Rng, now: number, order: number, phones: Set<string>): LeadDraft {
  const createdAt = drawCreatedAt(rng, now);
  const isEnglish = chance(rng, 0.12);
  const person = isEnglish ? drawEnglishPerson(rng) : drawChinesePerson(rng);
  const company = isEnglish && chance(rng, 0.6) ? drawEnglishCompany(rng) : drawChineseCompany(rng);
  const [title, titleLevel] = pick(rng, isEnglish ? TITLES_EN : TITLES_ZH);
  const source = pickWeighted(rng, SOURCES, (s) => s.weight);
  const year = toIsoDate(createdAt).slice(0, 4);
  const stage = drawStage(rng, (now - createdAt) / DAY_MS);
  const product = chance(rng, 0.9) ? pickWeighted(rng, PRODUCTS, ([, w]) => w)[0] : null;
  const companySize = chance(rng, 0.85) ? drawCompanySize(rng) : null;
  const digits = drawMobile(rng, phones);
  const hasPhone = chance(rng, 0.9);
  const hasEmail = !hasPhone || chance(rng, 0.7);
  const advanced = stage === 'sql' || stage === 'opportunity' || stage === 'won';
  const customFields = chance(rng, 0.25) ? drawCustomFields(rng, company.city) : {};
  return {
    order,
    name: person.name,
    phone: hasPhone ? formatPhone(rng, digits) : null,
    email: hasEmail ? drawEmail(rng, person, company.domain) : null,
    wechat: chance(rng, 0.35) ? drawWechat(rng, person, digits) : null,
    company: chance(rng, 0.95) ? company.name : null,
    title: chance(rng, 0.92) ? title : null,
    titleLevel,
    industry: chance(rng, 0.93) ? company.industry : null,
    region: chance(rng, 0.95) ? company.region : null,
    city: company.city,
    companySize,
    product,
    source: source.name,
    campaign: chance(rng, 0.92) ? pick(rng, source.campaigns).replace('{year}', year) : null,
    costFen: randomInt(rng, source.costFen[0], source.costFen[1]),
    needs: chance(rng, 0.7) ? pick(rng, NEEDS) : null,
    bant: chance(rng, advanced ? 0.7 : 0.25) ? drawBant(rng, titleLevel, product) : {},
    customFields,
    events: drawEvents(rng, now, createdAt, source.name, advanced),
    stage,
    createdAt,
    isDuplicate: false,
  };
}

/** The same person arriving again: same phone in another format, or the same email in another case. */
function draftDuplicate(rng: Rng, now: number, drafts: readonly LeadDraft[], order: number): LeadDraft {
  const candidates = drafts.filter(
    (d) => !d.isDuplicate && d.phone !== null && d.email !== null && d.createdAt < now - HOUR_MS,
  );
  const original = pick(rng, candidates);
  const samePhone = chance(rng, 0.6);
  const gap = randomInt(rng, HOUR_MS, 30 * DAY_MS);
  const createdAt = Math.min(original.createdAt + gap, now - randomInt(rng, MINUTE_MS, HOUR_MS));
  const source = pickWeighted(rng, SOURCES, (s) => s.weight);
  return {
    ...original,
    order,
    phone: samePhone ? reformatPhone(rng, original.phone ?? '') : null,
    email: samePhone && chance(rng, 0.5) ? null : recaseEmail(rng, original.email ?? ''),
    company: original.company === null ? null : toggleCompanySuffix(original.company),
    source: source.name,
    campaign: pick(rng, source.campaigns).replace('{year}', toIsoDate(createdAt).slice(0, 4)),
    costFen: randomInt(rng, source.costFen[0], source.costFen[1]),
    needs: chance(rng, 0.5) ? pick(rng, NEEDS) : null,
    bant: {},
    customFields: {},
    events: drawEvents(rng, now, createdAt, source.name, false),
    stage: chance(rng, 0.7) ? 'raw' : 'mql',
    createdAt,
    isDuplicate: true,
  };
}

/** Spread over the last ~4 months, denser lately (the team buys more traffic), mostly in the daytime. */
function drawCreatedAt(rng: Rng, now: number): number {
  const daysAgo = Math.floor(HISTORY_DAYS * rng() ** 1.25);
  const day = localDayStart(now) - daysAgo * DAY_MS;
  const minute = chance(rng, 0.8) ? randomInt(rng, 8 * 60, 20 * 60) : randomInt(rng, 0, 24 * 60 - 1);
  const at = day + minute * MINUTE_MS + randomInt(rng, 0, 59) * 1000;
  return at <= now ? at : now - randomInt(rng, 5, 360) * MINUTE_MS;
}

const STAGE_MIX: readonly (readonly [maxAgeDays: number, weights: Readonly<Record<BuiltInStage, number>>])[] =
  [
    [7, { raw: 55, mql: 28, sql: 10, opportunity: 2, won: 0, lost: 0, nurture: 5 }],
    [30, { raw: 20, mql: 25, sql: 20, opportunity: 15, won: 3, lost: 7, nurture: 10 }],
    [60, { raw: 7, mql: 12, sql: 12, opportunity: 14, won: 14, lost: 26, nurture: 15 }],
    [Infinity, { raw: 3, mql: 5, sql: 7, opportunity: 10, won: 22, lost: 38, nurture: 15 }],
  ];

function drawStage(rng: Rng, ageDays: number): BuiltInStage {
  const mix = STAGE_MIX.find(([maxAge]) => ageDays < maxAge)?.[1] ?? {
    raw: 1,
    mql: 0,
    sql: 0,
    opportunity: 0,
    won: 0,
    lost: 0,
    nurture: 0,
  };
  const stages = Object.keys(mix) as BuiltInStage[];
  return pickWeighted(rng, stages, (stage) => mix[stage]);
}

interface Person {
  readonly name: string;
  /** Email-ready name parts, e.g. ['zhang', 'wei']. */
  readonly family: string;
  readonly given: string;
  readonly isEnglish: boolean;
}

function drawChinesePerson(rng: Rng): Person {
  const [surname, surnamePinyin]: Syllable = pick(rng, SURNAMES);
  const [given, givenPinyin]: Syllable = pick(rng, GIVEN_NAMES);
  return { name: surname + given, family: surnamePinyin, given: givenPinyin, isEnglish: false };
}

function drawEnglishPerson(rng: Rng): Person {
  const first = pick(rng, ENGLISH_FIRST_NAMES);
  const last = chance(rng, 0.85) ? capitalize(pick(rng, SURNAMES)[1]) : pick(rng, WESTERN_SURNAMES);
  return {
    name: `${first} ${last}`,
    family: last.toLowerCase(),
    given: first.toLowerCase(),
    isEnglish: true,
  };
}

interface CompanyDraw {
  readonly name: string;
  readonly industry: DemoIndustry;
  readonly city: string;
  readonly region: string;
  readonly domain: string;
}

function drawChineseCompany(rng: Rng): CompanyDraw {
  const city = pickWeighted(rng, CITIES, (c) => c.weight);
  const industry = pickWeighted(rng, INDUSTRY_WEIGHTS, ([, w]) => w)[0];
  const [core, corePinyin] = pick(rng, COMPANY_CORES);
  const [word, slug] = pick(rng, INDUSTRY_WORDS[industry]);
  const suffix = pickWeighted(
    rng,
    [
      ['有限公司', 70],
      ['股份有限公司', 15],
      ['', 15],
    ] as const,
    ([, w]) => w,
  )[0];
  const tld = pick(rng, ['.com', '.com.cn', '.cn']);
  return {
    name: `${city.name}${core}${word}${suffix}`,
    industry,
    city: city.name,
    region: city.region,
    domain: `${corePinyin}-${slug}${tld}`,
  };
}

function drawEnglishCompany(rng: Rng): CompanyDraw {
  const company = pick(rng, ENGLISH_COMPANIES);
  const region = CITIES.find((c) => c.name === company.city)?.region ?? '华东';
  return {
    name: company.name,
    industry: company.industry,
    city: company.city,
    region,
    domain: company.domain,
  };
}

function drawCompanySize(rng: Rng): number {
  const [min, max] = pickWeighted(
    rng,
    [
      [10, 49, 30],
      [50, 199, 35],
      [200, 999, 25],
      [1000, 5000, 10],
    ] as const,
    ([, , w]) => w,
  );
  return randomInt(rng, min, max);
}

function drawMobile(rng: Rng, used: Set<string>): string {
  for (;;) {
    const digits = pick(rng, MOBILE_PREFIXES) + String(randomInt(rng, 0, 99_999_999)).padStart(8, '0');
    if (!used.has(digits)) {
      used.add(digits);
      return digits;
    }
  }
}

const FULL_WIDTH_ZERO = 0xff10;

/** The formats phones really arrive in: spaces, dashes, +86 / 0086, full-width digits. */
function formatPhone(rng: Rng, digits: string): string {
  const a = digits.slice(0, 3);
  const b = digits.slice(3, 7);
  const c = digits.slice(7);
  const formats: readonly (readonly [string, number])[] = [
    [digits, 45],
    [`${a} ${b} ${c}`, 15],
    [`${a}-${b}-${c}`, 8],
    [`+86-${digits}`, 10],
    [`+86 ${a} ${b} ${c}`, 7],
    [`0086 ${digits}`, 5],
    [`+86${digits}`, 5],
    [[...digits].map((d) => String.fromCharCode(FULL_WIDTH_ZERO + Number(d))).join(''), 5],
  ];
  return pickWeighted(rng, formats, ([, w]) => w)[0];
}

function reformatPhone(rng: Rng, phone: string): string {
  const digits = toPlainDigits(phone).slice(-11);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const formatted = formatPhone(rng, digits);
    if (formatted !== phone) return formatted;
  }
  return `+86-${digits}`;
}

function toPlainDigits(phone: string): string {
  return [...phone]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      return code >= FULL_WIDTH_ZERO && code <= FULL_WIDTH_ZERO + 9 ? String(code - FULL_WIDTH_ZERO) : ch;
    })
    .join('')
    .replace(/\D/g, '');
}

function drawEmail(rng: Rng, person: Person, companyDomain: string): string {
  const useCompany = chance(rng, 0.6);
  const domain = useCompany ? companyDomain : pick(rng, FREE_MAIL_DOMAINS);
  if (!useCompany && domain === 'qq.com') return `${randomInt(rng, 10_000_000, 2_999_999_999)}@qq.com`;
  const local = pick(rng, [
    `${person.given}.${person.family}`,
    `${person.family}${person.given}`,
    `${person.family}.${person.given}${randomInt(rng, 1, 99)}`,
    `${person.given[0] ?? 'x'}${person.family}`,
  ]);
  return recaseEmail(rng, `${local}@${domain}`);
}

/** Emails arrive in any case: lower, Capitalized parts, or SHOUTED. */
function recaseEmail(rng: Rng, email: string): string {
  const lower = email.toLowerCase();
  const style = pickWeighted(
    rng,
    [
      ['lower', 50],
      ['capital', 30],
      ['upper', 10],
      ['domain', 10],
    ] as const,
    ([, w]) => w,
  )[0];
  const [local = '', domain = ''] = lower.split('@');
  let recased: string;
  if (style === 'upper') recased = lower.toUpperCase();
  else if (style === 'capital') recased = `${local.split('.').map(capitalize).join('.')}@${domain}`;
  else if (style === 'domain') recased = `${local}@${domain.toUpperCase()}`;
  else recased = lower;
  return recased === email ? `${capitalize(local)}@${domain.toUpperCase()}` : recased;
}

function capitalize(word: string): string {
  return word.slice(0, 1).toUpperCase() + word.slice(1);
}

function drawWechat(rng: Rng, person: Person, digits: string): string {
  return pick(rng, [
    `wxid_${person.family}${randomInt(rng, 1000, 9999)}`,
    `${person.given}_${person.family}`,
    digits,
    `${person.family}${person.given}${randomInt(rng, 80, 99)}`,
  ]);
}

function toggleCompanySuffix(company: string): string {
  if (company.endsWith('股份有限公司')) return company.slice(0, -'股份有限公司'.length);
  if (company.endsWith('有限公司')) return company.slice(0, -'有限公司'.length);
  if (company.endsWith('Co., Ltd.')) return company.slice(0, -' Co., Ltd.'.length);
  if (/[A-Za-z.]$/.test(company)) return company;
  return `${company}有限公司`;
}

function drawBant(rng: Rng, level: TitleLevel, product: string | null): Bant {
  const [min, max] = DEAL_YUAN[product ?? '标准版'] ?? [30_000, 100_000];
  const authorities = { executive: 'decision_maker', manager: 'influencer', staff: 'user' } as const;
  return {
    budget: chance(rng, 0.75) ? Math.round(randomInt(rng, min, max) / 10_000) * 10_000 : null,
    authority: authorities[level],
    need: pick(rng, ['high', 'medium', 'low'] as const),
    timeline: pick(rng, ['now', 'quarter', 'quarter', 'year', 'unknown'] as const),
  };
}

function drawCustomFields(rng: Rng, city: string): Record<string, string> {
  const fields: Record<string, string> = { 城市: city };
  const keys = Object.keys(CUSTOM_FIELD_OPTIONS).sort();
  const count = randomInt(rng, 1, 3);
  for (let i = 0; i < count; i += 1) {
    const key = pick(rng, keys);
    fields[key] = pick(rng, CUSTOM_FIELD_OPTIONS[key] ?? ['']);
  }
  return fields;
}

const EVENT_KIND_WEIGHTS: readonly (readonly [BehaviourKind, number])[] = [
  ['visit', 40],
  ['email_open', 25],
  ['download', 15],
  ['event', 8],
  ['form', 7],
  ['call_in', 5],
];

/** Behaviour over the last 90 days: some before the lead was captured, most around and after it. */
function drawEvents(
  rng: Rng,
  now: number,
  createdAt: number,
  source: string,
  engaged: boolean,
): BehaviourEvent[] {
  const from = Math.max(now - 90 * DAY_MS, createdAt - 21 * DAY_MS);
  const to = Math.min(now, createdAt + 30 * DAY_MS);
  const events: BehaviourEvent[] = [];
  if (source === '官网表单' && createdAt >= now - 90 * DAY_MS) {
    events.push({ kind: 'form', at: createdAt, detail: pick(rng, EVENT_DETAILS.form) });
  }
  const count = randomInt(rng, 0, 4) + (engaged ? randomInt(rng, 1, 6) : 0);
  for (let i = 0; i < count && from < to; i += 1) {
    const kind = pickWeighted(rng, EVENT_KIND_WEIGHTS, ([, w]) => w)[0];
    events.push({ kind, at: randomInt(rng, from, to), detail: pick(rng, EVENT_DETAILS[kind]) });
  }
  return events.sort((a, b) => a.at - b.at);
}

// ---------- owners, assignments, follow-ups ----------

class HistoryBuilder {
  readonly assignments: DemoAssignment[] = [];
  readonly followUps: DemoFollowUp[] = [];
  private readonly openCount = new Map<RepId, number>();
  private roundRobin = 0;

  constructor(
    private readonly rng: Rng,
    private readonly now: number,
    private readonly reps: readonly Rep[],
    private readonly makeId: IdGenerator,
  ) {}

  /** Decides the owner, writes the lead's assignment and follow-up history, and returns the finished lead. */
  settle(draft: LeadDraft, id: LeadId): DemoLead {
    const { rng, now } = this;
    const ageDays = (now - draft.createdAt) / DAY_MS;
    const mustOwn = draft.stage === 'sql' || draft.stage === 'opportunity' || CLOSED.has(draft.stage);
    const ownChance = draft.stage === 'nurture' ? 0.6 : ageDays < 0.1 ? 0.5 : 0.72;
    const isOwned = mustOwn || chance(rng, ownChance);
    const isOpen = isOpenStage(draft.stage);
    let updatedAt = draft.createdAt;
    let ownerId: RepId | null = null;
    let wonAmountFen: number | undefined;
    let lostReason: string | undefined;

    const wasRecycled = ageDays > 12 && chance(rng, isOwned ? 0.06 : 0.3);
    let previous: Rep | null = null;
    let clock = draft.createdAt;
    if (wasRecycled) {
      const first = this.choose(draft, clock, false, null);
      previous = first.rep;
      this.record(id, previous, null, first.at, first.method, first.reason);
      const recycledAt = first.at + 72 * HOUR_MS;
      this.record(
        id,
        null,
        previous,
        recycledAt,
        'recycle',
        `${previous.name} 超过72小时未首次联系，回收至公海`,
      );
      clock = recycledAt;
      updatedAt = recycledAt;
    }

    if (isOwned) {
      const choice = wasRecycled
        ? this.chooseClaim(clock, isOpen, previous)
        : this.choose(draft, clock, isOpen, null);
      const owner = choice.rep;
      const assignedAt = Math.min(now - 1000, choice.at);
      this.record(id, owner, previous, assignedAt, choice.method, choice.reason);
      ownerId = owner.id;
      if (isOpen) this.openCount.set(owner.id, (this.openCount.get(owner.id) ?? 0) + 1);
      updatedAt = assignedAt;
      if (draft.stage === 'won') {
        const [min, max] = DEAL_YUAN[draft.product ?? '标准版'] ?? [30_000, 100_000];
        wonAmountFen = Math.round(randomInt(rng, min, max) / 1000) * 1000 * 100;
      }
      if (draft.stage === 'lost') lostReason = pick(rng, LOST_REASONS);
      const last = this.writeFollowUps(draft, id, owner, assignedAt, lostReason);
      updatedAt = Math.max(updatedAt, last);
    }

    return {
      id,
      name: draft.name,
      phone: draft.phone,
      email: draft.email,
      wechat: draft.wechat,
      company: draft.company,
      title: draft.title,
      industry: draft.industry,
      region: draft.region,
      companySize: draft.companySize,
      product: draft.product,
      source: draft.source,
      campaign: draft.campaign,
      costFen: draft.costFen,
      needs: draft.needs,
      bant: draft.bant,
      customFields: draft.customFields,
      events: draft.events,
      stage: draft.stage,
      ownerId,
      score: null,
      grade: null,
      createdAt: draft.createdAt,
      updatedAt,
      isHistory: false,
      ...(wonAmountFen === undefined ? {} : { wonAmountFen }),
      ...(lostReason === undefined ? {} : { lostReason }),
    };
  }

  private eligible(at: number, isOpen: boolean, exclude: Rep | null): Rep[] {
    const date = toIsoDate(at);
    return this.reps.filter(
      (rep) =>
        rep.joinedOn <= date &&
        rep !== exclude &&
        !(rep.isOutOfOffice && at > this.now - OUT_OF_OFFICE_SINCE_DAYS * DAY_MS) &&
        (!isOpen || rep.capOpen === null || (this.openCount.get(rep.id) ?? 0) < rep.capOpen),
    );
  }

  private choose(draft: LeadDraft, createdAt: number, isOpen: boolean, exclude: Rep | null): Choice {
    const { rng } = this;
    const pool = this.eligible(createdAt, isOpen, exclude);
    const reps = pool.length > 0 ? pool : this.reps.filter((rep) => rep.joinedOn <= toIsoDate(createdAt));
    const autoAt = createdAt + randomInt(rng, 5, 120) * 1000;
    const weighted = (from: readonly Rep[]): Rep => pickWeighted(rng, from, (rep) => rep.weight);
    const isHighValue =
      draft.product === '旗舰版' || (draft.titleLevel === 'executive' && (draft.companySize ?? 0) >= 200);
    const seniors = reps.filter((rep) => rep.tier === 'senior');
    if (isHighValue && seniors.length > 0 && chance(rng, 0.5)) {
      const rep = weighted(seniors);
      return {
        rep,
        at: autoAt,
        method: 'tier_ladder',
        reason: `分级阶梯：高价值线索 → 资深销售 ${rep.name}`,
      };
    }
    const roll = rng();
    const inRegion = reps.filter((rep) => draft.region !== null && rep.regions.includes(draft.region));
    if (roll < 0.4 && inRegion.length > 0) {
      const rep = weighted(inRegion);
      return {
        rep,
        at: autoAt,
        method: 'territory',
        reason: `区域规则：${draft.region ?? ''}线索 → ${rep.name}`,
      };
    }
    const skilled = reps.filter((rep) => draft.industry !== null && rep.skills.includes(draft.industry));
    if (roll < 0.55 && skilled.length > 0) {
      const rep = weighted(skilled);
      return {
        rep,
        at: autoAt,
        method: 'skill_match',
        reason: `技能匹配：${draft.industry ?? ''}行业 → ${rep.name}`,
      };
    }
    if (roll < 0.65) return this.chooseClaim(createdAt, isOpen, exclude);
    if (roll < 0.7) {
      const experienced = reps.filter((r) => r.tier !== 'junior');
      const rep = weighted(experienced.length > 0 ? experienced : reps);
      const at = Math.min(this.now - 1000, toOfficeTime(rng, createdAt + randomInt(rng, 5, 180) * MINUTE_MS));
      return { rep, at, method: 'manual', reason: `主管手动分配：重点客户，指定 ${rep.name}` };
    }
    if (roll < 0.8) {
      const ordered = [...reps].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const rep = ordered[this.roundRobin % ordered.length] ?? weighted(reps);
      this.roundRobin += 1;
      return { rep, at: autoAt, method: 'round_robin', reason: `轮询：轮到 ${rep.name}` };
    }
    if (roll < 0.9) {
      const rep = reps.reduce((best, r) =>
        (this.openCount.get(r.id) ?? 0) < (this.openCount.get(best.id) ?? 0) ? r : best,
      );
      const load = this.openCount.get(rep.id) ?? 0;
      return {
        rep,
        at: autoAt,
        method: 'load_balanced',
        reason: `负载均衡：${rep.name} 在手线索最少（${load} 条）`,
      };
    }
    const rep = weighted(reps);
    return { rep, at: autoAt, method: 'weighted', reason: `权重分配：${rep.name}（权重 ${rep.weight}）` };
  }

  private chooseClaim(since: number, isOpen: boolean, exclude: Rep | null): Choice {
    const { rng, now } = this;
    const at = Math.min(now - 1000, toOfficeTime(rng, since + randomInt(rng, 10, 20 * 60) * MINUTE_MS));
    const pool = this.eligible(at, isOpen, exclude);
    const reps = pool.length > 0 ? pool : this.reps.filter((rep) => rep !== exclude);
    const rep = pickWeighted(rng, reps, (r) => (r.tier === 'junior' ? 2 : 1));
    return { rep, at: Math.max(at, since + 1000), method: 'claim', reason: `抢单：${rep.name} 从公海领取` };
  }

  private record(
    leadId: LeadId,
    rep: Rep | null,
    from: Rep | null,
    at: number,
    method: DemoAssignmentMethod,
    reason: string,
  ): void {
    this.assignments.push({
      id: this.makeId('assignment') as AssignmentId,
      leadId,
      repId: rep?.id ?? null,
      fromRepId: from?.id ?? null,
      at,
      method,
      reason,
    });
  }

  /** Writes the lead's follow-ups from its assignment up to its stage; returns the last activity time. */
  private writeFollowUps(
    draft: LeadDraft,
    leadId: LeadId,
    owner: Rep,
    assignedAt: number,
    lostReason: string | undefined,
  ): number {
    const { rng, now } = this;
    const steps = this.stepsFor(draft, now - assignedAt);
    if (steps.length === 0) return assignedAt;
    const gaps = steps.map((_, i) =>
      i === 0 ? drawResponseDelay(rng) : randomInt(rng, 1, 8) * DAY_MS + randomInt(rng, 0, 8) * HOUR_MS,
    );
    const span = (now - assignedAt) * 0.95;
    const total = gaps.reduce((sum, gap) => sum + gap, 0);
    const scale = total > span ? span / total : 1;
    const times: number[] = [];
    let at = assignedAt;
    for (const [i, gap] of gaps.entries()) {
      const raw = at + Math.max(MINUTE_MS, Math.floor(gap * scale));
      const human = i === 0 && gap < 10 * MINUTE_MS ? raw : toOfficeTime(rng, raw);
      at = Math.max(at + MINUTE_MS, human <= now ? human : raw);
      if (at > now) break;
      times.push(at);
    }
    const isOpen = isOpenStage(draft.stage);
    const lastTime = times[times.length - 1];
    // Most of a live pipeline is being worked: a recent check-in; the rest goes stale for the stale list.
    if (isOpen && lastTime !== undefined && lastTime < now - 6 * DAY_MS && chance(rng, 0.7)) {
      const raw = now - randomInt(rng, 2 * 60, 5 * 24 * 60) * MINUTE_MS;
      const human = toOfficeTime(rng, raw);
      times.push(human <= now ? human : raw);
      steps.splice(times.length - 1, 0, CHECK_IN_STEP);
    }
    for (const [i, time] of times.entries()) {
      const step = steps[i] ?? WON_STEP;
      const isLast = i === times.length - 1;
      const isLostClose = isLast && draft.stage === 'lost';
      const nextTime = times[i + 1];
      let nextStep: string | null = pick(rng, step.nextSteps);
      let nextAt: number | null = nextTime ?? null;
      if (isLast) {
        if (isLostClose) nextStep = null;
        else if (draft.stage === 'nurture') nextAt = localDayStart(time) + 90 * DAY_MS + 10 * HOUR_MS;
        else if (isOpen || draft.stage === 'won')
          nextAt = localDayStart(time) + randomInt(rng, 2, 7) * DAY_MS + 10 * HOUR_MS;
      }
      this.followUps.push({
        id: this.makeId('follow-up') as FollowUpId,
        leadId,
        repId: owner.id,
        at: time,
        channel: pick(rng, isLostClose ? (['call', 'other'] as const) : step.channels),
        summary: isLostClose ? pick(rng, LOST_SUMMARIES) : pick(rng, step.summaries),
        reaction: isLostClose ? (lostReason ?? '不需要') : pick(rng, step.reactions),
        nextStep,
        nextAt,
      });
    }
    return times[times.length - 1] ?? assignedAt;
  }

  private stepsFor(draft: LeadDraft, sinceAssigned: number): FollowUpStep[] {
    const { rng } = this;
    const standard = (n: number): FollowUpStep[] => FOLLOW_UP_STEPS.slice(0, n);
    switch (draft.stage) {
      case 'raw':
        // A few fresh leads nobody has called yet, and a few overdue ones, give SLA clocks work.
        if (sinceAssigned < 3 * DAY_MS && chance(rng, 0.5)) return [];
        return sinceAssigned < 8 * DAY_MS && chance(rng, 0.2) ? [] : standard(1);
      case 'mql':
        return standard(chance(rng, 0.7) ? 1 : 2);
      case 'sql':
        return standard(2);
      case 'opportunity':
        return standard(randomInt(rng, 3, 4));
      case 'won':
        return [...standard(4), WON_STEP];
      case 'lost':
        return [...standard(randomInt(rng, 1, 3)), LOST_MARKER];
      case 'nurture':
        return [...standard(randomInt(rng, 1, 2)), NURTURE_STEP];
    }
  }
}

/** Placeholder step for a lost lead's closing note; its text comes from LOST_SUMMARIES. */
const LOST_MARKER: FollowUpStep = { channels: ['call'], summaries: [''], reactions: [''], nextSteps: [''] };

const CLOSED: ReadonlySet<BuiltInStage> = new Set(['won', 'lost']);

interface Choice {
  readonly rep: Rep;
  readonly at: number;
  readonly method: DemoAssignmentMethod;
  readonly reason: string;
}

/** How long reps take to first reach a lead: some in minutes, some in days (that is what SLAs fix). */
function drawResponseDelay(rng: Rng): number {
  const roll = rng();
  if (roll < 0.35) return randomInt(rng, 1, 5) * MINUTE_MS;
  if (roll < 0.6) return randomInt(rng, 5, 60) * MINUTE_MS;
  if (roll < 0.85) return randomInt(rng, 1, 24) * HOUR_MS;
  return randomInt(rng, 24, 60) * HOUR_MS;
}

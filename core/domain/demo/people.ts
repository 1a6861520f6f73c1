// Demo people and how their details really arrive: Chinese and English names, mobiles in every format, emails in any case.
import type { Rng } from '../clock';
import type { Syllable } from './people-tables';
import {
  ENGLISH_FIRST_NAMES,
  FREE_MAIL_DOMAINS,
  GIVEN_NAMES,
  MOBILE_PREFIXES,
  SURNAMES,
  WESTERN_SURNAMES,
} from './people-tables';
import { chance, pick, pickWeighted, randomInt } from './random';

export interface Person {
  readonly name: string;
  /** Email-ready name parts, e.g. ['zhang', 'wei']. */
  readonly family: string;
  readonly given: string;
  readonly isEnglish: boolean;
}

export function drawChinesePerson(rng: Rng): Person {
  const [surname, surnamePinyin]: Syllable = pick(rng, SURNAMES);
  const [given, givenPinyin]: Syllable = pick(rng, GIVEN_NAMES);
  return { name: surname + given, family: surnamePinyin, given: givenPinyin, isEnglish: false };
}

export function drawEnglishPerson(rng: Rng): Person {
  const first = pick(rng, ENGLISH_FIRST_NAMES);
  const last = chance(rng, 0.85) ? capitalize(pick(rng, SURNAMES)[1]) : pick(rng, WESTERN_SURNAMES);
  return {
    name: `${first} ${last}`,
    family: last.toLowerCase(),
    given: first.toLowerCase(),
    isEnglish: true,
  };
}

/** A new valid mainland mobile (11 digits), never one already in `used`; adds it there. */
export function drawMobile(rng: Rng, used: Set<string>): string {
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
export function formatPhone(rng: Rng, digits: string): string {
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

export function reformatPhone(rng: Rng, phone: string): string {
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

export function drawEmail(rng: Rng, person: Person, companyDomain: string): string {
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
export function recaseEmail(rng: Rng, email: string): string {
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

export function drawWechat(rng: Rng, person: Person, digits: string): string {
  return pick(rng, [
    `wxid_${person.family}${randomInt(rng, 1000, 9999)}`,
    `${person.given}_${person.family}`,
    digits,
    `${person.family}${person.given}${randomInt(rng, 80, 99)}`,
  ]);
}

// Chinese phone numbers to one canonical E.164 form (+86…), with extensions split off; pure and dependency-free.
import { foldWidth, stripControlChars } from './text';

export type PhoneKind = 'mobile' | 'landline' | 'service' | 'foreign';

export type PhoneInvalidReason =
  | 'empty'
  | 'letters'
  | 'too_short'
  | 'too_long'
  | 'missing_area_code'
  | 'not_a_cn_number'
  | 'invalid_for_country';

export interface PhoneResult {
  /** E.164-like: `+8613800138000`; for an invalid number, the digits that were found (best effort, for display). */
  readonly normalized: string;
  readonly extension?: string;
  readonly isValid: boolean;
  readonly kind?: PhoneKind;
  readonly reason?: PhoneInvalidReason;
}

// `转123`, `分机 123`, `ext. 12`, `ext=12`, `x12`, `#12` — what people type after a switchboard number.
const EXTENSION = /\s*(?:转|轉|分机|分機|;?\s*ext\.?\s*=?|extension|\bx|#)\s*(\d{1,6})\s*$/i;
const SEPARATORS = /[\s\-–—.()（）/\\[\]]/g;
const MOBILE = /^1[3-9]\d{9}$/;
const PLAIN_PUNCTUATION = /^[\d\s+\-()]+$/;
const CN_MOBILE_DIGITS = /^(?:0086|86)?(1[3-9]\d{9})$/;
// 010 and 02X have 8-digit subscriber numbers; other area codes are 0 + 3 digits with 7–8 digit numbers.
const LANDLINE = /^0(?:10|2\d)\d{8}$|^0[3-9]\d{2}\d{7,8}$/;
const SERVICE = /^[48]00\d{7}$/;

/**
 * Normalizes a phone number typed by a person, assuming China (+86) when no country code is given.
 * Invariants: a valid CN result always starts with `+86` and contains only digits after the `+`;
 * `normalizePhone(formatPhone(r))` gives back `r` for every valid result `r`.
 * Numbers with another country code are only checked for E.164 shape here (`kind: 'foreign'`);
 * core/import refines them with libphonenumber-js.
 */
export function normalizePhone(raw: string): PhoneResult {
  if (MOBILE.test(raw)) return { normalized: `+86${raw}`, isValid: true, kind: 'mobile' };
  // Fast path for the usual spellings of a mobile: `138 0013 8000`, `+86-138…`, `0086 138-…`, `(+86) 138…`.
  if (PLAIN_PUNCTUATION.test(raw)) {
    const digits = raw.replace(/\D/g, '');
    const mobile = CN_MOBILE_DIGITS.exec(digits);
    const hasPlus = raw.includes('+');
    if (mobile?.[1] !== undefined && (!hasPlus || digits.startsWith('86'))) {
      return { normalized: `+86${mobile[1]}`, isValid: true, kind: 'mobile' };
    }
  }
  let text = stripControlChars(foldWidth(raw)).trim();
  if (text === '') return { normalized: '', isValid: false, reason: 'empty' };
  text = text.replace(/^tel:/i, '');

  let extension: string | undefined;
  const ext = EXTENSION.exec(text);
  if (ext && ext.index > 0) {
    extension = ext[1];
    text = text.slice(0, ext.index);
  }
  // A leading `'` is how spreadsheets keep a number as text; it is not part of the number.
  text = text.replace(/^'/, '').replace(SEPARATORS, '');
  if (/[^\d+]/.test(text) || /.\+/.test(text)) {
    const digits = text.replace(/\D/g, '');
    return { normalized: digits, isValid: false, reason: 'letters' };
  }

  let international: string | null = null;
  if (text.startsWith('+')) international = text.slice(1);
  else if (text.startsWith('00')) international = text.slice(2);
  let national: string;
  if (international !== null) {
    if (!international.startsWith('86')) return checkForeign(international, extension);
    national = international.slice(2);
  } else if (/^861[3-9]\d{9}$/.test(text)) {
    national = text.slice(2);
  } else {
    national = text;
  }
  // `+86 (0)10 …` and an old habit of writing mobiles with a trunk 0.
  if (international !== null && national.startsWith('0') && LANDLINE.test(national)) {
    return withExtension(
      { normalized: `+86${national.slice(1)}`, isValid: true, kind: 'landline' },
      extension,
    );
  }
  if (/^01[3-9]\d{9}$/.test(national)) national = national.slice(1);

  if (MOBILE.test(national))
    return withExtension({ normalized: `+86${national}`, isValid: true, kind: 'mobile' }, extension);
  if (LANDLINE.test(national)) {
    return withExtension(
      { normalized: `+86${national.slice(1)}`, isValid: true, kind: 'landline' },
      extension,
    );
  }
  if (SERVICE.test(national))
    return withExtension({ normalized: `+86${national}`, isValid: true, kind: 'service' }, extension);
  // Area code given without its trunk 0 after +86 (`+86 10 12345678`).
  if (international !== null && LANDLINE.test(`0${national}`)) {
    return withExtension({ normalized: `+86${national}`, isValid: true, kind: 'landline' }, extension);
  }
  // `010-12345678-123`: a landline followed by an extension after a dash.
  if (extension === undefined) {
    const dashed = /^(0(?:10|2\d)\d{8}|0[3-9]\d{2}\d{7,8})(\d{1,5})$/.exec(national);
    if (dashed && /-\d{1,5}\s*$/.test(raw) && dashed[1] !== undefined && dashed[2] !== undefined) {
      return {
        normalized: `+86${dashed[1].slice(1)}`,
        extension: dashed[2],
        isValid: true,
        kind: 'landline',
      };
    }
  }

  const normalized = international !== null ? `+86${national}` : national;
  if (/^\d{7,8}$/.test(national)) return { normalized, isValid: false, reason: 'missing_area_code' };
  if (national.length < 10) return { normalized, isValid: false, reason: 'too_short' };
  if (national.length > 12) return { normalized, isValid: false, reason: 'too_long' };
  return { normalized, isValid: false, reason: 'not_a_cn_number' };
}

/** The stored form of a phone: E.164 plus an RFC 3966 extension parameter (`+861012345678;ext=123`). */
export function formatPhone(result: Pick<PhoneResult, 'normalized' | 'extension'>): string {
  return result.extension ? `${result.normalized};ext=${result.extension}` : result.normalized;
}

function checkForeign(digits: string, extension: string | undefined): PhoneResult {
  const normalized = `+${digits}`;
  // E.164: country code plus subscriber number, at most 15 digits.
  if (digits.length < 8) return { normalized, isValid: false, reason: 'too_short' };
  if (digits.length > 15) return { normalized, isValid: false, reason: 'too_long' };
  return withExtension({ normalized, isValid: true, kind: 'foreign' }, extension);
}

function withExtension(result: PhoneResult, extension: string | undefined): PhoneResult {
  return extension === undefined ? result : { ...result, extension };
}

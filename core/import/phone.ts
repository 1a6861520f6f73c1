// Phone normalization for imports: read in the workspace's default country only when valid there, never guessed
// into another country; Chinese numbers by the pure domain normalizer, other countries by libphonenumber-js.
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';
import { normalizePhone } from '../domain/normalize/phone';
import type { PhoneResult } from '../domain/normalize/phone';

/** The country a number without a country code is read in (ISO 3166 alpha-2, e.g. `CN`, `GB`, `US`). */
export type DefaultCountry = string;

// `1 (321) 800-6101`, `(407) 261-8908`, `321-800-6101`: North American formatting, never a Chinese mobile.
const NANP_SHAPE = /^\s*(?:\+?1[\s.-]*)?\(?\d{3}\)?[\s.-]+\d{3}[\s.-]\d{4}\s*$/;

/**
 * Reads a phone number. With an explicit country code (`+44…`, `0044…`) it is checked against that country's
 * numbering plan. Without one it is read in `defaultCountry` (default `CN`) and is valid only when valid there:
 * a number formatted the North American way is not read as Chinese, and nothing is rewritten into another
 * country's number. An invalid result keeps `normalized` as best-effort digits; the caller keeps what was typed.
 */
export function normalizePhoneNumber(raw: string, defaultCountry: DefaultCountry = 'CN'): PhoneResult {
  const country = defaultCountry.toUpperCase();
  const hasCountryCode = /^\s*(?:\+|＋|00)/.test(raw);
  if (!hasCountryCode && country !== 'CN') return parseInCountry(raw, country);
  if (!hasCountryCode && NANP_SHAPE.test(raw)) {
    return { normalized: raw.replace(/\D/g, ''), isValid: false, reason: 'invalid_for_country' };
  }
  const result = normalizePhone(raw);
  if (result.kind !== 'foreign') return result;
  const parsed = parsePhoneNumberFromString(result.normalized);
  if (!parsed || !parsed.isValid())
    return { normalized: result.normalized, isValid: false, reason: 'invalid_for_country' };
  return result.extension === undefined
    ? { normalized: parsed.number, isValid: true, kind: 'foreign' }
    : { normalized: parsed.number, extension: result.extension, isValid: true, kind: 'foreign' };
}

function parseInCountry(raw: string, country: string): PhoneResult {
  if (!isSupportedCountry(country)) return normalizePhone(raw);
  const parsed = parsePhoneNumberFromString(raw, country as CountryCode);
  if (!parsed || !parsed.isValid()) {
    return { normalized: raw.replace(/\D/g, ''), isValid: false, reason: 'invalid_for_country' };
  }
  return parsed.ext
    ? { normalized: parsed.number, extension: parsed.ext, isValid: true, kind: 'foreign' }
    : { normalized: parsed.number, isValid: true, kind: 'foreign' };
}

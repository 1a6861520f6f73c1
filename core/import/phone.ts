// Phone normalization for imports: Chinese numbers by the pure domain normalizer, other countries by libphonenumber-js.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { normalizePhone } from '../domain/normalize/phone';
import type { PhoneResult } from '../domain/normalize/phone';

/**
 * Like the domain's `normalizePhone`, but a number with a non-Chinese country code is checked against that
 * country's numbering plan (libphonenumber-js metadata) instead of only its E.164 shape.
 */
export function normalizePhoneNumber(raw: string): PhoneResult {
  const result = normalizePhone(raw);
  if (result.kind !== 'foreign') return result;
  const parsed = parsePhoneNumberFromString(result.normalized);
  if (!parsed || !parsed.isValid())
    return { normalized: result.normalized, isValid: false, reason: 'invalid_for_country' };
  return result.extension === undefined
    ? { normalized: parsed.number, isValid: true, kind: 'foreign' }
    : { normalized: parsed.number, extension: result.extension, isValid: true, kind: 'foreign' };
}

// Email addresses to one canonical form: trimmed, lower-case, full-width @ and dots folded, then validated.
import { foldWidth, stripControlChars } from './text';

export type EmailInvalidReason = 'empty' | 'no_at' | 'bad_local_part' | 'bad_domain' | 'too_long';

export interface EmailResult {
  readonly normalized: string;
  readonly isValid: boolean;
  readonly reason?: EmailInvalidReason;
}

const SIMPLE =
  /^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// Labels of letters/digits/hyphens (any script, for IDN), a TLD of at least two letters.
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

/**
 * Normalizes an email address. Invariants: the result has no white space and no upper-case ASCII;
 * it is idempotent (`normalizeEmail(r.normalized)` gives the same result).
 */
export function normalizeEmail(raw: string): EmailResult {
  // Fast path for the common plain-ASCII address; it accepts a subset of what the full check below accepts.
  if (raw.length <= 254 && SIMPLE.test(raw) && raw.indexOf('@') <= 64)
    return { normalized: raw.toLowerCase(), isValid: true };
  let text = stripControlChars(foldWidth(raw))
    .replace(/[。｡．]/g, '.')
    .replace(/[＠]/g, '@')
    .replace(/\s+/g, '')
    .toLowerCase();
  text = text.replace(/^mailto:/, '').replace(/^<(.*)>$/, '$1');
  if (text === '') return { normalized: '', isValid: false, reason: 'empty' };
  if (text.length > 254) return { normalized: text, isValid: false, reason: 'too_long' };
  const at = text.lastIndexOf('@');
  if (at < 0) return { normalized: text, isValid: false, reason: 'no_at' };
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local.length === 0 || local.length > 64 || !LOCAL.test(local)) {
    return { normalized: text, isValid: false, reason: 'bad_local_part' };
  }
  if (!DOMAIN.test(domain)) return { normalized: text, isValid: false, reason: 'bad_domain' };
  return { normalized: text, isValid: true };
}

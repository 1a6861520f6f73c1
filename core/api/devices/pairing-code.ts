// Pairing codes: a one-time secret (50 bits, Crockford base32, no look-alike letters) followed by the first eight
// hex digits of the hub's CA fingerprint, so the rep's PC can tell the real hub from an impostor before trusting it.
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_LENGTH = 10;
export const FINGERPRINT_PREFIX_LENGTH = 8;

export function fingerprintPrefix(fingerprint256: string): string {
  return fingerprint256.replace(/:/g, '').slice(0, FINGERPRINT_PREFIX_LENGTH).toUpperCase();
}

export function newPairingCode(caFingerprint256: string): { code: string; secret: string } {
  let secret = '';
  for (let i = 0; i < SECRET_LENGTH; i += 1) secret += ALPHABET[randomInt(ALPHABET.length)];
  const prefix = fingerprintPrefix(caFingerprint256);
  return { code: `${secret.slice(0, 5)}-${secret.slice(5)}-${prefix}`, secret };
}

/** Splits what the rep typed (any case, dashes or spaces) into the secret and the fingerprint prefix. */
export function parsePairingCode(typed: string): { secret: string; prefix: string } | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== SECRET_LENGTH + FINGERPRINT_PREFIX_LENGTH) return null;
  const secret = compact.slice(0, SECRET_LENGTH);
  const prefix = compact.slice(SECRET_LENGTH);
  if (![...secret].every((c) => ALPHABET.includes(c)) || !/^[0-9A-F]+$/.test(prefix)) return null;
  return { secret, prefix };
}

// Passwords, PINs and tokens: salted scrypt run off the event loop, random tokens stored only as SHA-256 hashes.
import { createHash, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';

/**
 * scrypt cost: N = 2^15, r = 8 (32 MiB, ~60 ms on this kind of machine), so a stolen database does not give up a
 * 6-digit PIN in minutes (10^6 guesses ≈ 17 CPU-hours), while 20 people signing in at once stay under a second.
 */
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_BYTES = 32;

function scryptAsync(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt2$N$r$p$salt$hash`, hex. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(secret, salt, COST);
  return ['scrypt2', COST.N, COST.r, COST.p, salt.toString('hex'), key.toString('hex')].join('$');
}

function equalKeys(expectedHex: string, actual: Buffer): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  return expected.length === actual.length && timingSafeEqualBuffers(expected, actual);
}

function timingSafeEqualBuffers(a: Buffer, b: Buffer): boolean {
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/** Constant-time check; also reads the older `scrypt$salt$hash` PINs (Node's default cost). */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts[0] === 'scrypt2' && parts.length === 6) {
    const [, n, r, p, saltHex, hashHex] = parts as [string, string, string, string, string, string];
    const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem };
    return equalKeys(hashHex, await scryptAsync(secret, Buffer.from(saltHex, 'hex'), options));
  }
  if (parts[0] === 'scrypt' && parts.length === 3) {
    const [, saltHex, hashHex] = parts as [string, string, string];
    return equalKeys(hashHex, await scryptAsync(secret, Buffer.from(saltHex, 'hex'), {}));
  }
  return false;
}

/** Costs what a real verification does, for unknown people, so timing does not tell who exists. */
export async function verifyAgainstNobody(secret: string): Promise<false> {
  await scryptAsync(secret, Buffer.alloc(16), COST);
  return false;
}

/** A random bearer token (256 bits, base64url). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

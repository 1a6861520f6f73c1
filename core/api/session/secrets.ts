// Passwords, PINs and tokens: salted scrypt run off the event loop (a bounded number at once), random tokens stored
// only as SHA-256 hashes.
import { createHash, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';

/**
 * scrypt cost for new hashes: N = 2^14, r = 8, p = 1 (16 MiB; OWASP's minimum for scrypt), ~50 ms on one core of this
 * kind of machine: 10^6 guesses at a stolen 6-digit PIN cost ~14 CPU-hours, while 20 people signing in at once on
 * 2 cores finish within a second (`npm run bench -- lan`, sign_in_p95_ms). N = 2^15 took 2.7–5 s there: each hash
 * doubles in time and memory, and four 32 MiB hashes at once thrash the caches of a small PC. The cost is stored
 * with each hash, so hashes made at another cost keep verifying.
 */
export const SECRET_COST = { N: 2 ** 14, r: 8, p: 1 } as const;
/** Room for any stored cost up to N = 2^16, r = 8 (64 MiB); Node's default of 32 MiB is just short of N = 2^15. */
const MAX_MEMORY_BYTES = 96 * 1024 * 1024;
const KEY_BYTES = 32;

/** Thrown when too many pieces of work already wait: the caller refuses the sign-in as busy. */
export class SecretsBusyError extends Error {
  constructor(waitingAtMost: number) {
    super(`more than ${waitingAtMost} password checks are waiting`);
  }
}

/** Runs work at most `runningAtMost` at once, queueing up to `waitingAtMost` more and refusing beyond that. */
export function createWorkLimiter(runningAtMost: number, waitingAtMost: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function limited<T>(work: () => Promise<T>): Promise<T> {
    if (running >= runningAtMost) {
      if (waiting.length >= waitingAtMost) throw new SecretsBusyError(waitingAtMost);
      await new Promise<void>((resume) => waiting.push(resume));
    } else {
      running += 1;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter, so `running` never drops below what really runs.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

/**
 * Hashes run at most one per core at once (libuv's pool has 4 threads; more hashes than cores only makes each one
 * slower and leaves no thread for file work); past 200 waiting, a sign-in is refused as busy rather than queued.
 */
const withHashSlot = createWorkLimiter(Math.max(1, Math.min(4, availableParallelism())), 200);

function scryptAsync(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return withHashSlot(
    () =>
      new Promise((resolve, reject) => {
        scrypt(
          secret.normalize('NFKC'),
          salt,
          KEY_BYTES,
          { ...options, maxmem: MAX_MEMORY_BYTES },
          (error, key) => (error ? reject(error) : resolve(key)),
        );
      }),
  );
}

/** `scrypt2$N$r$p$salt$hash`, hex. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(secret, salt, SECRET_COST);
  return [
    'scrypt2',
    SECRET_COST.N,
    SECRET_COST.r,
    SECRET_COST.p,
    salt.toString('hex'),
    key.toString('hex'),
  ].join('$');
}

/** A stored cost this app could have written (never one that would take minutes or gigabytes to check). */
function isSaneCost(cost: { N: number; r: number; p: number }): boolean {
  const isPowerOfTwo = Number.isInteger(Math.log2(cost.N));
  return isPowerOfTwo && cost.N >= 2 ** 10 && cost.N <= 2 ** 16 && cost.r >= 1 && cost.r <= 8 && cost.p === 1;
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
    const options = { N: Number(n), r: Number(r), p: Number(p) };
    if (!isSaneCost(options)) return false;
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
  await scryptAsync(secret, Buffer.alloc(16), SECRET_COST);
  return false;
}

/** A random bearer token (256 bits, base64url). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

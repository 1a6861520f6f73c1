// Password and PIN hashing: the cost stored with each hash, older costs still verified, absurd stored costs refused
// without running them, and a bounded number of hashes at once with a refusal past the waiting limit.
import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createWorkLimiter,
  hashSecret,
  SECRET_COST,
  SecretsBusyError,
  verifySecret,
} from '../../../core/api/session/secrets';

/** A hash as an earlier version stored it: `scrypt2$N$r$p$salt$hash` at the cost given. */
function storedAt(secret: string, N: number, r: number): string {
  const salt = randomBytes(16);
  const key = scryptSync(secret, salt, 32, { N, r, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt2', N, r, 1, salt.toString('hex'), key.toString('hex')].join('$');
}

describe('hashing passwords and PINs', () => {
  it('stores new hashes at N = 2^14, r = 8, p = 1 at least (OWASP’s minimum for scrypt), with that cost', async () => {
    const stored = await hashSecret('246810');
    const [scheme, n, r, p] = stored.split('$');
    expect(scheme).toBe('scrypt2');
    expect(Number(n)).toBeGreaterThanOrEqual(2 ** 14);
    expect(Number(r)).toBeGreaterThanOrEqual(8);
    expect([Number(n), Number(r), Number(p)]).toEqual([SECRET_COST.N, SECRET_COST.r, SECRET_COST.p]);
    expect(await verifySecret('246810', stored)).toBe(true);
    expect(await verifySecret('246811', stored)).toBe(false);
  });

  it('still verifies hashes stored at the earlier cost (N = 2^15) and the first PIN format', async () => {
    expect(await verifySecret('135791', storedAt('135791', 2 ** 15, 8))).toBe(true);
    expect(await verifySecret('135790', storedAt('135791', 2 ** 15, 8))).toBe(false);
    const salt = randomBytes(16);
    const oldPin = ['scrypt', salt.toString('hex'), scryptSync('1234', salt, 32).toString('hex')].join('$');
    expect(await verifySecret('1234', oldPin)).toBe(true);
  });

  it('refuses a stored cost no version wrote instead of running it', async () => {
    const good = storedAt('246810', 2 ** 14, 8).split('$');
    for (const [n, r, p] of [
      ['1048576', '8', '1'],
      ['16384', '64', '1'],
      ['16384', '8', '16'],
      ['12345', '8', '1'],
      ['NaN', '8', '1'],
    ]) {
      const forged = ['scrypt2', n, r, p, good[4], good[5]].join('$');
      expect(await verifySecret('246810', forged), `${n}/${r}/${p}`).toBe(false);
    }
  });

  it('keeps the event loop turning while several hashes run', async () => {
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 1);
    await Promise.all(Array.from({ length: 6 }, (_, i) => hashSecret(`pin-${i}`)));
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(0);
  });
});

describe('the hashing limiter', () => {
  function deferred() {
    let resolve = () => {};
    const promise = new Promise<void>((done) => (resolve = done));
    return { promise, resolve };
  }

  it('runs at most the given number at once, and the rest in order as slots free', async () => {
    const limited = createWorkLimiter(2, 10);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const gates = Array.from({ length: 5 }, deferred);
    const all = gates.map((gate, i) =>
      limited(async () => {
        running += 1;
        most = Math.max(most, running);
        order.push(i);
        await gate.promise;
        running -= 1;
      }),
    );
    for (const gate of gates) {
      gate.resolve();
      await Promise.resolve();
    }
    await Promise.all(all);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses work past the waiting limit as busy, and frees its slot when work fails', async () => {
    const limited = createWorkLimiter(1, 1);
    const gate = deferred();
    const first = limited(() => gate.promise);
    const second = limited(() => Promise.reject(new Error('broken')));
    await expect(limited(() => Promise.resolve(3))).rejects.toBeInstanceOf(SecretsBusyError);
    gate.resolve();
    await first;
    await expect(second).rejects.toThrow('broken');
    expect(await limited(() => Promise.resolve(4))).toBe(4);
  });
});

// Every call of the contract over a real hub on loopback, fed values generated from its input schema and hostile
// mutations of them (wrong types, deep nesting, huge strings, NaN/Infinity as raw text, __proto__ and constructor
// keys, impossible dates, unknown fields): never a 500, the hub still answers, a refusal is JSON data, and a
// refused call leaves the database as it was.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, CALL_NAMES } from '../../../core/api/contract';
import type { CallSpec } from '../../../core/api/contract-kit';
import { startHub, type RunningHub } from '../../../core/lan/hub-server';
import { createTestService, type TestService } from '../../helpers/service';
import { arbitraryOf } from './zod-arbitrary';

/** Generated inputs (mostly valid) and hostile mutations per call; small, so all calls fit in well under a minute. */
const SAMPLE_RUNS = 3;
const MUTATION_RUNS = 5;
/** Tables a refused call may still write by design: sessions (this test opens one per request) and the sign-in
 * lockout, charged before a password is checked so that guessing stays slow. */
const WRITTEN_BY_REFUSALS = new Set(['sessions', 'sign_in_failures']);
/** Sign-in and pairing attempts are audited whether they succeed or not (session/handlers.ts, devices/handlers.ts). */
const AUDITED_REFUSALS = new Set(['session.signIn', 'session.redeemLink', 'devices.pair']);
const HASHED_TABLES = ['leads', 'reps', 'settings'];
/** Calls whose generated valid input would do minutes of work; their hostile inputs still run. */
const NO_VALID_SAMPLES = new Set(['workspace.loadDemo']);

const specs = calls as Record<string, CallSpec>;

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, '', [], {}, '2026-02-30', '2026-99-99', 'NaN'),
  fc.integer(),
  fc.string(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.constant(nested(40)),
  fc.constant('x'.repeat(300_000)),
);

/** A generated input with one hostile change: a field's value replaced, an unknown field added, or the whole input. */
function mutationsOf(spec: CallSpec): fc.Arbitrary<unknown> {
  return fc
    .tuple(arbitraryOf(spec.input), hostileValue, fc.nat(), fc.constantFrom('replace', 'unknown', 'whole'))
    .map(([sample, value, index, kind]) => {
      if (kind === 'whole' || typeof sample !== 'object' || sample === null || Array.isArray(sample))
        return value;
      const keys = Object.keys(sample);
      if (kind === 'unknown' || keys.length === 0) return { ...sample, zzUnknown: value };
      return { ...sample, [keys[index % keys.length]!]: value };
    });
}

/** Raw bodies JSON.stringify cannot write: NaN and Infinity, and prototype keys as the parser sees them. */
function rawBodiesFor(sample: unknown): string[] {
  const fields =
    typeof sample === 'object' && sample !== null && !Array.isArray(sample) && Object.keys(sample).length > 0
      ? `,${JSON.stringify(sample).slice(1, -1)}`
      : '';
  return [
    `{"limit":NaN${fields}}`,
    `{"offset":Infinity${fields}}`,
    `[-Infinity]`,
    `{"__proto__":{"polluted":true}${fields}}`,
    `{"constructor":{"prototype":{"polluted":true}}${fields}}`,
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    JSON.stringify(nested(33)),
    `{"text":"${'y'.repeat(900_000)}"}`,
  ];
}

describe('every call over HTTP, with hostile input', () => {
  let dir: string;
  let t: TestService;
  let hub: RunningHub;
  let reader: Database.Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fairlead-hostile-'));
    t = createTestService(dir);
    hub = await startHub({ service: t.service, port: 0 });
    reader = new Database(join(dir, 'fairlead.sqlite'), { readonly: true });
  });
  afterAll(async () => {
    await hub?.close();
    reader?.close();
    t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Each request on its own connection: the hub closes a connection after ten malformed requests. */
  function send(
    method: 'GET' | 'POST',
    path: string,
    body: string,
    token: string | null,
  ): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${hub.url}${path}`,
        {
          method,
          agent: false,
          headers: {
            'content-type': 'application/json',
            ...(token ? { 'x-fairlead-session': token } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(method === 'POST' ? body : undefined);
    });
  }

  function tableNames(): string[] {
    return reader
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
  }

  /** Row counts of every table, and a hash of the leads, reps and settings rows. */
  function fingerprint(name?: string): string {
    const parts: string[] = [];
    for (const table of tableNames()) {
      if (WRITTEN_BY_REFUSALS.has(table)) continue;
      if (table === 'audit_log' && name !== undefined && AUDITED_REFUSALS.has(name)) continue;
      parts.push(`${table}=${String(reader.prepare(`SELECT count(*) FROM "${table}"`).pluck().get())}`);
    }
    for (const table of HASHED_TABLES) {
      const rows = reader.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all();
      parts.push(`${table}#${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`);
    }
    return parts.join(' ');
  }

  /** A job a generated call started writes on its own; wait for it before judging the next call. */
  async function settleJobs(): Promise<void> {
    const deadline = Date.now() + 20_000;
    const running = reader.prepare("SELECT count(*) FROM jobs WHERE state = 'running'").pluck();
    while ((running.get() as number) > 0) {
      if (Date.now() > deadline) throw new Error('a job kept running for 20 s');
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async function expectCleanAnswer(name: string, body: string): Promise<void> {
    await settleJobs();
    const token = t.service.openTrustedSession({ role: 'lead' });
    const before = fingerprint(name);
    const res = await send('POST', `/api/${name}`, body, token);
    const shown = body.length > 200 ? `${body.slice(0, 200)}… (${body.length} chars)` : body;
    expect(res.status, `${name} ${shown}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
    const answer = JSON.parse(res.text) as { ok: boolean; error?: { code?: unknown; reason?: unknown } };
    if (res.status >= 400) {
      expect(answer, `${name} ${shown}`).toMatchObject({
        ok: false,
        error: { code: expect.any(String), reason: expect.any(String) },
      });
      await settleJobs();
      expect(fingerprint(name), `${name} refused ${shown} but stored something`).toBe(before);
    } else {
      expect(answer.ok, `${name} ${shown}`).toBe(true);
    }
    expect(({} as Record<string, unknown>)['polluted'], 'Object.prototype was polluted').toBeUndefined();
  }

  it.each(CALL_NAMES)('%s answers hostile input as data, stores nothing when it refuses', async (name) => {
    const spec = specs[name]!;
    if (!NO_VALID_SAMPLES.has(name)) {
      await fc.assert(
        fc.asyncProperty(arbitraryOf(spec.input), (input) => expectCleanAnswer(name, JSON.stringify(input))),
        { numRuns: SAMPLE_RUNS },
      );
    }
    await fc.assert(
      fc.asyncProperty(mutationsOf(spec), (input) =>
        expectCleanAnswer(name, JSON.stringify(input) ?? 'null'),
      ),
      { numRuns: MUTATION_RUNS },
    );
    const sample = fc.sample(arbitraryOf(spec.input), { numRuns: 1, seed: 1 })[0];
    for (const body of rawBodiesFor(sample)) await expectCleanAnswer(name, body);
    const health = await send('GET', '/api/health', '', null);
    expect(health.status).toBe(200);
  });

  it('answers a body over the call’s limit with 413 and the JSON error, not a reset, even when sent unannounced', async () => {
    const token = t.service.openTrustedSession({ role: 'lead' });
    const limit = specs['leads.list']!.maxBodyBytes;
    const before = fingerprint();
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${hub.url}/api/leads.list`,
        {
          method: 'POST',
          agent: false,
          // Chunked: no content-length to refuse up front, so the hub must count while reading.
          headers: {
            'content-type': 'application/json',
            'x-fairlead-session': token,
            'transfer-encoding': 'chunked',
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      // The hub closes the connection once it has answered: writes after that fail, the answer stands.
      req.on('error', (error) => (req.writableEnded ? undefined : reject(error)));
      req.write(`{"text":"${'z'.repeat(limit)}`);
      req.end('"}');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({
      ok: false,
      error: { code: 'too_large', reason: 'common.bodyTooLarge', details: { maxBytes: limit } },
    });
    expect(fingerprint()).toBe(before);
    expect((await send('GET', '/api/health', '', null)).status).toBe(200);
  });
});

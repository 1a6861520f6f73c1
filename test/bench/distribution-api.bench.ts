// Benchmark of distribution through the hub's HTTP API: one new lead per `POST /api/leads.create` (HTTP, JSON,
// validation, transaction, scoring, rule pipeline, assignment row, audit) with 50 reps, a 20-rule pipeline with
// caps and 20k existing leads. The percentiles are over every measured request, slow ones on a busy box included.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { createInProcessClient } from '../../core/api/transport/in-process-client';
import { leadKeysOf } from '../../core/api/leads/lead-keys';
import { createService } from '../../core/api/service';
import { SESSION_HEADER, startHub } from '../../core/lan/hub-server';
import { createRng } from '../../core/domain/clock';
import type { DistributionMethod, DistributionRule, RuleTarget } from '../../core/domain/distribution/types';
import { asLeadId, asRepId } from '../../core/domain/ids';
import type { Lead } from '../../core/domain/lead';
import type { RepTier } from '../../core/domain/rep';
import { insertLead } from '../../core/store/leads';
import { openDurableAcks } from '../../core/store/durable-acks';
import { openDatabase } from '../../core/store/open-database';
import { inTransaction } from '../../core/store/sql';
import type { Report } from './figure';
import { figure, percentile, printDiskSync } from './figure';

const REPS = 50;
const EXISTING = 20_000;
const WARM_UP = 200;
const MEASURED = 3_000;
const FETCH_PAIRS = 300;
const INDUSTRIES = ['制造', '零售', '金融', '教育', '医疗', '物流', '能源', '软件'];
const REGIONS = ['华东', '华北', '华南', '西南', '华中'];
const SOURCES = ['官网表单', '百度推广', '展会', '转介绍', '导入'];
const TIERS: readonly RepTier[] = ['senior', 'mid', 'junior'];
const METHODS: readonly DistributionMethod[] = [
  'round-robin',
  'weighted',
  'load-balanced',
  'skill-match',
  'tier-ladder',
];

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

function makeRules(): DistributionRule[] {
  const rules: DistributionRule[] = [];
  for (let i = 0; i < 19; i += 1) {
    const region = REGIONS[i % REGIONS.length] as string;
    const industry = INDUSTRIES[i % INDUSTRIES.length] as string;
    const target: RuleTarget =
      i % 4 === 0
        ? { kind: 'territory' }
        : i % 4 === 1
          ? { kind: 'tier', tiers: [TIERS[i % 3] as RepTier] }
          : i % 4 === 2
            ? { kind: 'skill', tags: [industry] }
            : { kind: 'everyone' };
    rules.push({
      id: `rule-${i}`,
      name: `规则 ${i}`,
      enabled: true,
      conditions: [
        { field: 'region', op: 'equals', value: region },
        { field: 'industry', op: 'equals', value: industry },
        ...(i % 3 === 0 ? [{ field: 'score' as const, op: 'range' as const, min: 40, max: null }] : []),
      ],
      target,
      method: METHODS[i % METHODS.length] as DistributionMethod,
    });
  }
  rules.push({
    id: 'fallback',
    name: '兜底',
    enabled: true,
    conditions: [],
    target: { kind: 'everyone' },
    method: 'load-balanced',
  });
  return rules;
}

function existingLead(i: number, rng: () => number, now: number): Lead {
  const createdAt = now - Math.floor(rng() * 180) * 86_400_000;
  return {
    id: asLeadId(`lead_old_${String(i).padStart(6, '0')}`),
    name: `老客户${i}`,
    phone: `138${String(10_000_000 + i).slice(-8)}`,
    email: null,
    wechat: null,
    company: `公司${i % 5000}有限公司`,
    title: null,
    industry: pick(rng, INDUSTRIES),
    region: pick(rng, REGIONS),
    companySize: null,
    product: null,
    source: pick(rng, SOURCES),
    campaign: null,
    costFen: 0,
    needs: null,
    bant: {},
    customFields: {},
    events: [],
    stage: rng() < 0.7 ? 'won' : 'raw',
    ownerId: asRepId(`rep_${String(i % REPS).padStart(3, '0')}`),
    score: Math.floor(rng() * 100),
    grade: null,
    createdAt,
    updatedAt: createdAt,
    isHistory: false,
  };
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * One call over the hub's HTTP API on a kept-alive connection, as the desktop app's own hub client sends it
 * (core/lan/pinned-tls.ts: Node's `request` through a keep-alive agent) and a browser keeps its connection; throws
 * unless it succeeded. Not `fetch`: undici's client work runs on this thread, which the hub shares here, and a rep's
 * PC does on its own CPU (2026-12-04, whole runs: p50 3.8–4.6 ms through fetch, 2.0–2.5 ms through this; alternately
 * in one run the gap is smaller, ~0.6 ms, as `printFetchCost` prints).
 */
function postCall<T>(agent: Agent, url: string, token: string, name: string, input: unknown): Promise<T> {
  const body = JSON.stringify(input);
  return new Promise<T>((resolve, reject) => {
    const req = request(`${url}/api/${name}`, {
      agent,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        [SESSION_HEADER]: token,
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer<T>;
        if (answer.ok) resolve(answer.value);
        else reject(new Error(`${name} failed (${res.statusCode}): ${JSON.stringify(answer.error)}`));
      });
    });
    req.end(body);
  });
}

/** The same call through `fetch` (undici), for the diagnostic line only. */
async function fetchCall<T>(url: string, token: string, name: string, input: unknown): Promise<T> {
  const response = await fetch(`${url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SESSION_HEADER]: token },
    body: JSON.stringify(input),
  });
  const answer = (await response.json()) as Answer<T>;
  if (!answer.ok) throw new Error(`${name} failed (${response.status}): ${JSON.stringify(answer.error)}`);
  return answer.value;
}

type Send = (name: string, input: unknown) => Promise<unknown>;

/**
 * Diagnostics: the client's share of the figure. New leads sent alternately through this bench's client and through
 * `fetch` in the same minutes; the difference is undici's work on this thread, which the hub never does.
 */
async function printFetchCost(
  createOne: (send?: Send) => Promise<{ readonly wall: number }>,
  viaFetch: Send,
): Promise<void> {
  const kept: number[] = [];
  const fetched: number[] = [];
  for (let n = 0; n < FETCH_PAIRS; n += 1) {
    kept.push((await createOne()).wall);
    fetched.push((await createOne(viaFetch)).wall);
  }
  kept.sort((a, b) => a - b);
  fetched.sort((a, b) => a - b);
  console.log(
    `# the client's share, ${FETCH_PAIRS} new leads each way alternately: p50 ${percentile(kept, 50).toFixed(2)} ms ` +
      `through a kept-alive node:http request (as measured), ${percentile(fetched, 50).toFixed(2)} ms through fetch ` +
      `(undici, whose work here shares the hub's thread)`,
  );
}

/** GC kinds as perf_hooks numbers them (NODE_PERFORMANCE_GC_*). */
const GC_KINDS: Readonly<Record<number, string>> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak' };

function gcKindOf(entry: PerformanceEntry): number {
  return (entry as PerformanceEntry & { readonly detail?: { readonly kind?: number } }).detail?.kind ?? 0;
}

/**
 * Diagnostics: of the requests at or above the p99, how many overlapped a GC pause (and which kind) or a WAL
 * checkpoint, and how long they waited on the WAL's fsync; and the GC's total pause time over the measured requests.
 */
function printSlowRequests(
  requests: readonly { start: number; wall: number; flush: number }[],
  pauses: readonly PerformanceEntry[],
  checkpoints: readonly { startTime: number; duration: number }[],
  p99: number,
): void {
  const slow = requests.filter((r) => r.wall >= p99);
  const measured = checkpoints.filter((c) => c.startTime >= (requests[0]?.start ?? 0));
  const withCheckpoint = slow.filter((r) =>
    measured.some((c) => c.startTime < r.start + r.wall && c.startTime + c.duration > r.start),
  ).length;
  const byKind = new Map<string, number>();
  let withGc = 0;
  for (const r of slow) {
    const hit = pauses.filter((g) => g.startTime < r.start + r.wall && g.startTime + g.duration > r.start);
    if (hit.length > 0) withGc += 1;
    for (const g of hit) {
      const kind = GC_KINDS[gcKindOf(g)] ?? 'other';
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
  }
  const flushes = slow.map((r) => r.flush).sort((a, b) => a - b);
  const total = new Map<string, { count: number; ms: number }>();
  for (const g of pauses) {
    const kind = GC_KINDS[gcKindOf(g)] ?? 'other';
    const t = total.get(kind) ?? { count: 0, ms: 0 };
    total.set(kind, { count: t.count + 1, ms: t.ms + g.duration });
  }
  console.log(
    `# ${slow.length} requests >= p99: ${withGc} overlap a GC pause (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}), ` +
      `${withCheckpoint} overlap a WAL checkpoint on the hub's thread (${measured.length} ran, longest ${Math.max(0, ...measured.map((c) => c.duration)).toFixed(1)} ms), ` +
      `their fsync wait p50 ${percentile(flushes, 50).toFixed(2)} ms, max ${(flushes.at(-1) ?? 0).toFixed(2)} ms; ` +
      `GC over all: ${[...total].map(([k, t]) => `${k} ${t.count}x ${t.ms.toFixed(0)} ms`).join(', ') || 'none'}`,
  );
}

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fairlead-bench-'));
  const db = openDatabase(join(dir, 'bench.sqlite'));
  try {
    let now = Date.UTC(2026, 2, 4, 2, 0, 0);
    // As the hub runs: a new lead's answer waits for its commit to be on disk (group commit, durable-acks.ts).
    const durableAcks = openDurableAcks(db);
    // Diagnostics only (the answer still waits for every flush): how long each request waited on the disk.
    let flushWaitMs = 0;
    const timedAcks = {
      flush: async () => {
        const start = performance.now();
        try {
          await durableAcks.flush();
        } finally {
          flushWaitMs += performance.now() - start;
        }
      },
    };
    // Diagnostics only: when WAL checkpoints ran on the hub's thread (each blocks the requests that arrive meanwhile;
    // the background thread's do not, and are not counted).
    const checkpoints: { startTime: number; duration: number }[] = [];
    const pragma = db.pragma.bind(db);
    db.pragma = ((source: string, options?: { simple?: boolean }) => {
      if (!source.startsWith('wal_checkpoint')) return pragma(source, options);
      const startTime = performance.now();
      try {
        return pragma(source, options);
      } finally {
        checkpoints.push({ startTime, duration: performance.now() - startTime });
      }
    }) as typeof db.pragma;
    const service = createService({ db, clock: () => now, durableAcks: timedAcks });
    const client = createInProcessClient(service, { as: { role: 'lead' } });
    const rng = createRng(11);
    for (let i = 0; i < REPS; i += 1) {
      const rep = await client.call('reps.create', {
        name: `销售${i}`,
        tier: TIERS[i % 3] as RepTier,
        skills: [pick(rng, INDUSTRIES), pick(rng, INDUSTRIES)],
        regions: [pick(rng, REGIONS)],
        weight: 1 + (i % 4),
        capOpen: 2_000,
        capDaily: 200,
        joinedOn: '2024-01-01',
      });
      // Existing leads point at these ids; make them match.
      db.prepare('UPDATE reps SET id = ? WHERE id = ?').run(`rep_${String(i).padStart(3, '0')}`, rep.id);
    }
    inTransaction(db, () => {
      for (let i = 0; i < EXISTING; i += 1) {
        const lead = existingLead(i, rng, now);
        insertLead(db, lead, leadKeysOf(lead), {
          importBatchId: null,
          scoreModelVersion: null,
          scoredAt: null,
        });
      }
    });
    await client.call('distribution.saveRules', { rules: makeRules() });

    const hub = await startHub({ service, port: 0 });
    const token = service.openTrustedSession({ role: 'lead' });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const viaAgent: Send = (name, input) => postCall(agent, hub.url, token, name, input);
    try {
      let i = 0;
      const createOne = async (
        send: Send = viaAgent,
      ): Promise<{
        wall: number;
        cpu: number;
        thread: number;
        assigned: boolean;
        start: number;
        flush: number;
      }> => {
        i += 1;
        now += 20_000;
        const input = {
          name: `新线索${i}`,
          phone:
            rng() < 0.1 ? `138${String(10_000_000 + i).slice(-8)}` : `139${String(20_000_000 + i).slice(-8)}`,
          company: rng() < 0.2 ? `公司${i % 5000}` : `新公司${i}`,
          title: pick(rng, ['总经理', '采购经理', '专员', 'IT 主管']),
          industry: pick(rng, INDUSTRIES),
          region: pick(rng, REGIONS),
          source: pick(rng, SOURCES),
          companySize: Math.floor(rng() * 2000),
        };
        const cpuBefore = process.cpuUsage();
        const threadBefore = process.threadCpuUsage();
        flushWaitMs = 0;
        const start = performance.now();
        const lead = (await send('leads.create', input)) as { ownerId: string | null };
        const wall = performance.now() - start;
        const cpu = process.cpuUsage(cpuBefore);
        const thread = process.threadCpuUsage(threadBefore);
        return {
          wall,
          cpu: (cpu.user + cpu.system) / 1000,
          thread: (thread.user + thread.system) / 1000,
          assigned: lead.ownerId !== null,
          start,
          flush: flushWaitMs,
        };
      };
      for (let w = 0; w < WARM_UP; w += 1) await createOne();
      // Diagnostics: the garbage collector's pauses during the measured requests, to tell a slow request's cause.
      const pauses: PerformanceEntry[] = [];
      const gcObserver = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
      gcObserver.observe({ entryTypes: ['gc'] });
      const requests: { start: number; wall: number; flush: number }[] = [];
      const walls: number[] = [];
      const cpus: number[] = [];
      const threads: number[] = [];
      let assigned = 0;
      for (let n = 0; n < MEASURED; n += 1) {
        const one = await createOne();
        walls.push(one.wall);
        cpus.push(one.cpu);
        threads.push(one.thread);
        requests.push(one);
        if (one.assigned) assigned += 1;
      }
      await new Promise((resolve) => setImmediate(resolve));
      gcObserver.disconnect();
      walls.sort((a, b) => a - b);
      cpus.sort((a, b) => a - b);
      await printDiskSync(db, () => durableAcks.flush());
      // CPU time (client and hub share this process) shows whether a slow tail came from this code or a busy box:
      // the process's (GC helper threads included) and the main thread's alone, which a shared machine disturbs least.
      // Linux counts a thread's time in scheduler ticks (a 0.3 ms busy loop reads 0 or a whole tick), so only the
      // main thread's mean over every request is meaningful, not its percentiles.
      const threadMean = threads.reduce((sum, ms) => sum + ms, 0) / Math.max(1, threads.length);
      console.log(
        `# ${MEASURED} requests over HTTP: p50 ${percentile(walls, 50).toFixed(2)} ms, p99 ${percentile(walls, 99).toFixed(2)} ms, ` +
          `max ${(walls.at(-1) ?? 0).toFixed(2)} ms, cpu p50 ${percentile(cpus, 50).toFixed(2)} ms, p99 ${percentile(cpus, 99).toFixed(2)} ms, ` +
          `main-thread cpu mean ${threadMean.toFixed(2)} ms, ` +
          `load ${loadavg()[0]?.toFixed(1)}`,
      );
      printSlowRequests(requests, pauses, checkpoints, percentile(walls, 99));
      await printFetchCost(createOne, (name, input) => fetchCall(hub.url, token, name, input));
      report(figure('new_lead_end_to_end_p99_ms', percentile(walls, 99), 'ms', '<=', 5));
      report(figure('new_lead_end_to_end_p50_ms', percentile(walls, 50), 'ms', '<=', 2));
      report(figure('new_lead_assigned_share', assigned / MEASURED, 'ratio', '>=', 0.9));
    } finally {
      agent.destroy();
      await hub.close();
      durableAcks.close();
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

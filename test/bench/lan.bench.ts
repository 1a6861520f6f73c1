// LAN figures against a real LAN-mode hub (built, HTTPS with its own CA, loopback only) and rep clients that pair
// with it as a rep PC does (core/lan/rep-client.ts): an assignment's push latency to a paired rep over WSS, API
// latency for 50 reps polling their queue while the hub distributes 1,000 leads, and 20 simultaneous sign-ins with
// the real password hashing.
import { scryptSync } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { SECRET_COST } from '../../core/api/session/secrets';
import type { PushedEvent } from '../../core/api/contract';
import type { DeviceStore, PairedDevice } from '../../core/lan/device-store';
import { createPinnedTransport } from '../../core/lan/pinned-tls';
import { connectRepClient, type RepClient } from '../../core/lan/rep-client';
import { pairWithHub } from '../../core/lan/rep-pairing';
import { createHttpClient } from '../../core/api/transport/http-client';
import { DEVICE_HEADER } from '../../core/api/transport/http-transport';
import { startLanHub, type LanHub } from '../helpers/lan-hub';
import { figure, percentile, type Report } from './figure';

const POLLING_REPS = 50;
const POOL_LEADS = 1_000;
/** 1,000 leads over ~20 s: a batch of 10 every 200 ms, as leads arriving through the day are distributed. */
const DISTRIBUTION_BATCHES = 100;
const BATCH_EVERY_MS = 200;
const PUSH_SAMPLES = 40;
const SIGN_IN_CLIENTS = 20;

function memoryStore(): DeviceStore {
  let saved: PairedDevice | null = null;
  return {
    load: async () => saved,
    save: async (device) => {
      saved = device;
    },
    clear: async () => {
      saved = null;
    },
  };
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const sleep = (ms: number) => new Promise((next) => setTimeout(next, ms));

/** Leads made before any rep exists stay in the pool, for the hub to distribute during the polling run. */
async function makePoolLeads(hub: LanHub): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < POOL_LEADS; i += 1) {
    ids.push((await hub.lead.call('leads.create', { name: `池线索 ${i}`, phone: null })).id);
  }
  return ids;
}

async function pairReps(hub: LanHub, count: number): Promise<{ repId: string; rep: RepClient }[]> {
  const reps: { repId: string; rep: RepClient }[] = [];
  for (let i = 0; i < count; i += 1) {
    const repId = (await hub.lead.call('reps.create', { name: `Rep ${i}`, tier: 'mid' })).id;
    const { code } = await hub.lead.call('devices.createPairingCode', { repId });
    const store = memoryStore();
    await pairWithHub({ hubUrl: hub.url, code, deviceName: `PC ${i}`, store });
    reps.push({ repId, rep: await connectRepClient(store) });
  }
  return reps;
}

/** Milliseconds from the team lead's reassignment call to its `distribution.assigned` at the rep's client. */
async function measurePush(hub: LanHub, reps: { repId: string; rep: RepClient }[]): Promise<number[]> {
  const waiting = new Map<string, (at: number) => void>();
  const stops = reps.slice(0, 2).map(({ rep }) =>
    rep.client.subscribe((event: PushedEvent) => {
      if (event.event !== 'distribution.assigned') return;
      waiting.get((event.payload as { leadId: string }).leadId)?.(performance.now());
    }),
  );
  // Let both feeds open before timing anything.
  await Promise.all(reps.slice(0, 2).map(({ rep }) => rep.client.call('session.status', {})));
  await sleep(500);
  const samples: number[] = [];
  for (let i = 0; i < PUSH_SAMPLES; i += 1) {
    const lead = await hub.lead.call('leads.create', { name: `推送 ${i}`, phone: null });
    // Reassigned to the first or second rep, whichever did not get it automatically.
    const to = lead.ownerId === reps[0]!.repId ? reps[1]! : reps[0]!;
    const arrived = new Promise<number>((resolve) => waiting.set(lead.id, resolve));
    const started = performance.now();
    await hub.lead.call('distribution.reassign', { leadIds: [lead.id], toRepId: to.repId, reason: 'bench' });
    const at = await Promise.race([arrived, sleep(5_000).then(() => Number.NaN)]);
    samples.push(at - started);
  }
  for (const stop of stops) stop();
  return samples;
}

/** 50 reps poll queue.list once a second (staggered) while the team lead distributes the pool in batches. */
async function measurePolling(
  hub: LanHub,
  reps: { rep: RepClient }[],
  poolIds: string[],
): Promise<{ latencies: number[]; errors: string[] }> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let isRunning = true;
  const pollers = reps.map(async ({ rep }, index) => {
    await sleep((index * 1_000) / reps.length);
    while (isRunning) {
      const started = performance.now();
      try {
        await rep.client.call('queue.list', {});
        latencies.push(performance.now() - started);
      } catch (error) {
        errors.push(String(error));
      }
      await sleep(Math.max(0, 1_000 - (performance.now() - started)));
    }
  });
  const batchSize = Math.ceil(poolIds.length / DISTRIBUTION_BATCHES);
  const distributeMs: number[] = [];
  for (let batch = 0; batch < DISTRIBUTION_BATCHES; batch += 1) {
    const started = performance.now();
    const leadIds = poolIds.slice(batch * batchSize, (batch + 1) * batchSize);
    if (leadIds.length > 0) await hub.lead.call('distribution.distribute', { leadIds });
    distributeMs.push(performance.now() - started);
    await sleep(Math.max(0, BATCH_EVERY_MS - (performance.now() - started)));
  }
  const batches = sorted(distributeMs);
  console.log(
    `# distribution.distribute of ${batchSize} leads: p50 ${percentile(batches, 50).toFixed(1)} ms, ` +
      `max ${batches.at(-1)?.toFixed(1)} ms`,
  );
  isRunning = false;
  await Promise.all(pollers);
  const left = await hub.lead.call('leads.list', { owner: 'pool', limit: 1 });
  console.log(`# pool left after distributing: ${left.total} of ${poolIds.length}`);
  return { latencies, errors };
}

/**
 * 20 reps sign in with their PINs at the same moment, each over a connection of its own from a device paired for
 * them (on the LAN a rep's PIN alone is refused).
 */
async function measureSignIns(hub: LanHub): Promise<number[]> {
  const pins: { repId: string; pin: string; deviceToken: string }[] = [];
  for (let i = 0; i < SIGN_IN_CLIENTS; i += 1) {
    const pin = String(300_000 + i * 7_919);
    const repId = (await hub.lead.call('reps.create', { name: `Signer ${i}`, tier: 'mid', pin })).id;
    const { code } = await hub.lead.call('devices.createPairingCode', { repId });
    const { deviceToken } = await hub.lead.call('devices.pair', { code, deviceName: `Signer ${i} PC` });
    pins.push({ repId, pin, deviceToken });
  }
  const clients = pins.map(({ deviceToken }) => {
    const transport = createPinnedTransport(
      { caPem: hub.caPem, caFingerprint256: hub.caFingerprint256 },
      () => ({ [DEVICE_HEADER]: deviceToken }),
    );
    return {
      transport,
      client: createHttpClient({
        baseUrl: hub.url,
        fetch: transport.fetch as typeof fetch,
        createSocket: transport.createSocket,
      }),
    };
  });
  const timings = await Promise.all(
    pins.map(async ({ repId, pin }, i) => {
      const started = performance.now();
      await clients[i]!.client.call('session.signIn', { as: 'rep', repId, pin });
      return performance.now() - started;
    }),
  );
  for (const { transport } of clients) transport.close();
  return timings;
}

/** How loaded this machine is right now: one scrypt at the hub's cost (~50 ms on an idle core of this kind). */
function calibrateScryptMs(): number {
  const started = performance.now();
  scryptSync('123456', Buffer.alloc(16), 32, { ...SECRET_COST, maxmem: 64 * 1024 * 1024 });
  return performance.now() - started;
}

export async function run(report: Report): Promise<void> {
  // Other work on the machine slows every figure here: say how busy it was, so a miss can be read for what it is.
  console.log(
    `# calibration: one scrypt (N=2^${Math.log2(SECRET_COST.N)}, r=${SECRET_COST.r}) takes ` +
      `${calibrateScryptMs().toFixed(0)} ms here now; load average ${loadavg()[0]?.toFixed(1)} on ` +
      `${availableParallelism()} cores`,
  );
  const hub = await startLanHub();
  let reps: { repId: string; rep: RepClient }[] = [];
  try {
    const poolIds = await makePoolLeads(hub);
    reps = await pairReps(hub, POLLING_REPS);

    const push = sorted(await measurePush(hub, reps));
    console.log(`# lan_push_p50_ms: ${percentile(push, 50).toFixed(1)} ms (${push.length} assignments)`);
    report(figure('lan_push_p95_ms', percentile(push, 95), 'ms', '<=', 300));

    const { latencies, errors } = await measurePolling(hub, reps, poolIds);
    const api = sorted(latencies);
    console.log(
      `# ${api.length} queue.list calls by ${POLLING_REPS} reps, p50 ${percentile(api, 50).toFixed(1)} ms, ` +
        `max ${api.at(-1)?.toFixed(1)} ms, errors ${errors.length}${errors[0] ? ` (first: ${errors[0]})` : ''}`,
    );
    report(figure('lan_api_errors_50_reps', errors.length, 'errors', '<=', 0));
    report(figure('lan_api_p95_ms_50_reps', percentile(api, 95), 'ms', '<=', 50));

    const signIns = sorted(await measureSignIns(hub));
    console.log(
      `# sign-ins p50 ${percentile(signIns, 50).toFixed(0)} ms, max ${signIns.at(-1)?.toFixed(0)} ms`,
    );
    report(figure('sign_in_p95_ms', percentile(signIns, 95), 'ms', '<=', 1_000));
  } finally {
    for (const { rep } of reps) rep.close();
    await hub.stop();
  }
}

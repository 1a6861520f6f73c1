// A call leaves nothing behind that a scavenge cannot free: each call's context once had a hidden class of its own
// (a getter in its object literal), which pinned the whole context in old space until a full GC, so every scavenge
// under pool claims copied megabytes and stalled the claims in flight. Measured as old-space growth per call across
// scavenges only, after a full GC.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options?: { type: 'major' | 'minor' }) => void;

const oldSpaceUsed = (): number =>
  getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')?.space_used_size ?? 0;

describe('garbage a pool claim leaves', () => {
  const tempDir = useTempDir();
  let t: TestService;
  afterEach(() => t.close());
  beforeEach(() => {
    t = createTestService(tempDir());
  });

  it('promotes next to nothing to old space per claim, refused or not', async () => {
    const wang = (await t.client.call('reps.create', { name: '王芳', tier: 'junior' })).id;
    const li = (await t.client.call('reps.create', { name: '李强', tier: 'junior' })).id;
    const lead = await t.client.call('leads.create', { name: '陈静', phone: '13800138000' });
    const owner = lead.ownerId;
    // The lead has an owner, so every claim is refused (claimedFirst): the same call, nothing written, run after run.
    const claimer = owner === wang ? li : wang;
    const token = t.service.openTrustedSession({ role: 'rep', repId: claimer });
    const claim = () => t.service.dispatch('pool.claim', { leadId: lead.id }, { token });
    const answer = await claim();
    expect(answer.ok ? null : answer.error.reason).toBe('pool.claimedFirst');
    for (let i = 0; i < 200; i += 1) await claim();
    gc();
    gc();
    const before = oldSpaceUsed();
    const calls = 2000;
    for (let i = 0; i < calls; i += 1) await claim();
    gc({ type: 'minor' });
    gc({ type: 'minor' });
    const perCall = (oldSpaceUsed() - before) / calls;
    // ~30 bytes a call now; ~2,500 while each context had a class of its own.
    expect(perCall).toBeLessThan(500);
  });
});

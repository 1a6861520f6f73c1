import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_HEADER, startHub, type RunningHub } from '../../../core/lan/hub-server';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, addRep, beijing } from './work-fixtures';

describe('claiming from the public pool over the real HTTP hub', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let hub: RunningHub;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    hub = await startHub({ service: t.service, port: 0 });
  });
  afterEach(async () => {
    await hub.close();
    t.close();
  });

  async function post(name: string, body: unknown, token: string | null = null) {
    const res = await fetch(`${hub.url}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { [SESSION_HEADER]: token } : {}) },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as { ok: boolean; error?: { code: string; reason: string } },
    };
  }

  function signIn(repId: string): string {
    return t.service.openTrustedSession({ role: 'rep', repId });
  }

  it('lets exactly one of two reps claiming the same lead at once win; the other hears of the conflict', async () => {
    const [a, b] = [await addRep(t, '王芳'), await addRep(t, '李强')];
    const lead = await addLead(t, '陈静');
    const [tokenA, tokenB] = [signIn(a), signIn(b)];
    const results = await Promise.all([
      post('pool.claim', { leadId: lead }, tokenA),
      post('pool.claim', { leadId: lead }, tokenB),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409);
    expect(loser?.body.error).toMatchObject({ code: 'conflict', reason: 'pool.claimedFirst' });
    const winner = results.findIndex((r) => r.status === 200) === 0 ? a : b;
    const owner = t.service.db.prepare('SELECT owner_id FROM leads WHERE id = ?').get(lead) as {
      owner_id: string;
    };
    expect(owner.owner_id).toBe(winner);
    const claims = t.service.db
      .prepare("SELECT count(*) AS n FROM assignments WHERE kind = 'claim'")
      .get() as {
      n: number;
    };
    expect(claims.n).toBe(1);
  });

  it('answers a claim by the team lead with 403: the team lead assigns, reps claim', async () => {
    const lead = await addLead(t, '陈静');
    const res = await post('pool.claim', { leadId: lead }, t.service.openTrustedSession({ role: 'lead' }));
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ reason: 'pool.repsOnly' });
  });

  it('answers a claim without a session with 401', async () => {
    const lead = await addLead(t, '陈静');
    expect((await post('pool.claim', { leadId: lead })).status).toBe(401);
  });
});

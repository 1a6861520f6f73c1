// The office LAN for real: a hub in LAN mode, two rep PCs as separate processes running the rep client, and
// Chromium as a third rep. All three pair; each sees only its own leads in every list, search, count and on the
// event feed, is refused another rep's lead and the export, and hears of a lead distributed to it at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushedEvent } from '../../../core/api/contract';
import { openFeedInPage, eventsInPage, openLanBrowser, type LanBrowser } from '../../helpers/lan-browser';
import { startLanHub, waitFor, type LanHub } from '../../helpers/lan-hub';
import { startRepProcess, type RepProcess } from '../../helpers/rep-process';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { addRep, pairingCodeFor } from './lan-fixtures';

interface LeadRow {
  id: string;
  name: string;
  ownerId: string | null;
}

type Caller = (name: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; reason?: string }>;

describe('three reps on the office LAN', () => {
  let hub: LanHub;
  let storeDir: string;
  const procs: RepProcess[] = [];
  let browser: LanBrowser;
  const repIds: string[] = [];
  const leadsOf = new Map<string, string[]>();
  /** Leads each rep owned at some moment: automatic distribution first, then the reassignment to the target. */
  const everOwned = new Map<string, Set<string>>();
  let callers: Caller[] = [];

  async function assign(name: string, repId: string): Promise<string> {
    const lead = await hub.lead.call('leads.create', { name, phone: null });
    for (const owner of [lead.ownerId, repId]) {
      if (owner) everOwned.set(owner, (everOwned.get(owner) ?? new Set()).add(lead.id));
    }
    if (lead.ownerId !== repId) {
      await hub.lead.call('distribution.reassign', { leadIds: [lead.id], toRepId: repId, reason: 'test' });
    }
    return lead.id;
  }

  beforeAll(async () => {
    storeDir = mkdtempSync(join(tmpdir(), 'fairlead-lan-stores-'));
    hub = await startLanHub();
    for (const [name, pin] of [
      ['王芳', '246810'],
      ['李娜', '135791'],
      ['张伟', '864202'],
    ] as const) {
      repIds.push(await addRep(hub.lead, name, pin));
    }
    // Two rep PCs, each its own process with its own pairing store.
    for (let i = 0; i < 2; i += 1) {
      const proc = await startRepProcess();
      procs.push(proc);
      const paired = await proc.request('pair', {
        hubUrl: hub.url,
        code: await pairingCodeFor(hub.lead, repIds[i]!),
        deviceName: `PC ${i + 1}`,
        storePath: join(storeDir, `rep-${i}.json`),
      });
      expect(paired).toMatchObject({ ok: true, value: { actor: { role: 'rep', repId: repIds[i] } } });
      expect(await proc.request('connect', { storePath: join(storeDir, `rep-${i}.json`) })).toMatchObject({
        ok: true,
        value: { status: { state: 'connected' } },
      });
    }
    // The third rep in Chromium: pairing in the browser sets the session cookie (the page never sees a token).
    browser = await openLanBrowser(hub.spkiPin, hub.url);
    const paired = await browser.callInPage('devices.pair', {
      code: await pairingCodeFor(hub.lead, repIds[2]!),
      deviceName: 'Chromium',
    });
    expect(paired).toMatchObject({ status: 200, body: { ok: true, value: { token: '', deviceToken: '' } } });
    await openFeedInPage(browser.page);

    for (const [i, repId] of repIds.entries()) {
      leadsOf.set(repId, [await assign(`客户 A${i}`, repId), await assign(`客户 B${i}`, repId)]);
    }
    const viaProcess =
      (proc: RepProcess): Caller =>
      async (name, input) => {
        const answer = await proc.request('call', { name, input });
        return answer.ok ? { ok: true, value: answer.value } : { ok: false, reason: answer.error.reason };
      };
    const viaBrowser: Caller = async (name, input) => {
      const { body } = await browser.callInPage(name, input);
      const result = body as { ok: boolean; value?: unknown; error?: { reason: string } };
      return result.ok
        ? { ok: true, value: result.value }
        : { ok: false, reason: result.error?.reason ?? '' };
    };
    callers = [viaProcess(procs[0]!), viaProcess(procs[1]!), viaBrowser];
  });

  afterAll(async () => {
    await browser?.close();
    for (const proc of procs) await proc.stop();
    await hub?.stop();
    rmSync(storeDir, { recursive: true, force: true });
  });

  it('lists, searches and counts only each rep’s own leads', async () => {
    for (const [i, repId] of repIds.entries()) {
      const call = callers[i]!;
      const list = (await call('leads.list', {})).value as { total: number; rows: LeadRow[] };
      expect(list.rows.map((row) => row.id).sort()).toEqual([...leadsOf.get(repId)!].sort());
      expect(list.total).toBe(2);
      expect(list.rows.every((row) => row.ownerId === repId)).toBe(true);
      // Searching for another rep's customer by name finds nothing.
      const other = (i + 1) % 3;
      const search = (await call('leads.list', { text: `客户 A${other}` })).value as { total: number };
      expect(search.total).toBe(0);
      const own = (await call('leads.list', { text: `客户 A${i}` })).value as { total: number };
      expect(own.total).toBe(1);
      const queue = (await call('queue.list', { repId: 'all' })).value as { total: number; items: unknown[] };
      expect(queue.total).toBe(2);
    }
  });

  it('refuses a rep another rep’s lead by id, the export and the team counts', async () => {
    for (const [i] of repIds.entries()) {
      const call = callers[i]!;
      const othersLead = leadsOf.get(repIds[(i + 1) % 3]!)![0]!;
      const get = await call('leads.get', { id: othersLead });
      expect(get.ok).toBe(false);
      expect(['leads.notYours', 'leads.notFound']).toContain(get.reason);
      expect(await call('leads.export', { format: 'csv' })).toEqual({
        ok: false,
        reason: 'common.teamLeadOnly',
      });
      expect((await call('funnel.stageCounts', {})).reason).toBe('common.teamLeadOnly');
      expect((await call('dashboard.summary', {})).reason).toBe('common.teamLeadOnly');
    }
  });

  it('pushes a lead distributed on the hub to its rep only (latency: npm run bench -- lan)', async () => {
    const [first, second] = procs as [RepProcess, RepProcess];
    const forFirst = await assign('新线索 一', repIds[0]!);
    await first.waitForEvent(
      'the assignment at rep 1',
      (e) => e.event === 'distribution.assigned' && (e.payload as { leadId: string }).leadId === forFirst,
    );
    // Rep 2 hears of its own next assignment; events arrive in order, so rep 1's would have come first.
    const forSecond = await assign('新线索 二', repIds[1]!);
    await second.waitForEvent(
      'the assignment at rep 2',
      (e) => e.event === 'distribution.assigned' && (e.payload as { leadId: string }).leadId === forSecond,
    );
    const forBrowser = await assign('新线索 三', repIds[2]!);
    await waitFor('the assignment in Chromium', async () =>
      (await eventsInPage(browser.page)).some(
        (e) => e.event === 'distribution.assigned' && e.payload['leadId'] === forBrowser,
      ),
    );
    leadsOf.get(repIds[0]!)!.push(forFirst);
    leadsOf.get(repIds[1]!)!.push(forSecond);
    leadsOf.get(repIds[2]!)!.push(forBrowser);
  });

  it('tells each rep’s feed only about leads that were its own when the event went out', async () => {
    const feeds: PushedEvent[][] = [
      procs[0]!.events,
      procs[1]!.events,
      (await eventsInPage(browser.page)) as PushedEvent[],
    ];
    for (const [i, repId] of repIds.entries()) {
      const feed = feeds[i]!;
      expect(feed.length).toBeGreaterThan(0);
      // A lead handed to this rep automatically and then moved on was theirs when the event went out.
      const own = everOwned.get(repId)!;
      for (const event of feed) {
        const payload = event.payload as Record<string, unknown>;
        if (event.event === 'distribution.assigned') expect(payload['repId']).toBe(repId);
        if (event.event === 'leads.changed') {
          for (const id of payload['leadIds'] as string[])
            expect(own.has(id), `${repId} heard ${id}`).toBe(true);
        }
        if (event.event === 'notifications.new') expect(payload['recipient']).toBe(repId);
      }
      const assigned = feed.filter((e) => e.event === 'distribution.assigned');
      expect(assigned.length).toBeGreaterThan(0);
    }
  });

  it('keeps the browser rep signed in as that rep across a reload (the cookie, not the page)', async () => {
    await browser.page.reload();
    const { body } = await browser.callInPage('session.status', {});
    expect(body).toMatchObject({ ok: true, value: { actor: { role: 'rep', repId: repIds[2] } } });
    const cookie = (await browser.context.cookies(hub.url)).find((c) => c.name === 'fairlead_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    expect(await browser.page.evaluate(() => document.cookie)).toBe('');
  });
});

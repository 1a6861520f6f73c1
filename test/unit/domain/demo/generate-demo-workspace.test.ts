import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { DAY_MS } from '../../../../core/domain/clock';
import { BUILT_IN_STAGES, isOpenStage } from '../../../../core/domain/funnel';
import { isAvailable } from '../../../../core/domain/rep';
import { generateDemoWorkspace } from '../../../../core/domain/demo/generate-demo-workspace';

// Wednesday 2026-03-18 11:00 in China.
const NOW = Date.UTC(2026, 2, 18, 3, 0, 0);
const workspace = generateDemoWorkspace({ seed: 20260318, now: NOW });
const { reps, leads, followUps, assignments } = workspace;

function isoDateCn(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

function normalizePhone(phone: string): string {
  const ascii = [...phone]
    .map((ch) => (ch >= '０' && ch <= '９' ? String(ch.charCodeAt(0) - 0xff10) : ch))
    .join('')
    .replace(/\D/g, '');
  return ascii.slice(-11);
}

describe('demo workspace', () => {
  it('is identical for the same seed and clock', () => {
    expect(generateDemoWorkspace({ seed: 20260318, now: NOW })).toEqual(workspace);
  });

  it('differs for another seed', () => {
    const other = generateDemoWorkspace({ seed: 7, now: NOW });
    expect(other.leads.map((lead) => lead.name)).not.toEqual(leads.map((lead) => lead.name));
  });

  it('has 8 reps: 2 senior, 3 mid, 3 junior, one of them new this month', () => {
    expect(reps).toHaveLength(8);
    const tiers = reps.map((rep) => rep.tier);
    expect(tiers.filter((t) => t === 'senior')).toHaveLength(2);
    expect(tiers.filter((t) => t === 'mid')).toHaveLength(3);
    expect(tiers.filter((t) => t === 'junior')).toHaveLength(3);
    const newcomers = reps.filter((rep) => rep.joinedOn > isoDateCn(NOW - 30 * DAY_MS));
    expect(newcomers).toHaveLength(1);
    expect(newcomers[0]?.tier).toBe('junior');
  });

  it('has one rep on leave next week but available today, and one out of office', () => {
    const today = isoDateCn(NOW);
    const nextWeek = isoDateCn(NOW + 7 * DAY_MS);
    const onLeave = reps.filter((rep) => rep.leave.length > 0);
    expect(onLeave).toHaveLength(1);
    expect(isAvailable(onLeave[0]!, today)).toBe(true);
    expect(isAvailable(onLeave[0]!, nextWeek)).toBe(false);
    expect(reps.filter((rep) => rep.isOutOfOffice)).toHaveLength(1);
  });

  it('has exactly 500 leads with unique ids, scores left for the scoring engine', () => {
    expect(leads).toHaveLength(500);
    expect(new Set(leads.map((lead) => lead.id)).size).toBe(500);
    expect(leads.every((lead) => lead.score === null && lead.grade === null)).toBe(true);
  });

  it('only has valid mainland mobiles, whatever their format', () => {
    const phones = leads.flatMap((lead) => (lead.phone === null ? [] : [lead.phone]));
    expect(phones.length).toBeGreaterThan(400);
    for (const phone of phones) expect(isValidPhoneNumber(normalizePhone(phone), 'CN'), phone).toBe(true);
    expect(phones.some((p) => p.includes(' '))).toBe(true);
    expect(phones.some((p) => p.startsWith('+86'))).toBe(true);
    expect(phones.some((p) => /[０-９]/.test(p))).toBe(true);
  });

  it('has emails in mixed case', () => {
    const emails = leads.flatMap((lead) => (lead.email === null ? [] : [lead.email]));
    expect(emails.some((e) => e !== e.toLowerCase())).toBe(true);
    expect(emails.some((e) => e === e.toLowerCase())).toBe(true);
    for (const email of emails) expect(email).toMatch(/^[^@\s]+@[^@\s]+\.[A-Za-z]+$/);
  });

  it('has about 3% duplicates by phone or email', () => {
    const seen = new Set<string>();
    let duplicates = 0;
    for (const lead of leads) {
      const keys = [
        lead.phone === null ? null : `p:${normalizePhone(lead.phone)}`,
        lead.email === null ? null : `e:${lead.email.toLowerCase()}`,
      ].filter((key): key is string => key !== null);
      if (keys.some((key) => seen.has(key))) duplicates += 1;
      for (const key of keys) seen.add(key);
    }
    expect(duplicates).toBeGreaterThanOrEqual(10);
    expect(duplicates).toBeLessThanOrEqual(25);
  });

  it('spreads leads over the last four months and every stage', () => {
    const createdAt = leads.map((lead) => lead.createdAt);
    expect(Math.max(...createdAt)).toBeLessThanOrEqual(NOW);
    expect(Math.min(...createdAt)).toBeGreaterThanOrEqual(NOW - 125 * DAY_MS);
    expect(Math.min(...createdAt)).toBeLessThan(NOW - 90 * DAY_MS);
    for (const stage of BUILT_IN_STAGES)
      expect(
        leads.some((lead) => lead.stage === stage),
        stage,
      ).toBe(true);
  });

  it('closes mostly older leads, won ones with an amount and lost ones with a reason', () => {
    const closed = leads.filter((lead) => lead.stage === 'won' || lead.stage === 'lost');
    const recent = closed.filter((lead) => lead.createdAt > NOW - 7 * DAY_MS);
    expect(recent.length).toBeLessThan(closed.length / 20);
    for (const lead of leads.filter((l) => l.stage === 'won')) {
      expect(Number.isInteger(lead.wonAmountFen)).toBe(true);
      expect(lead.wonAmountFen).toBeGreaterThan(0);
    }
    for (const lead of leads.filter((l) => l.stage === 'lost')) expect(lead.lostReason).toBeTruthy();
  });

  it('keeps every behaviour event within the last 90 days and in order', () => {
    for (const lead of leads) {
      for (const event of lead.events) {
        expect(event.at).toBeGreaterThanOrEqual(NOW - 90 * DAY_MS);
        expect(event.at).toBeLessThanOrEqual(NOW);
      }
      const times = lead.events.map((e) => e.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('costs leads in whole fen', () => {
    for (const lead of leads) {
      expect(Number.isInteger(lead.costFen)).toBe(true);
      expect(lead.costFen).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives every owner a real rep and leaves some leads in the public pool', () => {
    const repIds = new Set(reps.map((rep) => rep.id));
    const owned = leads.filter((lead) => lead.ownerId !== null);
    for (const lead of owned) expect(repIds.has(lead.ownerId!)).toBe(true);
    expect(leads.length - owned.length).toBeGreaterThan(20);
    expect(
      leads.filter((l) => l.stage === 'won' || l.stage === 'lost').every((l) => l.ownerId !== null),
    ).toBe(true);
  });

  it('keeps every rep under their open-lead cap', () => {
    for (const rep of reps) {
      const open = leads.filter((lead) => lead.ownerId === rep.id && isOpenStage(lead.stage)).length;
      expect(open).toBeLessThanOrEqual(rep.capOpen ?? Infinity);
    }
  });

  it('never assigns a lead to a rep before they joined', () => {
    const joined = new Map(reps.map((rep) => [rep.id, rep.joinedOn]));
    for (const entry of assignments) {
      if (entry.repId !== null) expect(isoDateCn(entry.at) >= joined.get(entry.repId)!).toBe(true);
    }
  });

  it('records an assignment with a reason for every owned lead, ending with its owner', () => {
    const byLead = new Map<string, typeof assignments>();
    for (const entry of assignments) byLead.set(entry.leadId, [...(byLead.get(entry.leadId) ?? []), entry]);
    for (const lead of leads) {
      const history = byLead.get(lead.id) ?? [];
      if (lead.ownerId !== null) expect(history.at(-1)?.repId).toBe(lead.ownerId);
      for (const entry of history) {
        expect(entry.reason.length).toBeGreaterThan(0);
        expect(entry.at).toBeGreaterThanOrEqual(lead.createdAt);
        expect(entry.at).toBeLessThanOrEqual(NOW);
      }
    }
  });

  it('recycles some leads away from their first owner and gives them to someone else', () => {
    const recycled = assignments.filter((entry) => entry.method === 'recycle');
    expect(recycled.length).toBeGreaterThan(5);
    for (const entry of recycled) {
      expect(entry.repId).toBeNull();
      const after = assignments.filter((a) => a.leadId === entry.leadId && a.at > entry.at);
      for (const next of after) expect(next.repId).not.toBe(entry.fromRepId);
    }
  });

  it('logs follow-ups by the owner, after assignment and before now, with what was said', () => {
    const leadById = new Map(leads.map((lead) => [lead.id, lead]));
    expect(followUps.length).toBeGreaterThan(500);
    for (const entry of followUps) {
      const lead = leadById.get(entry.leadId);
      expect(lead?.ownerId).toBe(entry.repId);
      expect(entry.at).toBeGreaterThanOrEqual(lead!.createdAt);
      expect(entry.at).toBeLessThanOrEqual(NOW);
      expect(entry.at).toBeLessThanOrEqual(lead!.updatedAt);
      expect(entry.summary).toMatch(/[\u4e00-\u9fff]/);
      expect(['call', 'wechat', 'visit', 'email', 'other']).toContain(entry.channel);
    }
  });

  it('leaves a few fresh owned leads not yet contacted, so SLA clocks have work', () => {
    const contacted = new Set(followUps.map((entry) => entry.leadId));
    const waiting = leads.filter(
      (lead) => lead.ownerId !== null && isOpenStage(lead.stage) && !contacted.has(lead.id),
    );
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.length).toBeLessThan(60);
  });

  it('uses the injected id generator', () => {
    let n = 0;
    const generated = generateDemoWorkspace({ seed: 1, now: NOW, ids: (prefix) => `${prefix}:${(n += 1)}` });
    expect(generated.reps[0]?.id).toMatch(/^rep:\d+$/);
    expect(generated.leads[0]?.id).toMatch(/^lead:\d+$/);
    expect(generated.followUps[0]?.id).toMatch(/^follow-up:\d+$/);
    expect(generated.assignments[0]?.id).toMatch(/^assignment:\d+$/);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(workspace))).toEqual(workspace);
  });

  it('never dates anything after now, whatever the seed and clock', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (seed, now) => {
          const ws = generateDemoWorkspace({ seed, now });
          const times = [
            ...ws.leads.flatMap((lead) => [lead.createdAt, lead.updatedAt, ...lead.events.map((e) => e.at)]),
            ...ws.followUps.map((entry) => entry.at),
            ...ws.assignments.map((entry) => entry.at),
          ];
          return ws.leads.length === 500 && times.every((t) => Number.isInteger(t) && t <= now);
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});

// Every count the Dashboard shows opens exactly as many leads as it said, on the demo workspace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallOutput } from '../../../core/api/contract';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import { asRepId } from '../../../core/domain/ids';
import { arrivalBars, funnelBars, responseBars } from '../../../renderer/src/features/dashboard/chart-bars';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

type Drill = Omit<CallInput<'dashboard.leads'>, 'from' | 'to'> & { from?: string; to?: string };
type Estimate = { value: number | null; n: number };

const hits = (e: Estimate) => Math.round((e.value ?? 0) * e.n);

describe('click-through on the demo workspace', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let period: { from: string; to: string };
  let row: CallOutput<'dashboard.kpis'>;
  let now: CallOutput<'dashboard.now'>;

  beforeAll(async () => {
    t = createTestService(tempDir());
    await t.client.call('workspace.loadDemo', {});
    const today = new Date(t.clock.now + 8 * 3_600_000).toISOString().slice(0, 10);
    const start = new Date(t.clock.now + 8 * 3_600_000 - 89 * 86_400_000).toISOString().slice(0, 10);
    period = { from: start, to: today };
    row = await t.client.call('dashboard.kpis', period);
    now = await t.client.call('dashboard.now', {});
  }, 120_000);
  afterAll(() => t.close());

  async function opened(drill: Drill): Promise<number> {
    const answer = await t.client.call('dashboard.leads', { ...period, ...drill, limit: 500 });
    // The first page holds min(total, 500) rows; the total is what the table says it holds.
    expect(answer.rows.length).toBe(Math.min(answer.total, 500));
    // The Leads page opened on the count lists the same leads, whatever its history switch says (closures count
    // past leads, arrivals do not: the count decides).
    const { offset: _offset, limit: _limit, ...criteria } = { ...period, ...drill };
    for (const includeHistory of [undefined, false, true]) {
      const list = await t.client.call('leads.list', { drill: criteria, includeHistory, limit: 500 });
      expect(list.total, `${drill.metric} on the Leads page`).toBe(answer.total);
      if (answer.total <= 500)
        expect(list.rows.map((lead) => lead.id).sort()).toEqual(answer.rows.map((lead) => lead.id).sort());
    }
    return answer.total;
  }

  it('has something to count', () => {
    expect(row.conversion.current.arrived).toBeGreaterThan(20);
    expect(Object.keys(now.openByStage).length).toBeGreaterThan(1);
  });

  it('opens the arrivals, won, closed and loss counts', async () => {
    const c = row.conversion.current;
    const cards: [Drill, number][] = [
      [{ metric: 'arrived' }, c.arrived],
      [{ metric: 'won' }, hits(c.wonOfArrived)],
      [{ metric: 'closed' }, c.closed],
      [{ metric: 'won_closed' }, hits(c.wonOfClosed)],
      [{ metric: 'lost' }, hits(row.loss.current.lost)],
      [{ metric: 'recycled' }, hits(row.loss.current.recycled)],
      [{ metric: 'never_contacted' }, hits(row.loss.current.neverContacted)],
      [{ metric: 'any_loss' }, hits(row.loss.current.any)],
    ];
    for (const [drill, count] of cards) expect(await opened(drill), drill.metric).toBe(count);
  });

  it('opens each grade’s arrivals and closures', async () => {
    for (const grade of ['A', 'B', 'C', 'D', 'ungraded'] as const) {
      const g = row.conversion.byGrade[grade];
      expect(await opened({ metric: 'arrived', grade }), grade).toBe(g.arrived);
      expect(await opened({ metric: 'won_closed', grade }), grade).toBe(hits(g.wonOfClosed));
    }
  });

  it('opens each source’s leads and wins', async () => {
    expect(row.channels.length).toBeGreaterThan(1);
    for (const channel of row.channels) {
      const source = { source: channel.source };
      expect(await opened({ metric: 'arrived', channel: source }), String(channel.source)).toBe(
        channel.leads,
      );
      expect(await opened({ metric: 'won', channel: source }), String(channel.source)).toBe(channel.won);
    }
  });

  it('opens the leads in each stage now, as Now and the summary count them', async () => {
    for (const [stage, count] of Object.entries(now.openByStage)) {
      expect(await opened({ metric: 'stage_now', stage: stage as Drill['stage'] }), stage).toBe(count);
    }
    const summary = await t.client.call('dashboard.summary', period);
    expect(summary.stageCounts.won ?? 0).toBeGreaterThan(0);
    for (const [stage, count] of Object.entries(summary.stageCounts)) {
      expect(await opened({ metric: 'stage_now', stage: stage as Drill['stage'] }), stage).toBe(count);
    }
  });

  it('opens the leads whose clocks are overdue now, each kind as Now counts it, for a rep too', async () => {
    expect(now.overdueFirstContact + now.overdueFollowUp).toBeGreaterThan(0);
    expect(await opened({ metric: 'overdue_first_contact' })).toBe(now.overdueFirstContact);
    expect(await opened({ metric: 'overdue_follow_up' })).toBe(now.overdueFollowUp);
    const reps = await t.client.call('reps.list', { includeInactive: false });
    for (const rep of reps.slice(0, 3)) {
      const own = await t.client.call('dashboard.now', { repId: rep.id });
      expect(await opened({ metric: 'overdue_follow_up', repId: rep.id }), rep.name).toBe(
        own.overdueFollowUp,
      );
      expect(await opened({ metric: 'overdue_first_contact', repId: rep.id }), rep.name).toBe(
        own.overdueFirstContact,
      );
    }
  });

  it('opens each tier’s open load as capacity counts it (the loads distribution weighs), for a rep too', async () => {
    expect(now.capacity.tiers.reduce((sum, tier) => sum + tier.openLoad, 0)).toBeGreaterThan(20);
    for (const tier of now.capacity.tiers) {
      expect(await opened({ metric: 'open_load', tier: tier.tier }), tier.tier).toBe(tier.openLoad);
    }
    // Whatever the source filter: a load is its owner's, of every source.
    const source = row.channels.find((channel) => channel.source !== null)?.source ?? undefined;
    const [first] = now.capacity.tiers;
    expect(source).toBeDefined();
    if (first && source !== undefined) {
      const bySource = await t.client.call('dashboard.now', { source });
      expect(bySource.capacity.tiers.find((tier) => tier.tier === first.tier)?.openLoad).toBe(first.openLoad);
      const answer = await t.client.call('dashboard.leads', {
        ...period,
        source,
        tier: first.tier,
        metric: 'open_load',
        limit: 1,
      });
      expect(answer.total).toBe(first.openLoad);
    }
    for (const rep of now.capacity.reps.slice(0, 3)) {
      expect(await opened({ metric: 'open_load', repId: rep.repId }), rep.name).toBe(rep.openLoad);
    }
  });

  it('opens the leads with an uncontacted hand-over, each once', async () => {
    expect(await opened({ metric: 'not_contacted' })).toBe(row.response.notContactedLeads);
  });

  it('opens the leads each rep received, in all and of each grade', async () => {
    for (const rep of row.reps) {
      expect(await opened({ metric: 'handed_over', repId: rep.repId }), rep.name).toBe(rep.leads);
      const { A, B, C, D, ungraded } = rep.leadsByGrade;
      expect(A + B + C + D + ungraded, rep.name).toBe(rep.leads);
      for (const grade of ['A', 'B', 'C', 'D', 'ungraded'] as const) {
        const count = await opened({ metric: 'handed_over', repId: rep.repId, grade });
        expect(count, `${rep.name} ${grade}`).toBe(rep.leadsByGrade[grade]);
      }
    }
  });

  it('shows each rep, on their own Dashboard, the figures the team lead’s per-rep table gives them', async () => {
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1
        ? sorted[middle]
        : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
    };
    expect(row.reps.length).toBeGreaterThan(3);
    for (const rep of row.reps) {
      const asRep = createInProcessClient(t.service, { as: { role: 'rep', repId: asRepId(rep.repId) } });
      const mine = await asRep.call('dashboard.mine', period);
      expect(mine.gradeMix.mine, rep.name).toEqual(rep.leadsByGrade);
      expect(mine.responseMedianMinutes.mine, rep.name).toBe(rep.responseMedianMinutes);
      expect(mine.withinTarget.mine, rep.name).toEqual(rep.withinTarget);
      expect({ won: hits(mine.conversion.mine), closed: mine.conversion.mine.n }, rep.name).toEqual({
        won: rep.won,
        closed: rep.closed,
      });
      // The team's median is the median over the same table's rows.
      expect(mine.gradeMix.teamMedian.A, rep.name).toBe(median(row.reps.map((r) => r.leadsByGrade.A)));
    }
  });

  it('opens every bar of the charts: each day’s arrivals, each stage reached, each response-time bucket', async () => {
    const buckets = await t.client.call('dashboard.responseBuckets', period);
    // The buckets' hand-overs are the histogram's counts: the same domain judgement, bucket by bucket.
    expect(buckets.buckets.map((b) => [b.from, b.to, b.handOvers])).toEqual(
      row.response.current.histogram.map((b) => [b.from, b.to, b.count]),
    );
    const bars = [...arrivalBars(row), ...funnelBars(row), ...responseBars(row, buckets)];
    expect(bars.length).toBe(row.seriesDates.length + row.funnel.length + buckets.buckets.length);
    expect(
      bars.filter((bar) => bar.drill.metric === 'response_bucket' && (bar.count ?? 0) > 0).length,
    ).toBeGreaterThan(2);
    expect(row.funnel[1]?.reached ?? 0).toBeGreaterThan(0);
    for (const bar of bars) {
      expect(bar.count, bar.key).not.toBeNull();
      expect(await opened(bar.drill), `${bar.drill.metric} ${bar.key}`).toBe(bar.count);
    }
  }, 120_000);

  it('opens the leads of a response-time bucket each once, by the bucket’s own judgement', async () => {
    const buckets = await t.client.call('dashboard.responseBuckets', period);
    for (const [i, bucket] of buckets.buckets.entries()) {
      expect(bucket.leads, String(bucket.from)).toBeLessThanOrEqual(bucket.handOvers);
      const answer = await t.client.call('dashboard.leads', {
        ...period,
        metric: 'response_bucket',
        bucket: i,
        limit: 1,
      });
      expect(answer.total, String(bucket.from)).toBe(bucket.leads);
    }
    // Criteria without a bucket name no hand-overs.
    const none = await t.client.call('dashboard.leads', { ...period, metric: 'response_bucket', limit: 1 });
    expect(none.total).toBe(0);
  });

  it('narrows the hand-overs by the tier of the rep they went to, count and click-through alike', async () => {
    const tier = (await t.client.call('reps.list', {})).find((rep) => rep.tier === 'senior')?.tier ?? 'mid';
    const narrowed = await t.client.call('dashboard.kpis', { ...period, tier });
    expect(narrowed.response.notContactedLeads).toBeLessThanOrEqual(row.response.notContactedLeads);
    const answer = await t.client.call('dashboard.leads', {
      ...period,
      tier,
      metric: 'not_contacted',
      limit: 1,
    });
    expect(answer.total).toBe(narrowed.response.notContactedLeads);
    for (const rep of narrowed.reps) {
      const opened = await t.client.call('dashboard.leads', {
        ...period,
        tier,
        repId: rep.repId,
        metric: 'handed_over',
        limit: 1,
      });
      expect(opened.total, rep.name).toBe(rep.leads);
    }
  });

  it('opens the response card’s hand-overs in the history: reached in time, missed, known — any filter', async () => {
    /** The history's rows with this response outcome, for the card's period and filters. */
    const logged = async (filter: CallInput<'dashboard.kpis'>, response: 'within' | 'missed' | 'decided') =>
      (await t.client.call('distribution.assignments', { ...filter, response, limit: 1 })).total;
    const filters: CallInput<'dashboard.kpis'>[] = [
      period,
      ...(['senior', 'mid', 'junior'] as const).map((tier) => ({ ...period, tier })),
      ...row.reps.map((rep) => ({ ...period, repId: rep.repId })),
      ...row.channels.flatMap((c) => (c.source === null ? [] : [{ ...period, source: c.source }])),
    ];
    let missed = 0;
    let byTier = 0;
    for (const filter of filters) {
      const { withinTarget } = (await t.client.call('dashboard.kpis', filter)).response.current;
      const name = JSON.stringify(filter);
      expect(await logged(filter, 'within'), name).toBe(hits(withinTarget));
      expect(await logged(filter, 'decided'), name).toBe(withinTarget.n);
      expect(await logged(filter, 'missed'), name).toBe(withinTarget.n - hits(withinTarget));
      missed += withinTarget.n - hits(withinTarget);
      if (filter.tier !== undefined) byTier += withinTarget.n;
    }
    expect(hits(row.response.current.withinTarget)).toBeGreaterThan(10);
    expect(missed).toBeGreaterThan(10);
    // Every rep has one tier: the tiers' hand-overs are the team's.
    expect(byTier).toBe(row.response.current.withinTarget.n);
    // Each row says its own verdict: its first contact in business minutes against its grade's target.
    for (const response of ['within', 'missed'] as const) {
      const page = await t.client.call('distribution.assignments', { ...period, response, limit: 100 });
      expect(page.rows.length).toBeGreaterThan(0);
      for (const { response: verdict } of page.rows) {
        if (verdict === null) throw new Error('a row without its response');
        expect(verdict.isWithinTarget).toBe(response === 'within');
        const isOnTime = verdict.minutes !== null && verdict.minutes <= verdict.targetMinutes;
        expect(isOnTime, JSON.stringify(verdict)).toBe(response === 'within');
      }
    }
    const plain = await t.client.call('distribution.assignments', { ...period, limit: 5 });
    expect(plain.rows.every((row) => row.response === null)).toBe(true);
    // The pool is no rep: nothing of it was reached or missed.
    expect(
      (await t.client.call('distribution.assignments', { ...period, repId: 'pool', response: 'decided' }))
        .total,
    ).toBe(0);
  });

  it('narrows and pages the history’s response rows by its other filters, each row once', async () => {
    // By the grade then: the card's grade figures.
    for (const grade of ['A', 'B', 'C', 'D'] as const) {
      const { withinTarget } = row.response.byGrade[grade];
      const logged = await t.client.call('distribution.assignments', {
        ...period,
        grade,
        response: 'decided',
        limit: 1,
      });
      expect(logged.total, grade).toBe(withinTarget.n);
    }
    // Every page of a rep's known outcomes, each row once; the kind and method filters narrow them as they do
    // the whole history.
    const rep = row.reps.find((r) => r.withinTarget.n > 30);
    if (!rep) throw new Error('no rep with enough hand-overs');
    const input = { ...period, repId: rep.repId, response: 'decided' as const };
    const seen: CallOutput<'distribution.assignments'>['rows'][number][] = [];
    for (let offset = 0; ; offset += 7) {
      const page = await t.client.call('distribution.assignments', { ...input, offset, limit: 7 });
      expect(page.total).toBe(rep.withinTarget.n);
      seen.push(...page.rows);
      if (page.rows.length < 7) break;
    }
    expect(new Set(seen.map((r) => r.id)).size).toBe(rep.withinTarget.n);
    const kinds = new Set(seen.map((r) => r.kind));
    expect(kinds.size).toBeGreaterThan(1);
    for (const kind of kinds) {
      const narrowed = await t.client.call('distribution.assignments', { ...input, kind, limit: 1 });
      expect(narrowed.total, kind).toBe(seen.filter((r) => r.kind === kind).length);
    }
    const method = seen.find((r) => r.method !== null)?.method as 'round-robin';
    const byMethod = await t.client.call('distribution.assignments', { ...input, method, limit: 100 });
    expect(byMethod.total).toBe(seen.filter((r) => r.method === method).length);
    expect(byMethod.rows.every((r) => r.response !== null && r.method === method)).toBe(true);
  });

  it('narrows a click-through by the same rep filter as the card', async () => {
    const rep = row.reps.find((r) => r.leads > 0);
    expect(rep).toBeDefined();
    const mine = await t.client.call('dashboard.kpis', { ...period, repId: rep!.repId });
    const answer = await t.client.call('dashboard.leads', {
      ...period,
      repId: rep!.repId,
      metric: 'arrived',
      limit: 1,
    });
    expect(answer.total).toBe(mine.conversion.current.arrived);
  });

  it('calibrates grades and score bands against the learned model once one is trained', async () => {
    const before = await t.client.call('dashboard.calibration', period);
    expect(before.hasModel).toBe(false);
    expect(before.closed).toBe(row.conversion.current.closed);
    expect(before.cells.reduce((sum, cell) => sum + cell.converted.n, 0)).toBe(before.closed);
    expect(before.cells.every((cell) => cell.predicted === null)).toBe(true);

    const job = await t.client.call('scoring.train', { seed: 7 });
    expect(await t.service.jobs.waitFor(job.id)).toMatchObject({ state: 'done' });
    const after = await t.client.call('dashboard.calibration', period);
    expect(after.hasModel).toBe(true);
    for (const cell of after.cells) {
      expect(cell.predictedCount).toBe(cell.converted.n);
      expect(cell.predicted).toBeGreaterThan(0);
      expect(cell.predicted).toBeLessThan(1);
    }
  }, 120_000);
});

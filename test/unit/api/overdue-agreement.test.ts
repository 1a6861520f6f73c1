// The one clock model, seen from every view: Dashboard, queue, kanban and the "overdue only" filter count the
// same overdue leads on the demo workspace at several instants, and no closed or nurture lead carries a clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../../../core/domain/clock';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

describe('one "overdue" on the demo workspace', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let start: number;

  beforeAll(async () => {
    t = createTestService(tempDir());
    await t.client.call('workspace.loadDemo', {});
    start = t.clock.now;
  });
  afterAll(() => t.close());

  async function overdueEverywhere(): Promise<Record<string, unknown>> {
    const dashboard = await t.client.call('dashboard.summary', { from: '2026-11-01', to: '2026-11-30' });
    const queue = await t.client.call('queue.list', { repId: 'all', limit: 1000 });
    expect(queue.total).toBeLessThanOrEqual(1000);
    const board = await t.client.call('funnel.board', { window: 200 });
    const filtered = await t.client.call('funnel.board', { filter: { overdueOnly: true }, window: 200 });
    const boardCards = board.columns.flatMap((column) => column.cards);
    // The board shows a window per column: every column is read in full, page by page, as it scrolls.
    let kanbanOverdue = 0;
    for (const column of board.columns) {
      for (let offset = 0; offset < column.total; offset += 500) {
        const page = await t.client.call('funnel.cards', {
          stage: column.stage,
          filter: {},
          offset,
          limit: 500,
        });
        kanbanOverdue += page.cards.filter((card) => card.sla?.isOverdue === true).length;
      }
    }
    const closedWithClock = boardCards.filter(
      (card) => ['won', 'lost', 'nurture'].includes(card.stage) && card.sla !== null,
    );
    expect(closedWithClock).toEqual([]);
    return {
      dashboard: dashboard.overdueFirstContact + dashboard.overdueFollowUp,
      queue: queue.items.filter((card) => card.sla?.isOverdue === true).length,
      // The number the Queue page shows in its badge.
      queueBadge: queue.overdue,
      kanban: kanbanOverdue,
      filter: filtered.columns.reduce((sum, column) => sum + column.total, 0),
    };
  }

  it.each([0, 2 * HOUR_MS, DAY_MS + 5 * HOUR_MS, 4 * DAY_MS, 9 * DAY_MS])(
    'agrees at start + %i ms',
    async (offset) => {
      t.clock.now = start + offset;
      const counts = await overdueEverywhere();
      const values = new Set(Object.values(counts));
      expect(values.size, JSON.stringify(counts)).toBe(1);
      expect(counts.queue).toBeGreaterThan(0);
    },
  );

  it.each([0, DAY_MS + 5 * HOUR_MS, 4 * DAY_MS])(
    'gives each rep an agenda whose overdue section is their queue’s overdue activities at start + %i ms',
    async (offset) => {
      t.clock.now = start + offset;
      const reps = await t.client.call('reps.list', {});
      let total = 0;
      for (const rep of reps) {
        const agenda = await t.client.call('followUps.agenda', { repId: rep.id, limit: 1000 });
        const queue = await t.client.call('queue.list', { repId: rep.id, limit: 1000 });
        const agendaOverdue = agenda.items
          .filter((item) => item.section === 'overdue')
          .map((item) => item.leadId)
          .sort();
        const queueOverdue = queue.items
          .filter((card) => card.sla?.isOverdue === true && card.sla.trigger === 'next_activity')
          .map((card) => card.id as string)
          .sort();
        expect(agendaOverdue, rep.name).toEqual(queueOverdue);
        total += agendaOverdue.length;
      }
      expect(total).toBeGreaterThan(0);
    },
  );

  it('notifies exactly the overdue SLA clocks on the scheduler’s first tick', async () => {
    t.clock.now = start + 3 * DAY_MS;
    const queue = await t.client.call('queue.list', { repId: 'all', limit: 1000 });
    const overdueSla = queue.items.filter(
      (card) => card.sla?.isOverdue === true && card.sla.trigger !== 'next_activity',
    ).length;
    const summary = await t.client.call('sla.runDue', {});
    expect(summary.reminded + summary.escalated + summary.recycled + summary.followUpReminders).toBe(
      overdueSla,
    );
  });
});

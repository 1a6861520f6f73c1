// The SLA scheduler's tick through the service: 100k open leads read, clocks computed, due actions applied. After
// a catch-up tick (the seeded backlog: a notice for every seeded assignment), the scheduler ticks once a minute
// as it does in the app; each of those ticks applies what fell due in its minute. The figure is the slowest of
// them, and every tick must succeed with nothing failed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService, type Service } from '../../core/api/service';
import type { TickSummary } from '../../core/api/sla/schemas';
import { openDatabase } from '../../core/store/open-database';
import type { Report } from './figure';
import { figure } from './figure';
import { seedWorkspace } from './work-bench-data';

const LEADS = 100_000;
const TICKS = 4;
/** core/scheduler.ts's default interval. */
const TICK_INTERVAL_MS = 60_000;

/** One tick, timed; throws unless the call succeeded and every action in it was applied. */
async function timeTick(service: Service, token: string): Promise<{ ms: number; summary: TickSummary }> {
  const start = performance.now();
  const result = await service.dispatch('sla.runDue', {}, { token });
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`sla.runDue failed: ${JSON.stringify(result.error)}`);
  const summary = result.value as TickSummary;
  if (summary.failed > 0) throw new Error(`sla.runDue failed ${summary.failed} action(s)`);
  return { ms, summary };
}

function appliedBy(s: TickSummary): number {
  return (
    s.reminded +
    s.escalated +
    s.recycled +
    s.followUpReminders +
    s.nextStepReminders +
    s.nurtureWoken +
    s.assignmentNotices
  );
}

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fairlead-bench-sla-'));
  try {
    const db = openDatabase(join(dir, 'bench.sqlite'));
    const seededAt = Date.UTC(2026, 10, 24, 6, 0);
    seedWorkspace(db, LEADS, seededAt);
    let now = seededAt;
    const service = createService({ db, clock: () => now });
    // As core/scheduler.ts does: the scheduler runs as the team lead.
    const token = service.openTrustedSession({ role: 'lead' });
    const catchUp = await timeTick(service, token);
    console.log(
      `# catch-up tick after seeding: ${appliedBy(catchUp.summary)} actions in ${Math.round(catchUp.ms)} ms ${JSON.stringify(catchUp.summary)}`,
    );
    const ticks: number[] = [];
    let applied = 0;
    for (let i = 1; i <= TICKS; i += 1) {
      now = seededAt + i * TICK_INTERVAL_MS;
      const { ms, summary } = await timeTick(service, token);
      console.log(
        `# tick ${i} minute(s) later: ${appliedBy(summary)} actions applied in ${Math.round(ms)} ms`,
      );
      applied += appliedBy(summary);
      ticks.push(ms);
    }
    if (applied === 0)
      throw new Error('no measured tick applied an action: the figure would be of idle ticks only');
    report(figure('sla_scheduler_tick_100k_ms', Math.max(...ticks), 'ms', '<=', 2000));
    service.checkpointer.stop();
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

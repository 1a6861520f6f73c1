// A rep's week agenda through the service: 10k open scheduled activities across a 20k-lead workspace (40 reps,
// due from a week ago to three weeks ahead, a tenth without a time). The figure is the p95 API time of the
// agenda call for one rep, warmed up, over 40 calls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, DAY_MS, MINUTE_MS } from '../../core/domain/clock';
import { createService } from '../../core/api/service';
import { openDatabase } from '../../core/store/open-database';
import type { Report } from './figure';
import { figure, percentile } from './figure';
import { seedWorkspace } from './work-bench-data';

const LEADS = 20_000;
const ACTIVITIES = 10_000;
const CALLS = 40;
const KINDS = ['call', 'visit', 'meeting', 'wechat', 'email'] as const;

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fairlead-bench-agenda-'));
  try {
    const db = openDatabase(join(dir, 'bench.sqlite'));
    const now = Date.UTC(2026, 10, 25, 2, 0);
    seedWorkspace(db, LEADS, now);
    const rng = createRng(7);
    const insert = db.prepare(
      `INSERT INTO activities (id, lead_id, rep_id, kind, title, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      // Lead i is owned by rep-(i % 40) (work-bench-data); stages 0–3 of its 7-cycle are open.
      let made = 0;
      for (let i = 0; made < ACTIVITIES && i < LEADS; i += 1) {
        if (i % 7 > 3) continue;
        const dueAt =
          rng() < 0.1 ? null : now + Math.floor(((rng() * 28 - 7) * DAY_MS) / MINUTE_MS) * MINUTE_MS;
        const kind = KINDS[i % KINDS.length] ?? 'call';
        insert.run(
          `act-${i}`,
          `lead-${String(i).padStart(6, '0')}`,
          `rep-${i % 40}`,
          kind,
          '回访',
          dueAt,
          now - DAY_MS,
        );
        made += 1;
      }
      if (made < ACTIVITIES) throw new Error(`only ${made} activities seeded`);
    })();
    const service = createService({ db, clock: () => now });
    const token = service.openTrustedSession({ role: 'rep', repId: 'rep-3' });
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < CALLS + 5; i += 1) {
      const start = performance.now();
      const result = await service.dispatch('followUps.agenda', {}, { token });
      const ms = performance.now() - start;
      if (!result.ok) throw new Error(`followUps.agenda failed: ${JSON.stringify(result.error)}`);
      items = (result.value as { items: unknown[] }).items.length;
      if (i >= 5) times.push(ms);
    }
    if (items === 0) throw new Error('the agenda came back empty: the bench measures nothing');
    console.log(`# agenda of rep-3: ${items} items`);
    db.close();
    report(
      figure(
        'agenda_week_10k_activities_ms',
        percentile(
          times.sort((a, b) => a - b),
          95,
        ),
        'ms',
        '<=',
        50,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

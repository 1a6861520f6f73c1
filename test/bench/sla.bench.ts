// SLA engine speed: due actions over 100k open leads on a China working calendar (median of 5 runs, after a warm-up).
import { createRng, DAY_MS, HOUR_MS, MINUTE_MS } from '../../core/domain/clock';
import type { FunnelStage, Grade } from '../../core/domain/funnel';
import { asLeadId, asRepId } from '../../core/domain/ids';
import type { SlaLeadInput } from '../../core/domain/sla/due-actions';
import { dueActions } from '../../core/domain/sla/due-actions';
import { DEFAULT_SLA_POLICY } from '../../core/domain/sla/sla-policy';
import type { Report } from './figure';
import { figure, timeMs } from './figure';

const LEAD_COUNT = 100_000;
const RUNS = 5;

function buildLeads(now: number): SlaLeadInput[] {
  const rng = createRng(6);
  const grades: readonly (Grade | null)[] = ['A', 'B', 'B', 'C', 'C', 'D', null];
  const stages: readonly FunnelStage[] = ['raw', 'mql', 'sql', 'opportunity'];
  const leads: SlaLeadInput[] = [];
  for (let i = 0; i < LEAD_COUNT; i += 1) {
    const assignedAt = now - Math.floor(rng() * 30 * DAY_MS);
    const contacted = rng() < 0.6;
    const firstContactAt = contacted ? assignedAt + Math.floor(rng() * 2 * DAY_MS) : null;
    const lastFollowUpAt =
      firstContactAt !== null && rng() < 0.7 ? firstContactAt + Math.floor(rng() * 10 * DAY_MS) : null;
    leads.push({
      id: asLeadId(`lead-${String(i).padStart(6, '0')}`),
      grade: grades[Math.floor(rng() * grades.length)] ?? null,
      ownerId: asRepId(`rep-${String(i % 40).padStart(2, '0')}`),
      stage: stages[Math.floor(rng() * stages.length)] ?? 'raw',
      assignedAt,
      firstContactAt: firstContactAt !== null && firstContactAt <= now ? firstContactAt : null,
      lastFollowUpAt: lastFollowUpAt !== null && lastFollowUpAt <= now ? lastFollowUpAt : null,
      isHistory: false,
      appliedActions:
        rng() < 0.3 && !contacted
          ? [{ kind: 'remind', trigger: 'first_contact', clockStart: assignedAt }]
          : [],
    });
  }
  return leads;
}

export async function run(report: Report): Promise<void> {
  // A Wednesday 15:00 in China.
  const now = Date.UTC(2026, 2, 25, 7, 0) + 7 * MINUTE_MS;
  const leads = buildLeads(now - HOUR_MS);
  let emitted = 0;
  dueActions(now, leads, DEFAULT_SLA_POLICY);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    times.push(await timeMs(() => (emitted = dueActions(now, leads, DEFAULT_SLA_POLICY).length)));
  }
  times.sort((a, b) => a - b);
  report(
    figure('due_actions_100k_open_leads_ms', times[Math.floor(RUNS / 2)] ?? Number.NaN, 'ms', '<=', 200),
  );
  report(figure('due_actions_100k_emitted_count', emitted, 'actions', '>=', 1));
}

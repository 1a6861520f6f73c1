// Handlers of the KPI, tables, now, own-dashboard, pulse and targets calls (dashboard.summary is in handlers.ts).
import { appendAudit } from '../../store/audit-log';
import { actorLabel, type HandlersOf } from '../call-context';
import type { dashboardCalls } from './calls';
import { computeCalibration } from './calibration';
import { listLeadsBehind } from './drill';
import { countResponseBuckets } from './drill-buckets';
import { exportTable } from './export-table';
import { computeKpiRow } from './kpi-row';
import { computeMine } from './mine';
import { computeNow } from './now';
import { answerPulse, readMyPulse, readPulseForLead } from './pulse';
import { readKpiTargets, writeKpiTargets } from './targets';

type KpiCalls = Omit<typeof dashboardCalls, 'dashboard.summary'>;

export const kpiHandlers: HandlersOf<KpiCalls> = {
  'dashboard.kpis': (ctx, input) => computeKpiRow(ctx, input),
  'dashboard.now': (ctx, input) => computeNow(ctx, input),
  'dashboard.mine': (ctx, input) => computeMine(ctx, input),
  'dashboard.answerPulse': (ctx, input) => answerPulse(ctx, input),
  'dashboard.myPulse': (ctx) => readMyPulse(ctx),
  'dashboard.pulse': (ctx, input) => readPulseForLead(ctx, input),
  'dashboard.calibration': (ctx, input) => computeCalibration(ctx, input),
  'dashboard.leads': (ctx, input) => listLeadsBehind(ctx, input),
  'dashboard.responseBuckets': (ctx, input) => countResponseBuckets(ctx, input),
  'dashboard.exportTable': (ctx, input) => exportTable(ctx, input),
  'dashboard.targets': (ctx) => readKpiTargets(ctx.db),
  'dashboard.saveTargets'(ctx, input) {
    writeKpiTargets(ctx.db, input.targets, ctx.now);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'dashboard.targets',
      entity: 'settings',
      entityId: 'dashboard.targets',
      detail: input.targets,
    });
    return readKpiTargets(ctx.db);
  },
};

// Handlers of the SLA namespace: saving the policy, and running the scheduler's tick on demand.
import { appendAudit } from '../../store/audit-log';
import { actorLabel, type HandlersOf } from '../call-context';
import type { slaCalls } from './calls';
import { writeSlaPolicy } from './settings';
import { runSlaTick } from './tick';

export const slaHandlers: HandlersOf<typeof slaCalls> = {
  'sla.savePolicy'(ctx, input) {
    writeSlaPolicy(ctx.db, input.policy, ctx.now);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'sla.policy',
      entity: 'settings',
      entityId: 'sla.policy',
      detail: input.policy,
    });
    ctx.emit('workspace.changed', { reason: 'sla-policy' });
    return input.policy;
  },

  'sla.runDue'(ctx) {
    return runSlaTick(ctx);
  },
};

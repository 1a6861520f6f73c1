// Handlers of the workspace calls: its status, and the one-click demo team with demo leads.
import { generateDemoWorkspace } from '../../domain/demo/generate-demo-workspace';
import { appendAudit } from '../../store/audit-log';
import { countLeads } from '../../store/leads';
import { countReps } from '../../store/reps';
import { readSetting } from '../../store/settings';
import { actorLabel, type CallContext, type HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import type { workspaceCalls } from './calls';
import { insertDemoWorkspace } from './demo-rows';
import { WORKSPACE_ERRORS } from './errors';

/** The demo goes only into a workspace with no leads and no reps: it never mixes with real data. */
function requireEmptyWorkspace(ctx: CallContext): void {
  const leads = countLeads(ctx.db);
  const reps = countReps(ctx.db);
  if (leads > 0 || reps > 0) throw new ServiceError(WORKSPACE_ERRORS.notEmpty, { leads, reps });
}

export function createWorkspaceHandlers(options: {
  demoSeed: number;
  schemaVersion: () => number;
}): HandlersOf<typeof workspaceCalls> {
  return {
    'workspace.status'(ctx) {
      const leadCount = countLeads(ctx.db);
      const repCount = countReps(ctx.db);
      return {
        isEmpty: leadCount === 0 && repCount === 0,
        hasLeadPin: Boolean(readSetting<string>(ctx.db, 'teamLead.pinHash')),
        leadCount,
        repCount,
        schemaVersion: options.schemaVersion(),
        appVersion: ctx.appVersion,
        actor: ctx.actor,
      };
    },

    /** One step per kind of row, in one transaction: a further step (say, the team lead's password) slots in. */
    'workspace.loadDemo'(ctx) {
      requireEmptyWorkspace(ctx);
      const demo = generateDemoWorkspace({ seed: options.demoSeed, now: ctx.now });
      insertDemoWorkspace(ctx, demo);
      const counts = { reps: demo.reps.length, leads: demo.leads.length };
      appendAudit(ctx.db, {
        at: ctx.now,
        actor: actorLabel(ctx.actor),
        action: 'workspace.loadDemo',
        entity: 'workspace',
        entityId: null,
        detail: counts,
      });
      ctx.emit('workspace.changed', { reason: 'demo' });
      return counts;
    },
  };
}

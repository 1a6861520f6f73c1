// Handlers of the workspace calls: its status, and the one-click demo team with demo leads.
import { generateDemoWorkspace } from '../../domain/demo/generate-demo-workspace';
import { appendAudit } from '../../store/audit-log';
import { countLeads } from '../../store/leads';
import { countReps } from '../../store/reps';
import { writeSetting } from '../../store/settings';
import { setRepPinHash } from '../../store/reps';
import { inTransaction } from '../../store/sql';
import { LEAD_PASSWORD_SETTING, readLeadPasswordHash } from '../session/handlers';
import { hashSecret } from '../session/secrets';

/** The demo's sign-in secrets: a demo is for trying Fairlead, so they are shown, not secret. */
export const DEMO_LEAD_PASSWORD = 'fairlead-demo';
export const DEMO_REP_PIN = '246810';
import { actorLabel, type CallContext, type HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import type { workspaceCalls } from './calls';
import { insertDemoWorkspace } from './demo-rows';
import { WORKSPACE_ERRORS } from './errors';
import { readDistributionSettings } from '../distribution/setup';

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
        hasLeadPassword: readLeadPasswordHash(ctx.db) !== null,
        leadCount,
        repCount,
        schemaVersion: options.schemaVersion(),
        appVersion: ctx.appVersion,
        utcOffsetMinutes: readDistributionSettings(ctx.db).utcOffsetMinutes,
        actor: ctx.actor,
      };
    },

    /** One step per kind of row, in one transaction: a further step (say, the team lead's password) slots in. */
    async 'workspace.loadDemo'(ctx) {
      // Hashing waits off the event loop, before the one transaction that writes the demo.
      const hasPassword = inTransaction(ctx.db, () => readLeadPasswordHash(ctx.db) !== null);
      const leadPasswordHash = hasPassword ? null : await hashSecret(DEMO_LEAD_PASSWORD);
      const repPinHash = await hashSecret(DEMO_REP_PIN);
      const now = ctx.clock();
      return inTransaction(ctx.db, () => {
        requireEmptyWorkspace(ctx);
        const demo = generateDemoWorkspace({ seed: options.demoSeed, now });
        insertDemoWorkspace(ctx, demo, now);
        for (const rep of demo.reps) setRepPinHash(ctx.db, rep.id, repPinHash, now);
        if (leadPasswordHash) writeSetting(ctx.db, LEAD_PASSWORD_SETTING, leadPasswordHash, now);
        const counts = { reps: demo.reps.length, leads: demo.leads.length };
        appendAudit(ctx.db, {
          at: now,
          actor: actorLabel(ctx.actor),
          action: 'workspace.loadDemo',
          entity: 'workspace',
          entityId: null,
          detail: counts,
        });
        ctx.emit('workspace.changed', { reason: 'demo' });
        // Shown once, so whoever loads the demo can try signing in as the team lead and as a rep.
        return {
          ...counts,
          leadPassword: leadPasswordHash ? DEMO_LEAD_PASSWORD : null,
          repPin: DEMO_REP_PIN,
        };
      });
    },
  };
}

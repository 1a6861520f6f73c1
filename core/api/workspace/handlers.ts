// Handlers for the workspace as a whole: its status, and the one-click demo team with demo leads.
import { generateDemoWorkspace } from '../../domain/demo/generate-demo-workspace';
import { appendAssignment } from '../../store/assignments';
import { appendAudit } from '../../store/audit-log';
import { insertFollowUp } from '../../store/follow-ups';
import { countLeads, insertLead } from '../../store/leads';
import { countReps, insertRep } from '../../store/reps';
import { readSetting } from '../../store/settings';
import { actorLabel, requireTeamLead, type CallContext } from '../call-context';
import type { CallOutput } from '../contract';
import { ServiceError } from '../errors';
import { leadKeysOf } from '../leads/lead-keys';

export function createWorkspaceHandlers(options: { demoSeed: number; schemaVersion: () => number }) {
  return {
    'workspace.status'(ctx: CallContext): CallOutput<'workspace.status'> {
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

    'workspace.loadDemo'(ctx: CallContext): CallOutput<'workspace.loadDemo'> {
      requireTeamLead(ctx);
      if (countLeads(ctx.db) > 0 || countReps(ctx.db) > 0) {
        throw new ServiceError('conflict', 'The demo workspace can only be loaded into an empty database.');
      }
      const demo = generateDemoWorkspace({ seed: options.demoSeed, now: ctx.now });
      for (const rep of demo.reps) insertRep(ctx.db, rep, ctx.now);
      for (const demoLead of demo.leads) {
        const scored = ctx.scoring.scoreLead(demoLead, ctx.now);
        const lead = { ...demoLead, score: scored.score, grade: scored.grade };
        insertLead(ctx.db, lead, leadKeysOf(lead), {
          importBatchId: null,
          scoreModelVersion: scored.modelVersion,
          scoredAt: scored.scoredAt,
        });
      }
      for (const assignment of demo.assignments) {
        appendAssignment(ctx.db, {
          id: assignment.id,
          leadId: assignment.leadId,
          repId: assignment.repId,
          kind:
            assignment.method === 'claim'
              ? 'claim'
              : assignment.method === 'manual'
                ? 'manual'
                : assignment.method === 'recycle'
                  ? 'recycle'
                  : 'auto',
          ruleId: null,
          reason: assignment.reason,
          explanation: { method: assignment.method, fromRepId: assignment.fromRepId },
          actor: 'system',
          at: assignment.at,
        });
      }
      for (const followUp of demo.followUps) {
        insertFollowUp(ctx.db, {
          id: followUp.id,
          leadId: followUp.leadId,
          repId: followUp.repId,
          channel: followUp.channel,
          said: followUp.summary,
          reaction: followUp.reaction,
          nextStep: followUp.nextStep,
          nextAt: followUp.nextAt,
          at: followUp.at,
        });
      }
      appendAudit(ctx.db, {
        at: ctx.now,
        actor: actorLabel(ctx.actor),
        action: 'workspace.loadDemo',
        entity: 'workspace',
        entityId: null,
        detail: { reps: demo.reps.length, leads: demo.leads.length },
      });
      ctx.emit('workspace.changed', { reason: 'demo' });
      return { reps: demo.reps.length, leads: demo.leads.length };
    },
  };
}

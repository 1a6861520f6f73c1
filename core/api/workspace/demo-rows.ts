// Writes a generated demo workspace: its reps, its distribution rules, scored leads, assignment history (with the
// recycle records its recycles leave, as the app's own do), follow-ups and stage history.
import type { DemoWorkspace } from '../../domain/demo/generate-demo-workspace';
import { scheduleActivitiesFromFollowUps } from '../../store/activities';
import { appendAssignment } from '../../store/assignments';
import { insertRuleSet } from '../../store/distribution-rules';
import { appendStageChange } from '../../store/stage-history';
import { insertFollowUp } from '../../store/follow-ups';
import { insertLead } from '../../store/leads';
import { insertRecycle } from '../../store/pool-claims';
import { insertRep } from '../../store/reps';
import { openOutOfOffice } from '../../store/rep-out-of-office';
import { outOfOfficeSince } from '../../domain/demo/team';
import type { CallContext } from '../call-context';
import { releaseNoteOf } from '../distribution/assignment-view';
import { leadKeysOf } from '../leads/lead-keys';

export function insertDemoWorkspace(ctx: CallContext, demo: DemoWorkspace, now: number): void {
  for (const rep of demo.reps) insertRep(ctx.db, rep, now);
  // The rep out of office today has been out for a few days (as their history was routed): time away, like leave.
  for (const rep of demo.reps) if (rep.isOutOfOffice) openOutOfOffice(ctx.db, rep.id, outOfOfficeSince(now));
  // The rules the history was routed by are the rules in force: the Transparency page's rules and its assignment
  // history's reasons name the same rules.
  insertRuleSet(ctx.db, demo.rules, 'system', now);
  for (const demoLead of demo.leads) {
    const scored = ctx.scoring.scoreLead(demoLead, now);
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
      kind: assignment.kind,
      ruleId: assignment.ruleId,
      reason: assignment.reason,
      explanation: assignment.explanation,
      actor: 'system',
      at: assignment.at,
    });
    // A recycle took the lead from its rep (the SLA's: no first contact in time), or the rep released it: its record
    // starts the rep's claim cool-down and counts in the Dashboard's loss, as recycleLead writes it.
    if (assignment.kind === 'recycle' && assignment.repId === null && assignment.fromRepId !== null)
      insertRecycle(ctx.db, {
        id: `rcy-${assignment.id}`,
        leadId: assignment.leadId,
        fromRepId: assignment.fromRepId,
        reason: releaseNoteOf(assignment) === null ? 'sla' : 'released',
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
  for (const move of demo.stageMoves) appendStageChange(ctx.db, { ...move, note: null });
  // Each demo lead's latest planned next step becomes its open activity (the agenda's and the cards' source).
  scheduleActivitiesFromFollowUps(
    ctx.db,
    demo.leads.map((lead) => lead.id),
  );
}

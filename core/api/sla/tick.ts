// The scheduler's tick: applies due SLA actions, next-step reminders, nurture wake-ups and assignment notices,
// each in its own short transaction, audited, so one failure never undoes the others.
import { DAY_MS } from '../../domain/clock';
import { NURTURE_WAKE_TEXTS, slaRecycleTexts } from '../../domain/sla/recycle-texts';
import { isOpenStage, wakeStageOf } from '../../domain/funnel';
import { dueActions, type SlaAction, type SlaLeadInput } from '../../domain/sla/due-actions';
import type { SlaPolicy } from '../../domain/sla/sla-policy';
import { appendAudit } from '../../store/audit-log';
import { findLeadById } from '../../store/leads';
import { deleteNurtureWakeup, listDueNurtureWakeups } from '../../store/nurture-wakeups';
import { readSetting, writeSetting } from '../../store/settings';
import { insertSlaAction, mapAppliedSlaActions } from '../../store/sla-actions';
import { appendStageChange } from '../../store/stage-history';
import { listSlaInputs, setLeadStage } from '../../store/work-leads';
import { listAnsweredAppeals, listAssignmentsAfter } from '../../store/work-notices';
import { listDueActivities, mapOpenActivities } from '../../store/activities';
import { inTransaction } from '../../store/sql';
import { actorLabel, type CallContext } from '../call-context';
import type { TickSummary } from './schemas';
import type { EventName, EventPayload, PushedEvent } from '../contract';
import { sendNotification, TEAM_LEAD_RECIPIENT } from '../notifications/send';
import { sweepPoolsInSteps } from '../pool/sweep';
import { clockActivityOf } from './cards';
import { recycleLead } from './recycle';
import { readFunnelSettings, readSlaPolicy } from './settings';

const ASSIGNMENT_CURSOR_KEY = 'work.assignmentCursor';
/** Next steps and appeal answers older than this when first seen are not worth a notification any more. */
const NOTICE_WINDOW_MS = 7 * DAY_MS;
/** Assignment kinds the rep did not learn about by doing it themselves, and that are not bulk history. */
const NOTIFIED_ASSIGNMENT_KINDS: ReadonlySet<string> = new Set(['auto', 'manual', 'recycle', 'appeal']);

const YIELD_EVERY = 50;

function yieldToOtherCalls(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs `fn` in its own transaction with its own event buffer, pushed to `ctx` only if it commits. */
function inOwnTransaction<T>(ctx: CallContext, now: number, fn: (step: CallContext) => T): T {
  const buffered: PushedEvent[] = [];
  const step: CallContext = {
    ...ctx,
    now,
    emit<K extends EventName>(event: K, payload: EventPayload<K>) {
      buffered.push({ event, payload } as PushedEvent);
    },
  };
  const value = inTransaction(ctx.db, () => fn(step));
  for (const { event, payload } of buffered) ctx.emit(event, payload as never);
  return value;
}

/** Applies one due action; false when it was already applied or the lead moved on since it was computed. */
function applySlaAction(step: CallContext, action: SlaAction): boolean {
  const lead = findLeadById(step.db, action.leadId);
  if (!lead || lead.ownerId !== action.repId || lead.isHistory || !isOpenStage(lead.stage)) return false;
  const isNew = insertSlaAction(step.db, {
    leadId: action.leadId,
    kind: action.kind,
    trigger: action.trigger,
    clockStart: action.clockStart,
    repId: action.repId,
    dueAt: action.dueAt,
    appliedAt: step.now,
  });
  if (!isNew) return false;
  const detail = {
    leadName: lead.name,
    grade: action.grade,
    limitMinutes: action.limitMinutes,
    dueAt: action.dueAt,
    reason: action.reason,
  };
  if (action.kind === 'remind') {
    sendNotification(step, {
      recipient: action.repId,
      kind: action.trigger === 'follow_up' ? 'sla_follow_up' : 'sla_remind',
      leadId: lead.id,
      detail,
    });
  } else if (action.kind === 'escalate') {
    sendNotification(step, {
      recipient: TEAM_LEAD_RECIPIENT,
      kind: 'sla_escalate',
      leadId: lead.id,
      detail: { ...detail, repId: action.repId },
    });
  } else {
    const outcome = recycleLead(step, {
      leadId: lead.id,
      fromRepId: action.repId,
      reason: 'sla',
      text: action.reason,
      target: action.target,
      detail: {
        trigger: action.trigger,
        limitMinutes: action.limitMinutes,
        dueAt: action.dueAt,
        grade: action.grade,
        text: slaRecycleTexts(action),
      },
    });
    for (const recipient of [action.repId, TEAM_LEAD_RECIPIENT]) {
      sendNotification(step, {
        recipient,
        kind: 'sla_recycled',
        leadId: lead.id,
        detail: { ...detail, repId: action.repId, toRepId: outcome.toRepId },
      });
    }
  }
  if (action.kind !== 'recycle') {
    appendAudit(step.db, {
      at: step.now,
      actor: actorLabel(step.actor),
      action: `sla.${action.kind}`,
      entity: 'lead',
      entityId: lead.id,
      detail: { repId: action.repId, trigger: action.trigger, dueAt: action.dueAt, reason: action.reason },
    });
  }
  step.emit('leads.changed', { leadIds: [lead.id], reason: `sla.${action.kind}` });
  return true;
}

/** The SLA engine's inputs with each lead's open activity: a timed one replaces the follow-up gap. */
function listClockInputs(ctx: CallContext): SlaLeadInput[] {
  const inputs = listSlaInputs(ctx.db, mapAppliedSlaActions(ctx.db));
  const activities = mapOpenActivities(
    ctx.db,
    inputs.map((input) => input.id),
  );
  return inputs.map((input) => ({
    ...input,
    nextActivity: clockActivityOf(input, activities.get(input.id)),
  }));
}

function wakeNurtureLead(step: CallContext, leadId: string, returnStage: string, policy: SlaPolicy): boolean {
  const lead = findLeadById(step.db, leadId);
  deleteNurtureWakeup(step.db, leadId);
  if (!lead || lead.stage !== 'nurture') return false;
  const stage = wakeStageOf(returnStage, readFunnelSettings(step.db).stages);
  setLeadStage(step.db, leadId, { stage, wonAmountFen: null, lostReason: null, closedAt: null }, step.now);
  appendStageChange(step.db, {
    id: step.newId('stg'),
    leadId,
    from: 'nurture',
    to: stage,
    actor: 'scheduler',
    note: 'nurture wake-up',
    at: step.now,
  });
  let toRepId: string | null = null;
  if (lead.ownerId !== null) {
    toRepId = recycleLead(step, {
      leadId,
      fromRepId: lead.ownerId,
      reason: 'nurture',
      text: NURTURE_WAKE_TEXTS.en,
      target: policy.recycleTarget,
      detail: { text: NURTURE_WAKE_TEXTS },
    }).toRepId;
  }
  appendAudit(step.db, {
    at: step.now,
    actor: actorLabel(step.actor),
    action: 'nurture.wake',
    entity: 'lead',
    entityId: leadId,
    detail: { stage, fromRepId: lead.ownerId, toRepId },
  });
  sendNotification(step, {
    recipient: TEAM_LEAD_RECIPIENT,
    kind: 'nurture_woke',
    leadId,
    detail: { leadName: lead.name, stage, toRepId },
  });
  step.emit('leads.changed', { leadIds: [leadId], reason: 'nurture.wake' });
  return true;
}

/**
 * One tick at `ctx.clock()`: every due action once (catching up after a sleep applies only the most severe
 * step per clock), then reminders and wake-ups. Safe to run at any time and any number of times.
 */
export async function runSlaTick(ctx: CallContext): Promise<TickSummary> {
  const now = ctx.clock();
  const policy = readSlaPolicy(ctx.db);
  const summary = {
    now,
    reminded: 0,
    escalated: 0,
    recycled: 0,
    followUpReminders: 0,
    nextStepReminders: 0,
    nurtureWoken: 0,
    assignmentNotices: 0,
    failed: 0,
  };
  const attempt = (fn: (step: CallContext) => boolean): boolean => {
    try {
      return inOwnTransaction(ctx, now, fn);
    } catch {
      summary.failed += 1;
      return false;
    }
  };

  const actions = dueActions(now, listClockInputs(ctx), policy);
  for (const [i, action] of actions.entries()) {
    // A catch-up after a long sleep may apply thousands: let other calls in between batches.
    if (i > 0 && i % YIELD_EVERY === 0) await yieldToOtherCalls();
    if (!attempt((step) => applySlaAction(step, action))) continue;
    if (action.kind === 'recycle') summary.recycled += 1;
    else if (action.kind === 'escalate') summary.escalated += 1;
    else if (action.trigger === 'follow_up') summary.followUpReminders += 1;
    else summary.reminded += 1;
  }

  // A scheduled activity reminds its rep at its due time; a rescheduled one is a new row, so it reminds again.
  for (const due of listDueActivities(ctx.db, now - NOTICE_WINDOW_MS, now)) {
    if (due.repId === null) continue;
    const recipient = due.repId;
    const sent = attempt(
      (step) =>
        sendNotification(step, {
          recipient,
          kind: 'next_step_due',
          leadId: due.leadId,
          detail: {
            leadName: due.leadName,
            nextStep: due.title,
            nextAt: due.dueAt,
            activityId: due.id,
            activityKind: due.kind,
          },
          dedupeKey: `act:${due.id}`,
        }) !== null,
    );
    if (sent) summary.nextStepReminders += 1;
  }

  for (const wakeup of listDueNurtureWakeups(ctx.db, now, 1000)) {
    if (attempt((step) => wakeNurtureLead(step, wakeup.leadId, wakeup.returnStage, policy))) {
      summary.nurtureWoken += 1;
    }
  }

  // The pools' own recycle rules (pool/sweep.ts): a warning to the owner first, then the recycle.
  summary.recycled += sweepPoolsInSteps({ ...ctx, now }, attempt);
  summary.assignmentNotices += notifyNewAssignments(ctx, now, attempt);
  notifyAnsweredAppeals(ctx, now, attempt);
  return summary;
}

function notifyNewAssignments(
  ctx: CallContext,
  now: number,
  attempt: (fn: (step: CallContext) => boolean) => boolean,
): number {
  let sent = 0;
  for (;;) {
    const cursor = readSetting<number>(ctx.db, ASSIGNMENT_CURSOR_KEY) ?? 0;
    const rows = listAssignmentsAfter(ctx.db, cursor, 500);
    if (rows.length === 0) return sent;
    // A lead handed on twice in one batch (distributed, then reassigned) is news once, from its latest row.
    const latest = new Map(rows.map((row) => [row.leadId, row]));
    attempt((step) => {
      for (const row of latest.values()) {
        if (row.repId === '' || !NOTIFIED_ASSIGNMENT_KINDS.has(row.kind) || row.at < now - DAY_MS) continue;
        const lead = findLeadById(step.db, row.leadId);
        if (lead?.ownerId !== row.repId) continue;
        const notice = sendNotification(step, {
          recipient: row.repId,
          kind: 'assigned',
          leadId: row.leadId,
          detail: { leadName: row.leadName, assignmentKind: row.kind, reason: row.reason.slice(0, 300) },
          dedupeKey: `asg:${row.rowid}`,
        });
        if (notice) sent += 1;
      }
      writeSetting(step.db, ASSIGNMENT_CURSOR_KEY, rows[rows.length - 1]?.rowid ?? cursor, now);
      return true;
    });
    if (rows.length < 500) return sent;
  }
}

/** Appeals live in the distribution feature's table; answered ones are announced to the rep who raised them. */
function notifyAnsweredAppeals(
  ctx: CallContext,
  now: number,
  attempt: (fn: (step: CallContext) => boolean) => boolean,
): void {
  for (const appeal of listAnsweredAppeals(ctx.db, now - NOTICE_WINDOW_MS, now)) {
    attempt(
      (step) =>
        sendNotification(step, {
          recipient: appeal.repId,
          kind: 'appeal_answered',
          leadId: appeal.leadId,
          detail: { leadName: appeal.leadName, state: appeal.state, reply: appeal.reply },
          dedupeKey: `appeal:${appeal.id}`,
        }) !== null,
    );
  }
}

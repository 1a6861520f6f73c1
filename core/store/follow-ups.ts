// Repository for follow-ups: the log of every contact with a lead, kept whatever happens to its owner or stage.
import type { Database } from 'better-sqlite3';
import type { FollowUpChannel } from '../domain/follow-up';
import { noteClockFollowUp } from './clock-facts';
import { noteFollowUp } from './kpi-facts';
import { execute, qb, selectAll } from './sql';

interface FollowUpRecord {
  readonly id: string;
  readonly leadId: string;
  readonly repId: string | null;
  readonly channel: FollowUpChannel;
  readonly said: string;
  readonly reaction: string | null;
  readonly nextStep: string | null;
  readonly nextAt: number | null;
  readonly at: number;
}

export function insertFollowUp(db: Database, record: FollowUpRecord): void {
  execute(
    db,
    qb.insertInto('follow_ups').values({
      id: record.id,
      lead_id: record.leadId,
      rep_id: record.repId,
      channel: record.channel,
      said: record.said,
      reaction: record.reaction,
      next_step: record.nextStep,
      next_at: record.nextAt,
      at: record.at,
    }),
  );
  noteFollowUp(db, record.leadId, record.repId, record.at);
  noteClockFollowUp(db, record.leadId, record.at);
}

export function listFollowUpsForLead(db: Database, leadId: string): FollowUpRecord[] {
  return selectAll(
    db,
    qb.selectFrom('follow_ups').selectAll().where('lead_id', '=', leadId).orderBy('at', 'desc').orderBy('id'),
  ).map((row) => ({
    id: row.id,
    leadId: row.lead_id,
    repId: row.rep_id,
    channel: row.channel as FollowUpChannel,
    said: row.said,
    reaction: row.reaction,
    nextStep: row.next_step,
    nextAt: row.next_at,
    at: row.at,
  }));
}

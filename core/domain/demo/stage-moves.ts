// The demo's stage history: how each lead moved along the funnel to the stage it is in, so the Dashboard's days per
// stage and "reached" have moves to count. No randomness: the moves follow the lead's own history (how often its
// owner followed it up decides how far a lost lead got), spaced evenly from its hand-over to its close or last contact.
import type { FunnelStage } from '../funnel';
import type { IdGenerator, LeadId, RepId } from '../ids';
import type { DemoFollowUp } from './follow-ups';

export interface DemoStageMove {
  readonly id: string;
  readonly leadId: LeadId;
  readonly from: FunnelStage;
  readonly to: FunnelStage;
  /** Who moved it: the owner (`rep:<id>`), as a move on the kanban records it. */
  readonly actor: string;
  /** Epoch ms. */
  readonly at: number;
}

const MAIN_PATH: readonly FunnelStage[] = ['raw', 'mql', 'sql', 'opportunity', 'won'];

/** The stages a lead passed through, raw first, ending at its stage now. */
export function demoStagePath(stage: FunnelStage, ownerFollowUps: number): FunnelStage[] {
  const rank = MAIN_PATH.indexOf(stage);
  if (rank >= 0) return MAIN_PATH.slice(0, rank + 1);
  if (stage === 'nurture') return ['raw', 'mql', 'nurture'];
  if (stage === 'lost') return [...MAIN_PATH.slice(0, Math.min(3, ownerFollowUps) + 1), 'lost'];
  return ['raw', stage];
}

interface MovedLead {
  readonly id: LeadId;
  readonly stage: FunnelStage;
  readonly ownerId: RepId | null;
  readonly createdAt: number;
  readonly closedAt?: number | null;
}

/**
 * The moves that brought `lead` from raw to its stage: the last at its close (or its owner's last follow-up), the
 * others spaced evenly back to its first hand-over. Every move is at or after the lead arrived and at or before `now`.
 */
export function demoStageMoves(
  lead: MovedLead,
  followUps: readonly DemoFollowUp[],
  handedOverAt: number | null,
  now: number,
  makeId: IdGenerator,
): DemoStageMove[] {
  const own = followUps.filter((f) => f.repId === lead.ownerId);
  const path = demoStagePath(lead.stage, own.length);
  if (path.length < 2) return [];
  const start = Math.max(lead.createdAt, handedOverAt ?? lead.createdAt);
  const lastContact = own.reduce((latest, f) => Math.max(latest, f.at), start);
  const end = Math.min(now, Math.max(start, lead.closedAt ?? lastContact));
  const steps = path.length - 1;
  const actor = lead.ownerId === null ? 'team-lead' : `rep:${lead.ownerId}`;
  return path.slice(1).map((to, i) => ({
    id: makeId('stage'),
    leadId: lead.id,
    from: path[i] ?? 'raw',
    to,
    actor,
    at: Math.round(start + ((end - start) * (i + 1)) / steps),
  }));
}

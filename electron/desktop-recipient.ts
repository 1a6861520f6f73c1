// Whose notifications this window shows natively: whoever the window is acting as, learned from the answers to
// `session.actAs` the main process relays (the team lead until someone switches).
import type { CallResult } from '../core/api/contract';

export interface DesktopRecipient {
  /** 'lead' for the team lead, else the rep's id — the `recipient` of a stored notification. */
  current(): string;
  /** Feeds every relayed call's answer; only a successful `session.actAs` changes the recipient. */
  observe(name: string, result: CallResult<unknown>): void;
}

export function createDesktopRecipient(): DesktopRecipient {
  let recipient = 'lead';
  return {
    current: () => recipient,
    observe(name, result) {
      if (name !== 'session.actAs' || !result.ok) return;
      const actor = (result.value as { actor?: { role?: string; repId?: string } }).actor;
      if (actor?.role === 'lead') recipient = 'lead';
      else if (actor?.role === 'rep' && typeof actor.repId === 'string') recipient = actor.repId;
    },
  };
}

// What a pushed event may tell each person: the same scoping as the calls. A rep hears about their own leads,
// the pool, their own jobs and notifications, and team-wide facts; anything not listed here is for the team
// lead alone.
import type { PushedEvent } from './contract';
import { actorLabel } from './call-context';
import type { Actor } from './session/calls';

/** Events every signed-in person may hear as they are. */
const TEAM_EVENTS: ReadonlySet<string> = new Set([
  'reps.changed',
  'workspace.changed',
  'scoring.changed',
  'distribution.rulesChanged',
]);

/** Looks up the current owners of leads (null: in the pool); asked once per event, not per listener. */
export type OwnerLookup = (leadIds: readonly string[]) => ReadonlyMap<string, string | null>;

/** The event as this actor may see it, or null when it is not theirs to hear. */
export function scopeEventFor(actor: Actor, event: PushedEvent, owners: OwnerLookup): PushedEvent | null {
  if (actor.role === 'lead') return event;
  if (TEAM_EVENTS.has(String(event.event))) return event;
  const repId = actor.repId;
  const payload = event.payload as Record<string, unknown>;
  switch (event.event) {
    case 'leads.changed': {
      const all = payload['leadIds'] as string[];
      const ownerOf = owners(all);
      const ids = all.filter((id) => {
        const owner = ownerOf.get(id);
        return owner === repId || owner === null;
      });
      // A lead that left the rep (reassigned, recycled) still refreshes their lists, without naming it.
      return { ...event, payload: { ...payload, leadIds: ids } } as PushedEvent;
    }
    case 'distribution.assigned':
      return payload['repId'] === repId ? event : null;
    case 'notifications.new':
      return payload['recipient'] === repId ? event : null;
    case 'jobs.progress':
      return payload['actor'] === actorLabel(actor) ? event : null;
    default:
      return null;
  }
}

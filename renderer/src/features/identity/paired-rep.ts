// Which rep paired this browser, so the sign-in screen can offer that rep's PIN after a sign-out or an ended
// session. Only the rep's id and name are kept (the hub's own origin, localStorage): nothing secret.
import type { Actor } from '../../../../core/api/contract';

const KEY = 'fairlead.pairedRep';

export interface PairedRep {
  readonly repId: string;
  readonly name: string;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage switched off by the browser
  }
}

export function readPairedRep(): PairedRep | null {
  try {
    const value = JSON.parse(storage()?.getItem(KEY) ?? 'null') as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { repId, name } = value as Record<string, unknown>;
    return typeof repId === 'string' && typeof name === 'string' ? { repId, name } : null;
  } catch {
    return null;
  }
}

export function rememberPairedRep(actor: Actor): void {
  if (actor.role !== 'rep') return;
  storage()?.setItem(KEY, JSON.stringify({ repId: actor.repId, name: actor.name }));
}

export function forgetPairedRep(): void {
  storage()?.removeItem(KEY);
}

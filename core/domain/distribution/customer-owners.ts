// Who owns each existing customer as a replay goes: the same lookup live distribution makes in the store.
import type { RepId } from '../ids';
import type { AffinityOwner } from './affinity-step';

export interface CustomerKeys {
  /** Contact keys (phone, email, person at company) in the order live distribution tries them. */
  readonly contact: readonly string[];
  readonly company: string | null;
}

/**
 * Customer → owning rep, by contact key and by company key. As live (the most recently updated lead with an
 * owner wins), the latest lead handed to a rep sets the owner of its keys; a recycle clears the keys that rep held
 * through that lead.
 */
export class CustomerOwners {
  private readonly byContact: Map<string, RepId>;
  private readonly byCompany: Map<string, RepId>;

  constructor(
    private readonly keys: Readonly<Record<string, CustomerKeys>>,
    before?: {
      readonly byContact: Readonly<Record<string, RepId>>;
      readonly byCompany: Readonly<Record<string, RepId>>;
    },
  ) {
    this.byContact = new Map(Object.entries(before?.byContact ?? {}));
    this.byCompany = new Map(Object.entries(before?.byCompany ?? {}));
  }

  /** The owner of the lead's customer: by contact first, then by company; null when none. */
  ownerOf(leadId: string): AffinityOwner | null {
    const keys = this.keys[leadId];
    if (keys === undefined) return null;
    for (const key of keys.contact) {
      const repId = this.byContact.get(key);
      if (repId !== undefined) return { kind: 'lead', repId };
    }
    const repId = keys.company === null ? undefined : this.byCompany.get(keys.company);
    return repId === undefined ? null : { kind: 'company', repId };
  }

  assign(leadId: string, repId: RepId): void {
    const keys = this.keys[leadId];
    if (keys === undefined) return;
    for (const key of keys.contact) this.byContact.set(key, repId);
    if (keys.company !== null) this.byCompany.set(keys.company, repId);
  }

  release(leadId: string, repId: RepId): void {
    const keys = this.keys[leadId];
    if (keys === undefined) return;
    for (const key of keys.contact) if (this.byContact.get(key) === repId) this.byContact.delete(key);
    if (keys.company !== null && this.byCompany.get(keys.company) === repId)
      this.byCompany.delete(keys.company);
  }
}

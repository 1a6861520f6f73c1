// Team handlers: list, add, edit, deactivate. A PIN is hashed before the write; a changed PIN or a deactivation
// ends the rep's sessions at once; a change of the out-of-office switch is kept as history (out-of-office.ts).
import type { Rep } from '../../domain/rep';
import { asRepId } from '../../domain/ids';
import { appendAudit } from '../../store/audit-log';
import {
  findRepById,
  insertRep,
  listRepIdsWithPin,
  listReps,
  setRepPinHash,
  updateRep,
} from '../../store/reps';
import { inTransaction } from '../../store/sql';
import { revokeDevicesOf } from '../../store/devices';
import { actorLabel, type CallContext, type HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { hashSecret } from '../session/secrets';
import type { repsCalls } from './calls';
import { REPS_ERRORS } from './errors';
import { moveOpenLeadsOf, requireOpenLeadsPlace } from '../pool/rep-leads';
import { recordOutOfOffice } from './out-of-office';
import { localDayOf, readDistributionSettings } from '../distribution/setup';

function requireRep(ctx: CallContext, id: string): Rep {
  const rep = findRepById(ctx.db, id);
  if (!rep) throw new ServiceError(REPS_ERRORS.notFound, { id }, 'id');
  return rep;
}

function audit(ctx: CallContext, at: number, action: string, rep: Rep, detail: object): void {
  appendAudit(ctx.db, { at, actor: actorLabel(ctx.actor), action, entity: 'rep', entityId: rep.id, detail });
}

export const repsHandlers: HandlersOf<typeof repsCalls> = {
  'reps.list'(ctx, input) {
    const withPin = new Set(listRepIdsWithPin(ctx.db));
    const reps = listReps(ctx.db, { includeInactive: input.includeInactive });
    if (ctx.actor.role === 'lead') return reps.map((rep) => ({ ...rep, hasPin: withPin.has(rep.id) }));
    const self = ctx.actor.repId;
    return reps.map((rep) =>
      rep.id === self
        ? { ...rep, hasPin: withPin.has(rep.id) }
        : { ...rep, email: null, phone: null, hasPin: false },
    );
  },

  async 'reps.create'(ctx, input) {
    const { pin, joinedOn, ...fields } = input;
    const pinHash = pin ? await hashSecret(pin) : null;
    const now = ctx.clock();
    return inTransaction(ctx.db, () => {
      const rep: Rep = {
        ...fields,
        id: asRepId(ctx.newId('rep')),
        isActive: true,
        // Today on the team's clock, as the engine and the ledger read it (the UTC date is tomorrow in a west-of-UTC
        // evening, so the new rep would get no lead until midnight).
        joinedOn: joinedOn ?? localDayOf(now, readDistributionSettings(ctx.db).utcOffsetMinutes).date,
      };
      insertRep(ctx.db, rep, now);
      recordOutOfOffice(ctx.db, false, rep, now);
      if (pinHash) setRepPinHash(ctx.db, rep.id, pinHash, now);
      audit(ctx, now, 'rep.create', rep, { name: rep.name, tier: rep.tier });
      ctx.emit('reps.changed', { repIds: [rep.id] });
      return rep;
    });
  },

  async 'reps.update'(ctx, input) {
    const { pin, ...patch } = input.patch;
    const pinHash = pin ? await hashSecret(pin) : null;
    const now = ctx.clock();
    return inTransaction(ctx.db, () => {
      const before = requireRep(ctx, input.id);
      const defined = Object.fromEntries(
        Object.entries(patch).filter(([, value]) => value !== undefined),
      ) as Partial<Rep>;
      const after: Rep = { ...before, ...defined };
      updateRep(ctx.db, after, now);
      // The switch's history (time away for fairness) is written with the switch, in this transaction.
      recordOutOfOffice(ctx.db, before.isOutOfOffice, after, now);
      if (pin !== undefined) {
        setRepPinHash(ctx.db, after.id, pinHash, now);
        ctx.sessions.revoke(ctx.db, { person: { role: 'rep', repId: after.id } }, now, 'PIN changed');
      }
      audit(ctx, now, 'rep.update', after, {
        fields: [...Object.keys(defined), ...(pin !== undefined ? ['pin'] : [])],
      });
      ctx.emit('reps.changed', { repIds: [after.id] });
      return after;
    });
  },

  'reps.setActive'(ctx, input) {
    const after: Rep = { ...requireRep(ctx, input.id), isActive: input.isActive };
    // Issue #16: a deactivation says where the rep's open leads go (api/pool/rep-leads.ts), else it is refused.
    if (!input.isActive) requireOpenLeadsPlace(ctx, after.id, input.openLeads);
    updateRep(ctx.db, after, ctx.now);
    if (!input.isActive) {
      ctx.sessions.revoke(ctx.db, { person: { role: 'rep', repId: after.id } }, ctx.now, 'rep deactivated');
      revokeDevicesOf(ctx.db, `rep:${after.id}`, ctx.now);
      if (input.openLeads !== undefined) moveOpenLeadsOf(ctx, after.id, input.openLeads);
    }
    audit(ctx, ctx.now, input.isActive ? 'rep.activate' : 'rep.deactivate', after, {});
    ctx.emit('reps.changed', { repIds: [after.id] });
    return after;
  },
};

// Handlers for the team: list, add, edit (tier, skills, regions, caps, availability), deactivate.
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
import { actorLabel, requireTeamLead, type CallContext } from '../call-context';
import type { CallOutput, ParsedInput } from '../contract';
import { ServiceError } from '../errors';
import { hashPin } from '../session/pin';

function isoDateOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function requireRep(ctx: CallContext, id: string): Rep {
  const rep = findRepById(ctx.db, id);
  if (!rep) throw new ServiceError('not_found', `No rep with id ${id}.`, 'id');
  return rep;
}

function audit(ctx: CallContext, action: string, rep: Rep, detail: object): void {
  appendAudit(ctx.db, {
    at: ctx.now,
    actor: actorLabel(ctx.actor),
    action,
    entity: 'rep',
    entityId: rep.id,
    detail,
  });
}

export const repHandlers = {
  'reps.list'(ctx: CallContext, input: ParsedInput<'reps.list'>): CallOutput<'reps.list'> {
    const withPin = new Set(listRepIdsWithPin(ctx.db));
    return listReps(ctx.db, { includeInactive: input.includeInactive }).map((rep) => ({
      ...rep,
      hasPin: withPin.has(rep.id),
    }));
  },

  'reps.create'(ctx: CallContext, input: ParsedInput<'reps.create'>): CallOutput<'reps.create'> {
    requireTeamLead(ctx);
    const { pin, joinedOn, ...fields } = input;
    const rep: Rep = {
      ...fields,
      id: asRepId(ctx.newId('rep')),
      isActive: true,
      joinedOn: joinedOn ?? isoDateOf(ctx.now),
    };
    insertRep(ctx.db, rep, ctx.now);
    if (pin) setRepPinHash(ctx.db, rep.id, hashPin(pin), ctx.now);
    audit(ctx, 'rep.create', rep, { name: rep.name, tier: rep.tier });
    ctx.emit('reps.changed', { repIds: [rep.id] });
    return rep;
  },

  'reps.update'(ctx: CallContext, input: ParsedInput<'reps.update'>): CallOutput<'reps.update'> {
    requireTeamLead(ctx);
    const before = requireRep(ctx, input.id);
    const { pin, ...patch } = input.patch;
    const defined = Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    ) as Partial<Rep>;
    const after: Rep = { ...before, ...defined };
    updateRep(ctx.db, after, ctx.now);
    if (pin !== undefined) setRepPinHash(ctx.db, after.id, pin ? hashPin(pin) : null, ctx.now);
    audit(ctx, 'rep.update', after, {
      fields: [...Object.keys(defined), ...(pin !== undefined ? ['pin'] : [])],
    });
    ctx.emit('reps.changed', { repIds: [after.id] });
    return after;
  },

  'reps.setActive'(ctx: CallContext, input: ParsedInput<'reps.setActive'>): CallOutput<'reps.setActive'> {
    requireTeamLead(ctx);
    const after: Rep = { ...requireRep(ctx, input.id), isActive: input.isActive };
    updateRep(ctx.db, after, ctx.now);
    audit(ctx, input.isActive ? 'rep.activate' : 'rep.deactivate', after, {});
    ctx.emit('reps.changed', { repIds: [after.id] });
    return after;
  },
};

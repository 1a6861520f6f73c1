// Handlers that manage the pools, hand a pool lead to a rep, lock leads against recycling and run the sweep.
import { DAY_MS } from '../../domain/clock';
import { isOpenStage } from '../../domain/funnel';
import { isPoolMember } from '../../domain/pool/claim';
import { checkLock, isLockActive, lockExpiry } from '../../domain/pool/locks';
import type { PoolConfig } from '../../domain/pool/types';
import { appendAudit } from '../../store/audit-log';
import { findLeadById } from '../../store/leads';
import { deletePoolRow, listAuditOfAction, upsertPoolRow } from '../../store/pools';
import {
  findOpenLock,
  insertLock,
  listActiveLocksOf,
  listAllActiveLocks,
  releaseLock,
  setLockExpiry,
  type LeadLock,
} from '../../store/pools-locks';
import { actorLabel, type CallContext, type HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { mapRepNames } from '../sla/cards';
import { cardOf, auditLead } from '../work/workable-lead';
import { WORK_ERRORS } from '../work/errors';
import type { poolAdminCalls } from './calls';
import { assignPoolLead } from './claim';
import { POOL_ERRORS } from './errors';
import { storedPoolConfigSchema } from './schemas';
import { poolOf, readPools } from './pools-read';
import { planSweep, runPoolSweep } from './sweep';

function shownPool(pool: PoolConfig) {
  const { id, isDefault, name, position, ...rest } = pool;
  return { id, isDefault, name, position, ...storedPoolConfigSchema.parse(rest) };
}

/** Why pool.lock would refuse the owner a new lock in `pool` now (none allowed, or their cap held), or null. */
function lockRefusalOf(pool: PoolConfig, ownerLocks: readonly LeadLock[]): ServiceError | null {
  const held = ownerLocks.filter((lock) => lock.poolId === pool.id).length;
  const refusal = checkLock(pool.locks, held);
  if (refusal?.rule === 'lockOff')
    return new ServiceError(POOL_ERRORS.lockOff, { pool: pool.name }, 'leadId');
  if (refusal?.rule === 'lockCap')
    return new ServiceError(POOL_ERRORS.lockCap, { pool: pool.name, cap: 'lock', ...refusal }, 'leadId');
  return null;
}

function lockShown(ctx: CallContext, lock: LeadLock) {
  return {
    leadId: lock.leadId,
    leadName: findLeadById(ctx.db, lock.leadId)?.name ?? lock.leadId,
    repId: lock.repId,
    poolId: lock.poolId,
    lockedAt: lock.lockedAt,
    expiresAt: lock.expiresAt,
  };
}

/** The lead's lock in force and its pool; refused when there is none. */
function requireActiveLock(ctx: CallContext, leadId: string): { lock: LeadLock; pool: PoolConfig } {
  const lock = findOpenLock(ctx.db, leadId);
  const lead = findLeadById(ctx.db, leadId);
  if (!lock || !lead || !isLockActive(lock, ctx.now) || lead.ownerId !== lock.repId)
    throw new ServiceError(POOL_ERRORS.lockNotFound, { id: leadId }, 'leadId');
  return { lock, pool: poolOf(readPools(ctx.db), lead) };
}

function requireLockAdmin(ctx: CallContext, pool: PoolConfig): void {
  if (ctx.actor.role === 'rep' && !pool.adminRepIds.includes(ctx.actor.repId))
    throw new ServiceError(POOL_ERRORS.notPoolAdmin, { pool: pool.name }, 'leadId');
}

export const poolAdminHandlers: HandlersOf<typeof poolAdminCalls> = {
  'pool.pools'(ctx) {
    const pools = readPools(ctx.db);
    const repId = repIdOf(ctx);
    const visible = repId === null ? pools : pools.filter((pool) => isPoolMember(pool, repId));
    return { pools: visible.map(shownPool) };
  },

  'pool.savePool'(ctx, input) {
    const pools = readPools(ctx.db);
    const existing = input.id === undefined ? undefined : pools.find((pool) => pool.id === input.id);
    if (input.id !== undefined && !existing)
      throw new ServiceError(POOL_ERRORS.poolNotFound, { id: input.id }, 'id');
    const { name, position, ...config } = input.settings;
    const id = existing?.id ?? ctx.newId('pool');
    const isDefault = existing?.isDefault ?? false;
    upsertPoolRow(ctx.db, { id, name, position, isDefault, config }, ctx.now);
    ctx.emit('workspace.changed', { reason: 'pools' });
    appendPoolAudit(ctx, existing ? 'pool.update' : 'pool.create', id, { name });
    const saved = readPools(ctx.db).find((pool) => pool.id === id);
    if (!saved) throw new ServiceError(POOL_ERRORS.poolNotFound, { id }, 'id');
    return shownPool(saved);
  },

  'pool.deletePool'(ctx, input) {
    const pool = readPools(ctx.db).find((p) => p.id === input.id);
    if (!pool) throw new ServiceError(POOL_ERRORS.poolNotFound, { id: input.id }, 'id');
    if (pool.isDefault) throw new ServiceError(POOL_ERRORS.defaultPoolKept, {}, 'id');
    const deleted = deletePoolRow(ctx.db, input.id, ctx.now);
    appendPoolAudit(ctx, 'pool.delete', input.id, { name: pool.name });
    ctx.emit('workspace.changed', { reason: 'pools' });
    return { deleted };
  },

  'pool.assign'(ctx, input) {
    assignPoolLead(ctx, input.leadId, input.repId);
    return cardOf(ctx, input.leadId);
  },

  'pool.lock'(ctx, input) {
    const lead = findLeadById(ctx.db, input.leadId);
    if (!lead) throw new ServiceError(WORK_ERRORS.leadNotFound, { id: input.leadId }, 'leadId');
    const ownerId = lead.ownerId;
    const isOwnerOrLead = ctx.actor.role === 'lead' || ownerId === repIdOf(ctx);
    if (ownerId === null || !isOwnerOrLead || lead.isHistory || !isOpenStage(lead.stage))
      throw new ServiceError(POOL_ERRORS.notYourLead, { id: lead.id }, 'leadId');
    const current = findOpenLock(ctx.db, lead.id);
    if (current && isLockActive(current, ctx.now) && current.repId === ownerId)
      return lockShown(ctx, current);
    if (current) releaseLock(ctx.db, current.id, ctx.now, actorLabel(ctx.actor));
    const pool = poolOf(readPools(ctx.db), lead);
    const refusal = lockRefusalOf(pool, listActiveLocksOf(ctx.db, ownerId, ctx.now));
    if (refusal !== null) throw refusal;
    const lock: LeadLock = {
      id: ctx.newId('lck'),
      leadId: lead.id,
      repId: ownerId,
      poolId: pool.id,
      lockedAt: ctx.now,
      expiresAt: lockExpiry(pool.locks, ctx.now),
      releasedAt: null,
    };
    insertLock(ctx.db, { ...lock, changedBy: actorLabel(ctx.actor) });
    auditLead(ctx, 'pool.lock', lead.id, { repId: ownerId, expiresAt: lock.expiresAt });
    ctx.emit('leads.changed', { leadIds: [lead.id], reason: 'locked' });
    return lockShown(ctx, lock);
  },

  'pool.extendLock'(ctx, input) {
    const { lock, pool } = requireActiveLock(ctx, input.leadId);
    requireLockAdmin(ctx, pool);
    const expiresAt = lock.expiresAt + input.days * DAY_MS;
    setLockExpiry(ctx.db, lock.id, expiresAt, actorLabel(ctx.actor));
    auditLead(ctx, 'pool.extendLock', lock.leadId, { repId: lock.repId, expiresAt });
    return lockShown(ctx, { ...lock, expiresAt });
  },

  'pool.releaseLock'(ctx, input) {
    const { lock, pool } = requireActiveLock(ctx, input.leadId);
    if (ctx.actor.role === 'rep' && ctx.actor.repId !== lock.repId) requireLockAdmin(ctx, pool);
    releaseLock(ctx.db, lock.id, ctx.now, actorLabel(ctx.actor));
    auditLead(ctx, 'pool.releaseLock', lock.leadId, { repId: lock.repId });
    ctx.emit('leads.changed', { leadIds: [lock.leadId], reason: 'unlocked' });
    return { released: true };
  },

  'pool.locks'(ctx) {
    const pools = readPools(ctx.db);
    const repId = repIdOf(ctx);
    const locks =
      repId === null ? listAllActiveLocks(ctx.db, ctx.now) : listActiveLocksOf(ctx.db, repId, ctx.now);
    const maxPerRep = pools.find((pool) => pool.isDefault)?.locks.maxPerRep ?? 0;
    return { locks: locks.map((lock) => lockShown(ctx, lock)), maxPerRep };
  },

  'pool.warnings'(ctx) {
    const repId = repIdOf(ctx);
    const items = planSweep(ctx.db, ctx.now, repId ?? undefined).filter((item) => item.state === 'warn');
    const locksOf = new Map<string, readonly LeadLock[]>();
    return {
      warnings: items.map((item) => {
        const ownerId = item.lead.ownerId;
        let locks = locksOf.get(ownerId);
        if (locks === undefined) locksOf.set(ownerId, (locks = listActiveLocksOf(ctx.db, ownerId, ctx.now)));
        return {
          leadId: item.lead.id,
          name: item.lead.name,
          ownerId,
          poolId: item.pool.id,
          kind: item.due.kind,
          days: item.due.days,
          dueAt: item.due.dueAt,
          lockRefusal: lockRefusalOf(item.pool, locks)?.toRefusalData() ?? null,
        };
      }),
    };
  },

  'pool.reveals'(ctx, input) {
    const names = mapRepNames(ctx.db);
    const pools = new Map(readPools(ctx.db).map((pool) => [pool.id, pool.name]));
    const rows = listAuditOfAction(ctx.db, 'pool.reveal', input.limit).map((entry) => {
      const detail = (entry.detail ?? {}) as { repId?: unknown; poolId?: unknown; fields?: unknown };
      const repId = typeof detail.repId === 'string' ? detail.repId : '';
      const leadId = entry.entityId ?? '';
      return {
        at: entry.at,
        actor: entry.actor,
        repId,
        repName: names.get(repId) ?? null,
        leadId,
        leadName: findLeadById(ctx.db, leadId)?.name ?? null,
        poolName: typeof detail.poolId === 'string' ? (pools.get(detail.poolId) ?? null) : null,
        fields: Array.isArray(detail.fields)
          ? detail.fields.filter((f): f is string => typeof f === 'string')
          : [],
      };
    });
    return { rows };
  },

  'pool.sweep'(ctx) {
    return runPoolSweep(ctx);
  },
};

function repIdOf(ctx: CallContext): string | null {
  return ctx.actor.role === 'rep' ? ctx.actor.repId : null;
}

function appendPoolAudit(ctx: CallContext, action: string, poolId: string, detail: object): void {
  appendAudit(ctx.db, {
    at: ctx.now,
    actor: actorLabel(ctx.actor),
    action,
    entity: 'pool',
    entityId: poolId,
    detail,
  });
}

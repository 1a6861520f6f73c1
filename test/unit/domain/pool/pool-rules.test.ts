// The pools' rules at their exact boundaries: which pool a lead goes to, caps per tier with exemptions, embargo,
// cool-down, recycle rules per grade with their warnings and exemptions, lock caps, and masking.
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../../core/domain/clock';
import { capsFor, checkCaps, checkClaim, type ClaimFacts } from '../../../../core/domain/pool/claim';
import { checkLock, isLockActive, lockExpiry } from '../../../../core/domain/pool/locks';
import { maskEmail, maskPhone, maskWechat } from '../../../../core/domain/pool/mask';
import { orderPools, poolOfLead } from '../../../../core/domain/pool/match';
import { recycleDueOf, recycleStateAt } from '../../../../core/domain/pool/recycle-rules';
import { defaultPoolConfig, type PoolConfig } from '../../../../core/domain/pool/types';

const T0 = Date.UTC(2026, 10, 23, 2, 0);

function pool(patch: Partial<PoolConfig> = {}): PoolConfig {
  return { ...defaultPoolConfig(), ...patch };
}

function facts(patch: Partial<ClaimFacts> = {}): ClaimFacts {
  return {
    now: T0,
    rep: { id: 'rep_a', tier: 'mid' },
    pool: pool(),
    teamClaimDailyLimit: 3,
    teamCoolDownDays: 7,
    pooledAt: T0 - DAY_MS,
    lastRecycledFromRepAt: null,
    claimsToday: 0,
    holding: 0,
    ...patch,
  };
}

describe('which pool a lead goes to', () => {
  const east = pool({ id: 'east', name: '华东', isDefault: false, position: 1 });
  const eastA = {
    ...east,
    id: 'eastA',
    position: 0,
    entry: { ...east.entry, regions: ['上海'], grades: ['A' as const] },
  };
  const eastAll = { ...east, entry: { ...east.entry, regions: ['上海', '杭州'] } };
  const ordered = orderPools([pool(), eastAll, eastA]);

  it('tries pools by position and the default last', () => {
    expect(ordered.map((p) => p.id)).toEqual(['eastA', 'east', 'pool_default']);
  });

  it('gives a lead matching several pools to the first', () => {
    const lead = { region: '上海', industry: null, grade: 'A' as const, source: null };
    expect(poolOfLead(ordered, lead)?.id).toBe('eastA');
    expect(poolOfLead(ordered, { ...lead, grade: 'B' })?.id).toBe('east');
  });

  it('gives a lead no pool takes to the default pool, an ungraded lead included', () => {
    expect(poolOfLead(ordered, { region: '北京', industry: null, grade: null, source: null })?.id).toBe(
      'pool_default',
    );
  });
});

describe('claim rules at their boundaries', () => {
  it('refuses a rep outside a members-only pool and lets its admin in', () => {
    const closed = pool({ isOpenToAll: false, memberRepIds: ['rep_b'], adminRepIds: ['rep_c'] });
    expect(checkClaim(facts({ pool: closed }))).toEqual({ rule: 'notMember' });
    expect(checkClaim(facts({ pool: closed, rep: { id: 'rep_c', tier: 'mid' } }))).toBeNull();
  });

  it('embargoes a newly pooled lead until exactly N minutes after it arrived', () => {
    const embargoed = pool({ embargoMinutes: 30 });
    const pooledAt = T0 - 30 * MINUTE_MS;
    expect(checkClaim(facts({ pool: embargoed, pooledAt: pooledAt + 1 }))).toMatchObject({
      rule: 'embargo',
      until: T0 + 1,
      minutes: 30,
    });
    expect(checkClaim(facts({ pool: embargoed, pooledAt }))).toBeNull();
  });

  it('keeps the previous owner out until exactly N days after the recycle, the pool overriding the team', () => {
    const recycledAt = T0 - 7 * DAY_MS;
    expect(checkClaim(facts({ lastRecycledFromRepAt: recycledAt + 1 }))).toMatchObject({
      rule: 'coolDown',
      days: 7,
    });
    expect(checkClaim(facts({ lastRecycledFromRepAt: recycledAt }))).toBeNull();
    const shorter = pool({ coolDownDays: 2 });
    expect(checkClaim(facts({ pool: shorter, lastRecycledFromRepAt: T0 - 2 * DAY_MS + 1 }))).toMatchObject({
      rule: 'coolDown',
      days: 2,
    });
    expect(checkClaim(facts({ pool: shorter, lastRecycledFromRepAt: T0 - 2 * DAY_MS }))).toBeNull();
  });

  it('names the later of an embargo and a cool-down while both hold: when the claim opens', () => {
    const embargoed = pool({ embargoMinutes: 30 });
    const recycledAt = T0 - MINUTE_MS;
    expect(
      checkClaim(facts({ pool: embargoed, pooledAt: recycledAt, lastRecycledFromRepAt: recycledAt })),
    ).toEqual({
      rule: 'coolDown',
      until: recycledAt + 7 * DAY_MS,
      days: 7,
    });
    // A cool-down ending first (an old recycle, a lead pooled again just now): the embargo is the later.
    const earlier = T0 - 7 * DAY_MS + MINUTE_MS;
    expect(checkClaim(facts({ pool: embargoed, pooledAt: T0, lastRecycledFromRepAt: earlier }))).toEqual({
      rule: 'embargo',
      until: T0 + 30 * MINUTE_MS,
      minutes: 30,
    });
  });

  it('allows the Nth claim of the day and refuses the (N+1)th', () => {
    expect(checkClaim(facts({ claimsToday: 2 }))).toBeNull();
    expect(checkClaim(facts({ claimsToday: 3 }))).toEqual({ rule: 'claimDaily', limit: 3, today: 3 });
  });

  it('refuses a claim that would take holdings past the cap', () => {
    const capped = pool({ caps: { ...pool().caps, holding: 10 } });
    expect(checkClaim(facts({ pool: capped, holding: 9 }))).toBeNull();
    expect(checkClaim(facts({ pool: capped, holding: 10 }))).toEqual({
      rule: 'holding',
      limit: 10,
      holding: 10,
    });
  });

  it('takes a tier figure over the pool figure, a tier null meaning no cap, and exempts listed reps', () => {
    const tiered = pool({
      caps: {
        claimDaily: 5,
        holding: 10,
        byTier: { junior: { claimDaily: 1 }, senior: { holding: null } },
        exemptRepIds: ['rep_x'],
      },
    });
    expect(capsFor(tiered, { id: 'rep_a', tier: 'junior' }, 3)).toEqual({ claimDaily: 1, holding: 10 });
    expect(capsFor(tiered, { id: 'rep_a', tier: 'senior' }, 3)).toEqual({ claimDaily: 5, holding: null });
    expect(capsFor(tiered, { id: 'rep_a', tier: 'mid' }, 3)).toEqual({ claimDaily: 5, holding: 10 });
    expect(capsFor(tiered, { id: 'rep_x', tier: 'junior' }, 3)).toEqual({ claimDaily: null, holding: null });
  });

  it('checks only the holding cap for a hand-over by the team lead', () => {
    const capped = pool({ caps: { ...pool().caps, holding: 1 } });
    const base = {
      rep: { id: 'r', tier: 'mid' as const },
      pool: capped,
      teamClaimDailyLimit: 0,
      claimsToday: 9,
    };
    expect(checkCaps({ ...base, holding: 0 }, false)).toBeNull();
    expect(checkCaps({ ...base, holding: 1 }, false)).toMatchObject({ rule: 'holding' });
  });
});

describe('recycle rules at their boundaries', () => {
  const rules = {
    ...defaultPoolConfig().recycle,
    warnHours: 24,
    rules: [
      { kind: 'no_follow_up' as const, days: { A: 3, B: 5, C: 7, D: null, ungraded: 7 } },
      { kind: 'not_won' as const, days: { A: 30, B: 30, C: 30, D: 30, ungraded: 30 } },
    ],
  };
  const lead = {
    grade: 'A' as const,
    stage: 'mql' as const,
    ownedSince: T0,
    lastFollowUpAt: null,
    isLocked: false,
  };

  it('falls due exactly N days (per grade) after the last follow-up, warning 24 hours before', () => {
    const due = recycleDueOf(rules, { ...lead, lastFollowUpAt: T0 + DAY_MS });
    expect(due).toEqual({ kind: 'no_follow_up', days: 3, dueAt: T0 + 4 * DAY_MS, warnAt: T0 + 3 * DAY_MS });
    expect(recycleStateAt(due, T0 + 3 * DAY_MS - 1)).toBe('none');
    expect(recycleStateAt(due, T0 + 3 * DAY_MS)).toBe('warn');
    expect(recycleStateAt(due, T0 + 4 * DAY_MS - 1)).toBe('warn');
    expect(recycleStateAt(due, T0 + 4 * DAY_MS)).toBe('due');
  });

  it('uses the grade’s own N, and a grade with no N falls to the next rule', () => {
    expect(recycleDueOf(rules, { ...lead, grade: 'C' })?.dueAt).toBe(T0 + 7 * DAY_MS);
    expect(recycleDueOf(rules, { ...lead, grade: 'D' })).toMatchObject({ kind: 'not_won', days: 30 });
  });

  it('exempts a locked lead and an opportunity, unless the pool says otherwise', () => {
    expect(recycleDueOf(rules, { ...lead, isLocked: true })).toBeNull();
    expect(recycleDueOf(rules, { ...lead, stage: 'opportunity' })).toBeNull();
    expect(recycleDueOf({ ...rules, exemptLocked: false }, { ...lead, isLocked: true })).not.toBeNull();
  });

  it('counts "no opportunity stage" from when the owner got it, satisfied by reaching one', () => {
    const stageRule = {
      ...rules,
      exemptHasOpportunity: false,
      rules: [{ kind: 'no_opportunity' as const, days: rules.rules[1]!.days }],
    };
    expect(recycleDueOf(stageRule, lead)?.dueAt).toBe(T0 + 30 * DAY_MS);
    expect(recycleDueOf(stageRule, { ...lead, stage: 'opportunity' })).toBeNull();
  });

  it('warns no one when the pool warns 0 hours before', () => {
    const due = recycleDueOf({ ...rules, warnHours: 0 }, lead);
    expect(due?.warnAt).toBeNull();
    expect(recycleStateAt(due, (due?.dueAt ?? 0) - HOUR_MS)).toBe('none');
  });
});

describe('locks and masks', () => {
  it('allows the Nth lock and refuses the (N+1)th; a lock holds until exactly its expiry', () => {
    const locks = { maxPerRep: 2, days: 14 };
    expect(checkLock(locks, 1)).toBeNull();
    expect(checkLock(locks, 2)).toEqual({ rule: 'lockCap', limit: 2, held: 2 });
    expect(checkLock({ ...locks, maxPerRep: 0 }, 0)).toEqual({ rule: 'lockOff' });
    const expiresAt = lockExpiry(locks, T0);
    expect(expiresAt).toBe(T0 + 14 * DAY_MS);
    expect(isLockActive({ expiresAt, releasedAt: null }, expiresAt - 1)).toBe(true);
    expect(isLockActive({ expiresAt, releasedAt: null }, expiresAt)).toBe(false);
    expect(isLockActive({ expiresAt, releasedAt: T0 }, T0)).toBe(false);
  });

  it.each([
    ['13800138000', '138****8000'],
    ['138 0013 8000', '138****8000'],
    ['+86-13800138000', '138****8000'],
    ['0086 138 0013 8000', '138****8000'],
    ['010-6552 9988', '010****9988'],
    ['12345', '****'],
  ])('masks the phone %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('masks an email to its first character and domain, a WeChat id to its first character', () => {
    expect(maskEmail('zhang.wei@example.com')).toBe('z***@example.com');
    expect(maskEmail('broken')).toBe('***');
    expect(maskWechat('wx_zhangwei')).toBe('w***');
  });
});

// What a public pool is: who may claim from it, which leads enter it, its caps, locks, cool-down, embargo,
// masking and recycle rules. Plain data, validated by the API's schema before it reaches the domain.
import type { Grade } from '../funnel';
import type { RepTier } from '../rep';

export const DEFAULT_POOL_ID = 'pool_default';

/** A lead's grade, or `ungraded`: the key of per-grade day counts. */
export type GradeKey = Grade | 'ungraded';
export const GRADE_KEYS: readonly GradeKey[] = ['A', 'B', 'C', 'D', 'ungraded'];

/** Which leads enter a pool: every non-empty list must contain the lead's value (empty list = any). */
export interface PoolEntryRules {
  readonly regions: readonly string[];
  readonly industries: readonly string[];
  readonly grades: readonly GradeKey[];
  readonly sources: readonly string[];
}

/** A cap pair; null = no cap. */
export interface CapPair {
  readonly claimDaily: number | null;
  readonly holding: number | null;
}

export interface PoolCaps {
  /** Claims per rep per local day from this pool; null on the default pool = the team's work setting. */
  readonly claimDaily: number | null;
  /** Most open leads (locked ones not counted) a rep may hold when claiming from this pool; null = no cap. */
  readonly holding: number | null;
  /** Per tier, replacing the pool's figure where given (a null inside a tier = no cap for that tier). */
  readonly byTier: Readonly<Partial<Record<RepTier, Partial<CapPair>>>>;
  /** Reps the team lead exempted from this pool's caps. */
  readonly exemptRepIds: readonly string[];
}

export const RECYCLE_KINDS = ['no_follow_up', 'no_opportunity', 'not_won'] as const;
export type RecycleKind = (typeof RECYCLE_KINDS)[number];

/** A recycle rule: after N days (per grade; null = never for that grade) without the kind's progress. */
export interface RecycleRule {
  readonly kind: RecycleKind;
  readonly days: Readonly<Record<GradeKey, number | null>>;
}

export interface PoolRecycle {
  readonly rules: readonly RecycleRule[];
  readonly exemptHasOpportunity: boolean;
  readonly exemptWon: boolean;
  readonly exemptLocked: boolean;
  /** Hours before a recycle the owner is warned; 0 = no warning. */
  readonly warnHours: number;
}

export interface PoolLocks {
  /** Locks a rep may hold at once in this pool's leads; 0 = locking off. */
  readonly maxPerRep: number;
  /** How long a lock lasts, in days, unless the team lead extends it. */
  readonly days: number;
}

export interface PoolConfig {
  readonly id: string;
  readonly name: string;
  /** The catch-all pool: takes every lead no other pool takes, whatever its entry rules. */
  readonly isDefault: boolean;
  /** Order among pools: a lead matching several pools goes to the first. */
  readonly position: number;
  readonly entry: PoolEntryRules;
  /** Who may claim: every active rep, or the listed ones. */
  readonly isOpenToAll: boolean;
  readonly memberRepIds: readonly string[];
  /** Reps who may extend or release locks in this pool beside the team lead. */
  readonly adminRepIds: readonly string[];
  readonly caps: PoolCaps;
  readonly locks: PoolLocks;
  /** Days the previous owner of a recycled lead waits before claiming it again; null = the team's work setting. */
  readonly coolDownDays: number | null;
  /** Minutes a newly pooled lead waits before anyone may claim it. */
  readonly embargoMinutes: number;
  /** Phone, email and WeChat masked to reps until one claims the lead. */
  readonly masksContacts: boolean;
  readonly recycle: PoolRecycle;
}

/** The facts of a lead that decide its pool. */
export interface PoolLeadFacts {
  readonly region: string | null;
  readonly industry: string | null;
  readonly grade: Grade | null;
  readonly source: string | null;
}

const NEVER: Readonly<Record<GradeKey, number | null>> = {
  A: null,
  B: null,
  C: null,
  D: null,
  ungraded: null,
};

/** The name the app gives the default pool (the UI shows it in the reader's language until someone renames it). */
export const DEFAULT_POOL_NAME = '公海';

/** The default pool as the single pool was: open to all, the team's claim limit and cool-down, no extras. */
export function defaultPoolConfig(): PoolConfig {
  return {
    id: DEFAULT_POOL_ID,
    name: DEFAULT_POOL_NAME,
    isDefault: true,
    position: 0,
    entry: { regions: [], industries: [], grades: [], sources: [] },
    isOpenToAll: true,
    memberRepIds: [],
    adminRepIds: [],
    caps: { claimDaily: null, holding: null, byTier: {}, exemptRepIds: [] },
    locks: { maxPerRep: 5, days: 14 },
    coolDownDays: null,
    embargoMinutes: 0,
    masksContacts: true,
    recycle: {
      rules: [{ kind: 'no_follow_up', days: NEVER }],
      exemptHasOpportunity: true,
      exemptWon: true,
      exemptLocked: true,
      warnHours: 24,
    },
  };
}

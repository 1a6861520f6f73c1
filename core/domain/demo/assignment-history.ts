// The demo's assignment history: each lead routed by the real distribution engine when it arrived, under a rule
// set like the app's default one, plus the moves people made by hand (SLA recycles, claims from the public pool,
// a team lead handing a key account to a senior rep), and the follow-ups of the rep who ended up owning it.
import type { Rng } from '../clock';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../clock';
import { distributeBatch, createEmptyState } from '../distribution/engine';
import { explanationSummary } from '../distribution/explanation-summary';
import type {
  Assignment,
  DistributionLead,
  DistributionMethod,
  DistributionRule,
  DistributionState,
  Explanation,
} from '../distribution/types';
import type { BuiltInStage } from '../funnel';
import { isOpenStage } from '../funnel';
import type { AssignmentId, IdGenerator, LeadId, RepId } from '../ids';
import type { Lead } from '../lead';
import type { Rep } from '../rep';
import type { DemoFollowUp } from './follow-ups';
import { writeFollowUps } from './follow-ups';
import { DEAL_YUAN, LOST_REASONS } from './lead-tables';
import type { LeadDraft } from './leads';
import { toLead } from './leads';
import { chance, pick, pickWeighted, randomInt, toIsoDate, toOfficeTime } from './random';
import type { DemoMoveCode, DemoMoveExplanation, DemoMoveKind, DemoReleaseNote } from './reasons';
import { DEMO_MOVE_TEXT, DEMO_RELEASE_NOTES, explainDemoMove } from './reasons';
import { wasOutOfOffice } from './team';

/** China: the engine's local days, arrival hours and daily caps are UTC+8. */
const UTC_OFFSET_MINUTES = 480;
const RECYCLE_AFTER_MS = 72 * HOUR_MS;

export type DemoAssignmentKind = 'auto' | DemoMoveKind;
export type DemoAssignmentMethod = DistributionMethod | 'affinity' | DemoMoveKind;

/** One entry of a lead's assignment history; `repId` null means the lead went to the public pool. */
export interface DemoAssignment {
  readonly id: AssignmentId;
  readonly leadId: LeadId;
  readonly repId: RepId | null;
  readonly fromRepId: RepId | null;
  /** Epoch ms. */
  readonly at: number;
  /** `auto` for the engine's decisions, else the hand-made move. */
  readonly kind: DemoAssignmentKind;
  readonly method: DemoAssignmentMethod;
  /** The engine's rule, for `auto` entries. */
  readonly ruleId: string | null;
  /** English, as the app stores it: the engine's summary text, or the move's English reason. */
  readonly reason: string;
  /**
   * To store with the entry: the engine's own explanation (plus `fromRepId` after a recycle), which the UI turns
   * into translated sentences, or a demo move's reason in both languages.
   */
  readonly explanation: (Explanation & { readonly fromRepId?: RepId }) | DemoMoveExplanation;
}

/** A demo lead: a Lead plus the outcome of a closed deal. */
export interface DemoLead extends Lead {
  /** Contract value of a won lead, integer fen. */
  readonly wonAmountFen?: number;
  readonly lostReason?: string;
}

/**
 * The demo team's rules: imported lists go to the pool, A/B leads up the tier ladder, specialist industries by
 * skill, referrals by weight, covered regions to the least loaded rep there, the rest round-robin.
 */
function buildDemoRules(reps: readonly Rep[]): DistributionRule[] {
  const regions = [...new Set(reps.flatMap((rep) => rep.regions))].sort();
  const everyone = { kind: 'everyone' } as const;
  return [
    {
      id: 'demo-imports-to-pool',
      name: '导入名单先进公海',
      enabled: true,
      conditions: [{ field: 'source', op: 'equals', value: '导入批次' }],
      target: everyone,
      method: 'public-pool',
    },
    {
      id: 'default-ab-ladder',
      name: 'A/B 级线索按能力阶梯分配',
      enabled: true,
      conditions: [{ field: 'grade', op: 'in', values: ['A', 'B'] }],
      target: everyone,
      method: 'tier-ladder',
    },
    {
      id: 'demo-specialist-skills',
      name: '金融/医疗/教育按技能匹配',
      enabled: true,
      conditions: [{ field: 'industry', op: 'in', values: ['金融', '医疗', '教育'] }],
      target: everyone,
      method: 'skill-match',
    },
    {
      id: 'demo-referrals-weighted',
      name: '转介绍按权重分配',
      enabled: true,
      conditions: [{ field: 'source', op: 'equals', value: '转介绍' }],
      target: everyone,
      method: 'weighted',
    },
    {
      id: 'default-territory',
      name: '按辖区负载均衡',
      enabled: true,
      conditions: [{ field: 'region', op: 'in', values: regions }],
      target: { kind: 'territory' },
      method: 'load-balanced',
    },
    {
      id: 'default-fallback',
      name: '兜底：所有人轮询',
      enabled: true,
      conditions: [],
      target: everyone,
      method: 'round-robin',
    },
  ];
}

const MUST_OWN: ReadonlySet<BuiltInStage> = new Set(['sql', 'opportunity', 'won', 'lost']);

export class HistoryBuilder {
  readonly assignments: DemoAssignment[] = [];
  readonly followUps: DemoFollowUp[] = [];
  private readonly openCount = new Map<RepId, number>();
  /** The rules the history was routed by: the demo saves them as the rules in force, so its pages agree. */
  readonly rules: readonly DistributionRule[];
  private readonly teams = new Map<string, readonly Rep[]>();
  private state: DistributionState = createEmptyState();

  constructor(
    private readonly rng: Rng,
    private readonly now: number,
    private readonly seed: number,
    private readonly reps: readonly Rep[],
    private readonly makeId: IdGenerator,
  ) {
    this.rules = buildDemoRules(reps);
  }

  /** Routes the lead, writes its assignment and follow-up history, and returns the finished lead. */
  settle(draft: LeadDraft, id: LeadId): DemoLead {
    const { rng, now } = this;
    const isOpen = isOpenStage(draft.stage);
    const mustOwn = MUST_OWN.has(draft.stage);
    const lead: DistributionLead = { ...toLead(draft, id), score: draft.score, grade: draft.grade };
    const arrivedAt = Math.max(
      draft.createdAt,
      Math.min(now - 1000, draft.createdAt + randomInt(rng, 5, 120) * 1000),
    );
    let owner = this.route(lead, arrivedAt, null);
    let ownedAt = arrivedAt;
    let recycledFrom: Rep | null = null;

    // The owner never called within 72 hours: the SLA recycled it; the pool engine re-routes some at once.
    if (owner !== null && (now - draft.createdAt) / DAY_MS > 12 && chance(rng, mustOwn ? 0.06 : 0.25)) {
      recycledFrom = owner;
      ownedAt = arrivedAt + RECYCLE_AFTER_MS;
      this.recordMove(id, 'recycle', 'no-first-contact', owner, null, ownedAt);
      owner = null;
      if (mustOwn || chance(rng, 0.4)) {
        ownedAt += randomInt(rng, 5, 120) * 1000;
        owner = this.route({ ...lead, recycledFromRepId: recycledFrom.id }, ownedAt, recycledFrom);
      }
    }
    // Left in the pool: a rep claims it, or it waits there.
    if (owner === null && (mustOwn || (recycledFrom === null && chance(rng, 0.45)))) {
      const at = Math.min(now - 1000, toOfficeTime(rng, ownedAt + randomInt(rng, 10, 20 * 60) * MINUTE_MS));
      ownedAt = Math.min(now, Math.max(at, ownedAt + 1000));
      owner = this.pickClaimer(ownedAt, isOpen, recycledFrom);
      this.recordMove(id, 'claim', 'claimed', null, owner, ownedAt);
    }
    // A key account with a junior or mid rep: the team lead hands it to a senior one.
    if (owner !== null && owner.tier !== 'senior' && (draft.grade === 'A' || draft.product === '旗舰版')) {
      const at = Math.min(now - 1000, toOfficeTime(rng, ownedAt + randomInt(rng, 30, 600) * MINUTE_MS));
      const senior = this.pickSenior(at, isOpen, recycledFrom);
      if (senior !== null && at > ownedAt && chance(rng, 0.35)) {
        this.recordMove(id, 'manual', 'key-account', owner, senior, at);
        owner = senior;
        ownedAt = at;
      }
    }
    // Now and then a rep hands an early-stage lead back to the pool with a word why (放回公海), as reps do.
    if (owner !== null && isOpen && !mustOwn && chance(rng, 0.05)) {
      const at = Math.min(now - 1000, toOfficeTime(rng, ownedAt + randomInt(rng, 2, 72) * HOUR_MS));
      if (at > ownedAt) {
        this.recordRelease(id, owner, at, pick(rng, DEMO_RELEASE_NOTES));
        owner = null;
        ownedAt = at;
      }
    }
    if (owner === null) return { ...toLead(draft, id), updatedAt: Math.max(draft.createdAt, ownedAt) };

    if (isOpen) this.openCount.set(owner.id, (this.openCount.get(owner.id) ?? 0) + 1);
    let wonAmountFen: number | undefined;
    let lostReason: string | undefined;
    if (draft.stage === 'won') {
      const [min, max] = DEAL_YUAN[draft.product ?? '标准版'] ?? [30_000, 100_000];
      wonAmountFen = Math.round(randomInt(rng, min, max) / 1000) * 1000 * 100;
    }
    if (draft.stage === 'lost') lostReason = pick(rng, LOST_REASONS);
    const lastActivity = writeFollowUps(
      { rng, now, makeId: this.makeId },
      { leadId: id, ownerId: owner.id, stage: draft.stage, assignedAt: ownedAt, lostReason },
      this.followUps,
    );
    return {
      ...toLead(draft, id),
      ownerId: owner.id,
      updatedAt: Math.max(ownedAt, lastActivity),
      ...(wonAmountFen === undefined ? {} : { wonAmountFen }),
      ...(lostReason === undefined ? {} : { lostReason }),
    };
  }

  /** The team as the engine saw it at `at`: reps who had joined, out of office only in the last few days. */
  private teamAt(at: number): readonly Rep[] {
    const date = toIsoDate(at);
    const present = this.reps.filter((rep) => rep.joinedOn <= date);
    const key = present.map((rep) => `${rep.id}:${wasOutOfOffice(rep, at, this.now) ? 1 : 0}`).join(',');
    let team = this.teams.get(key);
    if (team === undefined) {
      team = present.map((rep) => ({ ...rep, isOutOfOffice: wasOutOfOffice(rep, at, this.now) }));
      this.teams.set(key, team);
    }
    return team;
  }

  /** One engine decision at `at`, recorded; open loads are the leads each rep still has open today. */
  private route(lead: DistributionLead, at: number, recycledFrom: Rep | null): Rep | null {
    const result = distributeBatch({
      leads: [lead],
      reps: this.teamAt(at),
      rules: this.rules,
      state: { ...this.state, openLoads: Object.fromEntries(this.openCount) },
      now: at,
      seed: this.seed,
      options: { utcOffsetMinutes: UTC_OFFSET_MINUTES },
    });
    this.state = result.state;
    const assignment = result.assignments[0];
    if (assignment === undefined) throw new Error('the engine answers every lead of a batch');
    this.recordDecision(lead.id, assignment, recycledFrom?.id ?? null, at);
    return this.reps.find((rep) => rep.id === assignment.repId) ?? null;
  }

  /** Reps who could act at `at`: joined, in the office, not `exclude`, and (for an open lead) under their cap. */
  private available(at: number, isOpen: boolean, exclude: Rep | null): Rep[] {
    const date = toIsoDate(at);
    return this.reps.filter(
      (rep) =>
        rep.joinedOn <= date &&
        rep.id !== exclude?.id &&
        !wasOutOfOffice(rep, at, this.now) &&
        (!isOpen || rep.capOpen === null || (this.openCount.get(rep.id) ?? 0) < rep.capOpen),
    );
  }

  /** Juniors are keener on the pool; with nobody free, any rep who had joined (but never the one it left). */
  private pickClaimer(at: number, isOpen: boolean, exclude: Rep | null): Rep {
    const pool = this.available(at, isOpen, exclude);
    const date = toIsoDate(at);
    const reps =
      pool.length > 0 ? pool : this.reps.filter((rep) => rep.id !== exclude?.id && rep.joinedOn <= date);
    return pickWeighted(this.rng, reps, (rep) => (rep.tier === 'junior' ? 2 : 1));
  }

  private pickSenior(at: number, isOpen: boolean, exclude: Rep | null): Rep | null {
    const seniors = this.available(at, isOpen, exclude).filter((rep) => rep.tier === 'senior');
    if (seniors.length === 0) return null;
    return seniors.reduce((best, rep) =>
      (this.openCount.get(rep.id) ?? 0) < (this.openCount.get(best.id) ?? 0) ? rep : best,
    );
  }

  private recordDecision(leadId: LeadId, assignment: Assignment, fromRepId: RepId | null, at: number): void {
    const explanation = assignment.explanation;
    this.assignments.push({
      id: this.makeId('assignment') as AssignmentId,
      leadId,
      repId: assignment.repId,
      fromRepId,
      at,
      kind: 'auto',
      method: explanation.method ?? 'public-pool',
      ruleId: assignment.ruleId,
      reason: explanationSummary(explanation).text,
      explanation: fromRepId === null ? explanation : { ...explanation, fromRepId },
    });
  }

  /** A rep's release to the pool, stored as the app's own release stores it: a recycle whose reason is released. */
  private recordRelease(leadId: LeadId, from: Rep, at: number, note: DemoReleaseNote): void {
    const text = {
      'zh-CN': `${DEMO_MOVE_TEXT.released['zh-CN']}：${note['zh-CN']}`,
      en: `${DEMO_MOVE_TEXT.released.en}: ${note.en}`,
    };
    this.assignments.push({
      id: this.makeId('assignment') as AssignmentId,
      leadId,
      repId: null,
      fromRepId: from.id,
      at,
      kind: 'recycle',
      method: 'recycle',
      ruleId: null,
      reason: text.en,
      explanation: {
        ...explainDemoMove('recycle', 'released', from.id, null),
        text,
        reason: 'released',
        note: note['zh-CN'],
      },
    });
  }

  private recordMove(
    leadId: LeadId,
    kind: DemoMoveKind,
    code: DemoMoveCode,
    from: Rep | null,
    to: Rep | null,
    at: number,
  ): void {
    this.assignments.push({
      id: this.makeId('assignment') as AssignmentId,
      leadId,
      repId: to?.id ?? null,
      fromRepId: from?.id ?? null,
      at,
      kind,
      method: kind,
      ruleId: null,
      reason: DEMO_MOVE_TEXT[code].en,
      explanation: explainDemoMove(kind, code, from?.id ?? null, to?.id ?? null),
    });
  }
}

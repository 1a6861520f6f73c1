// A sales lead as the domain sees it: contact, company, source, behaviour and where it stands in the funnel.
import type { FunnelStage, Grade } from './funnel';
import type { LeadId, RepId } from './ids';

export const BEHAVIOUR_KINDS = ['visit', 'download', 'event', 'email_open', 'form', 'call_in'] as const;
export type BehaviourKind = (typeof BEHAVIOUR_KINDS)[number];

/** One thing the lead did; `at` is epoch ms. */
export interface BehaviourEvent {
  readonly kind: BehaviourKind;
  readonly at: number;
  readonly detail?: string;
}

/** BANT: optional structured qualification. Budget in integer yuan. */
export interface Bant {
  readonly budget?: number | null;
  readonly authority?: 'decision_maker' | 'influencer' | 'user' | null;
  readonly need?: 'high' | 'medium' | 'low' | null;
  readonly timeline?: 'now' | 'quarter' | 'year' | 'unknown' | null;
}

export interface Lead {
  readonly id: LeadId;
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly wechat: string | null;
  readonly company: string | null;
  readonly title: string | null;
  readonly industry: string | null;
  readonly region: string | null;
  /** Head count of the lead's company, when known. */
  readonly companySize: number | null;
  readonly product: string | null;
  readonly source: string | null;
  readonly campaign: string | null;
  /** What acquiring the lead cost, in integer fen (1/100 yuan). */
  readonly costFen: number;
  readonly needs: string | null;
  readonly bant: Bant;
  readonly customFields: Readonly<Record<string, string>>;
  readonly events: readonly BehaviourEvent[];
  readonly stage: FunnelStage;
  readonly ownerId: RepId | null;
  readonly score: number | null;
  readonly grade: Grade | null;
  /** The scoring model version that produced `score`; older than the current model means stale. */
  readonly scoreModelVersion?: number | null;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Imported history (past leads): never distributed, never on an SLA clock. */
  readonly isHistory: boolean;
  /** Contract value of a won lead, integer fen. */
  readonly wonAmountFen?: number | null;
  readonly lostReason?: string | null;
  /** Epoch ms the lead was won or lost. */
  readonly closedAt?: number | null;
}

/** The fields of a lead that an import row (or a form) provides, normalized; the store adds the rest. */
export type LeadDraft = Pick<
  Lead,
  | 'name'
  | 'phone'
  | 'email'
  | 'wechat'
  | 'company'
  | 'title'
  | 'industry'
  | 'region'
  | 'companySize'
  | 'product'
  | 'source'
  | 'campaign'
  | 'costFen'
  | 'needs'
  | 'bant'
  | 'customFields'
>;

/** A lead with every optional field empty: the base a made-up lead (a lead profile, a test) fills in. */
export function blankLead(id: LeadId, fields: Partial<Lead> = {}): Lead {
  return {
    id,
    name: '',
    phone: null,
    email: null,
    wechat: null,
    company: null,
    title: null,
    industry: null,
    region: null,
    companySize: null,
    product: null,
    source: null,
    campaign: null,
    costFen: 0,
    needs: null,
    bant: {},
    customFields: {},
    events: [],
    stage: 'raw',
    ownerId: null,
    score: null,
    grade: null,
    createdAt: 0,
    updatedAt: 0,
    isHistory: false,
    ...fields,
  };
}

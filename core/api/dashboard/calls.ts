// Calls of one feature: the team lead's Dashboard (funnel, SLA and per-rep figures for a period).
import { z } from 'zod';
import type { FunnelStage } from '../../domain/funnel';
import { call, isoDate } from '../contract-kit';

/** The longest period the Dashboard asks about; bounds the per-day series. */
export const MAX_DASHBOARD_DAYS = 366;

const DAY_MS = 86_400_000;

const summaryInput = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'the range must end on or after its start', path: ['to'] })
  .refine((v) => (Date.parse(v.to) - Date.parse(v.from)) / DAY_MS < MAX_DASHBOARD_DAYS, {
    message: `at most ${MAX_DASHBOARD_DAYS} days`,
    path: ['from'],
  });

export interface DashboardRepRow {
  readonly repId: string;
  readonly name: string;
  /** Open leads the rep owns now (the distribution engine's load). */
  readonly openLoad: number;
  /** Leads the rep owns that were won in the period. */
  readonly won: number;
}

export interface DashboardSummary {
  /** The period as local days of the workspace, both ends included. */
  readonly from: string;
  readonly to: string;
  /** Live (not history, not deleted) leads per stage key now; stages without leads are absent. */
  readonly stageCounts: Partial<Record<FunnelStage, number>>;
  /** Leads created in the period, history imports left out. */
  readonly newLeads: number;
  /** Leads closed in the period, history imports included. */
  readonly won: number;
  readonly lost: number;
  /** Sum of the won leads' amounts, integer fen. */
  readonly wonAmountFen: number;
  /** won / (won + lost), 0–1; null when nothing closed in the period. */
  readonly conversionRate: number | null;
  /** Open leads whose first-contact (or follow-up) deadline has passed, now. */
  readonly overdueFirstContact: number;
  readonly overdueFollowUp: number;
  /** Leads taken back from a rep in the period (SLA, stale or nurture recycling). */
  readonly recycled: number;
  /** Active reps, by name. */
  readonly reps: readonly DashboardRepRow[];
  /** One entry per local day of the period, in order, zeros included. */
  readonly newLeadsByDay: readonly { readonly date: string; readonly count: number }[];
}

export const dashboardCalls = {
  'dashboard.summary': call<DashboardSummary>()(summaryInput),
} as const;

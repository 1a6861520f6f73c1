// The rule linter's JSON: what it is given (draft rules, the team, recent leads) and the warnings it answers.
import type { DistributionLead, DistributionMethod, DistributionRule } from '../distribution/types';
import type { Rep } from '../rep';

export interface LintInput {
  /** The draft rule list, in order (it need not be saved, nor valid: the linter reads what it can). */
  readonly rules: readonly DistributionRule[];
  /** Every rep (inactive ones too, so a target naming them can say why they count for nothing). */
  readonly reps: readonly Rep[];
  /** Leads that arrived in the `historyDays` whole local days before today: the profiles and the inflow. */
  readonly history: readonly DistributionLead[];
  readonly historyDays: number;
  /** Epoch ms of the check; the forecast covers its local day and the 6 after. */
  readonly now: number;
  readonly utcOffsetMinutes: number;
}

/** A rule by its place in the list. */
export interface RuleRef {
  readonly index: number;
  readonly id: string;
  readonly name: string;
}

export interface RepRef {
  readonly repId: string;
  readonly name: string;
}

export interface LeadRef {
  readonly id: string;
  readonly name: string;
}

/** One lead field of a profile; `other` = a value no rule names, `value` null = the field is empty. */
export interface ProfileField {
  readonly field: string;
  readonly value: string | number | null;
  readonly isOther: boolean;
}

export type Unavailability = 'inactive' | 'not-started' | 'out-of-office' | 'on-leave' | 'unknown-rep';

export interface DayFigure {
  /** Local ISO date. */
  readonly date: string;
  /** ISO weekday, 1 = Monday. */
  readonly weekday: number;
  /** Leads expected that day (mean of the same weekday in the history), one decimal. */
  readonly expected: number;
  /** The daily cap it is held against (sum of the reps' caps). */
  readonly cap: number;
}

export type LintWarning =
  /** No lead can reach `rule`: every lead it matches is caught first by `by`. */
  | { readonly kind: 'shadowed'; readonly rule: RuleRef; readonly by: RuleRef }
  /**
   * Leads like `profile` are caught by no rule (`caughtBy` null), or only by a last rule that leaves them in the
   * pool or to the team lead. `leadCount` of them arrived in the history (0 for a profile made up from the rules).
   */
  | {
      readonly kind: 'gap';
      readonly profile: readonly ProfileField[];
      readonly leadCount: number;
      readonly leads: readonly LeadRef[];
      readonly caughtBy: (RuleRef & { readonly method: DistributionMethod }) | null;
    }
  /**
   * On `dates` nobody the rule may pick is available; `region` narrows it for a territory rule. `reps` are the
   * reps of the target with why each is out (empty when the target names nobody at all) and `until`, the date that
   * ends it: the leave's last day, or the start date of a rep not started yet (null otherwise).
   */
  | {
      readonly kind: 'empty-rep-set';
      readonly rule: RuleRef;
      readonly region: string | null;
      readonly dates: readonly string[];
      readonly reps: readonly (RepRef & { readonly why: Unavailability; readonly until: string | null })[];
    }
  /**
   * The expected inflow is above a daily cap: the whole team's (`team`), a rule's reps' (`rule`), or one rep's even
   * share (`rep`). `reps` name the reps whose caps make it up.
   */
  | {
      readonly kind: 'cap-breach';
      readonly scope: 'team' | 'rule' | 'rep';
      readonly rule: RuleRef | null;
      readonly reps: readonly (RepRef & { readonly cap: number })[];
      readonly days: readonly DayFigure[];
    };

export type LintWarningKind = LintWarning['kind'];

export interface ForecastDay {
  readonly date: string;
  readonly weekday: number;
  readonly expected: number;
  /** Sum of the daily caps of reps available that day; null when one of them has no cap. */
  readonly capacity: number | null;
  readonly availableReps: number;
}

export interface LintReport {
  readonly warnings: readonly LintWarning[];
  readonly forecast: {
    readonly historyDays: number;
    readonly historyLeads: number;
    readonly days: readonly ForecastDay[];
  };
}

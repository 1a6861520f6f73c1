// The custom columns of the leads as learned scoring sees them: each column's profile (number, category, yes/no,
// free text, date), the type the team lead set for it and whether training uses it; kept as one setting.
import type { Database } from 'better-sqlite3';
import type { Lead } from '../../domain/lead';
import type { ColumnKind } from '../../domain/scoring/column-profile';
import { profileCustomFields } from '../../domain/scoring/custom-encoding';
import { readSetting } from '../../store/settings';

export const CUSTOM_COLUMNS_SETTING = 'scoring.customColumns';

/** The team lead's choices: a kind per custom key (overriding the profile) and the free-text keys opted in. */
export interface CustomColumnChoices {
  readonly columnKinds: Readonly<Record<string, ColumnKind>>;
  readonly includeText: readonly string[];
}

export function readCustomColumnChoices(db: Database): CustomColumnChoices {
  const stored = readSetting<Partial<CustomColumnChoices>>(db, CUSTOM_COLUMNS_SETTING);
  return { columnKinds: stored?.columnKinds ?? {}, includeText: stored?.includeText ?? [] };
}

export interface CustomColumnReport {
  readonly key: string;
  /** What the values look like. */
  readonly profiledKind: ColumnKind;
  /** The kind training uses: the team lead's when set, else the profile's. */
  readonly kind: ColumnKind;
  readonly isKindSet: boolean;
  readonly isUsed: boolean;
  readonly filled: number;
  readonly rows: number;
  readonly distinct: number;
  readonly examples: readonly string[];
}

/** Every custom key of the won and lost leads (what training learns from), profiled, in key order. */
export function reportCustomColumns(
  leads: readonly Lead[],
  choices: CustomColumnChoices,
): CustomColumnReport[] {
  const closed = leads.filter((lead) => lead.stage === 'won' || lead.stage === 'lost');
  return profileCustomFields(closed, choices).map(({ key, profile, kind, isUsed }) => ({
    key,
    profiledKind: profile.kind,
    kind,
    isKindSet: Object.hasOwn(choices.columnKinds, key),
    isUsed,
    filled: profile.filled,
    rows: profile.rows,
    distinct: profile.distinct,
    examples: profile.examples,
  }));
}

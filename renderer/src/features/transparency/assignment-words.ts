// Why an assignment went where it went, in the reader's language, as the lead's own history words it: the engine's
// tokens, or a move (from whom to whom) with its reason; the short form keeps the rule, the method and the outcome.
import type { TFunction } from 'i18next';
import type { CallOutput } from '../../../../core/api/contract';
import type { Language } from '../../i18n';
import { describeTokens, releaseWords } from '../distribution/bundle';

export type AssignmentLogRow = CallOutput<'distribution.assignments'>['rows'][number];

/** Tokens the table shows before the reader asks for every step (conditions, exclusions and ties come after). */
const SHORT_KEY = /^(rule\.|affinity\.|method\.|outcome\.pool)/;

export interface WhyWords {
  /** What the row says at a glance. */
  readonly short: readonly string[];
  /** Every step, when there are more than the short form shows. */
  readonly all: readonly string[];
}

export function describeWhy(
  dt: TFunction,
  row: AssignmentLogRow,
  language: Language,
  repName: (id: string) => string,
): WhyWords {
  if (row.summary !== null) {
    const tokens = row.summary.tokens;
    const all = describeTokens(dt, tokens, repName);
    const short = describeTokens(
      dt,
      tokens.filter((token) => SHORT_KEY.test(token.key)),
      repName,
    );
    return { short: short.length > 0 ? short : all.slice(0, 1), all };
  }
  const lines: string[] = [];
  const name = (id: string | null) => (id === null ? dt('distribution.reassign.pool') : repName(id));
  if (row.releaseNote !== null) {
    lines.push(releaseWords(dt, name(row.fromRepId), row.releaseNote));
    return { short: lines, all: lines };
  }
  if (row.fromRepId !== null || row.kind === 'manual' || row.kind === 'appeal')
    lines.push(dt('distribution.history.moved', { from: name(row.fromRepId), to: name(row.repId) }));
  const reason = row.reasonText?.[language] ?? row.reason;
  if (reason !== null && reason !== '') lines.push(dt('distribution.history.reason', { reason }));
  return { short: lines, all: lines };
}

/** The method's name as the Rules page writes it ('affinity': the existing customer's owner keeps the lead). */
export function methodKey(method: string): string {
  return `rulesEditor.methods.${method === 'affinity' ? 'existing-customer' : method}`;
}

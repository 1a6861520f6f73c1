// Turns an explanation into translatable tokens (key + params) for the UI, plus a plain English fallback.
import type { ExclusionCode, Explanation } from './types';
import type { Condition } from './condition-types';

export interface SummaryToken {
  /** Stable i18n key, e.g. `rule.matched`, `excluded`, `outcome.pool`. */
  readonly key: string;
  readonly params: Readonly<Record<string, string | number | null>>;
}

interface ExplanationSummary {
  readonly tokens: readonly SummaryToken[];
  /** English rendering of the tokens, for logs and when no translation is loaded. */
  readonly text: string;
}

function describeExpected(condition: Condition): string {
  switch (condition.op) {
    case 'equals':
      return String(condition.value);
    case 'contains':
      return condition.value;
    case 'in':
      return condition.values.join(', ');
    case 'range':
      return `${condition.min ?? '…'}–${condition.max ?? '…'}`;
    case 'exists':
      return '';
    default:
      return '';
  }
}

const EXCLUSION_TEXT: Readonly<Record<ExclusionCode, string>> = {
  'not-in-target': 'not in the rule’s target',
  inactive: 'inactive',
  'not-started': 'not started yet',
  'out-of-office': 'out of office',
  'on-leave': 'on leave',
  'recycled-from': 'recycled from them within the cool-down',
  excluded: 'excluded for this lead',
  'outside-working-hours': 'outside working hours',
  'open-cap': 'open-lead cap reached',
  'daily-cap': 'daily cap reached',
  'holding-cap': 'pool holding cap reached',
  'unknown-rep': 'unknown rep',
};

const POOL_TEXT: Readonly<Record<string, string>> = {
  'rule-public-pool': 'the rule sends it to the public pool',
  'no-eligible-rep': 'no rep could take it',
  'no-rule-matched': 'no rule matched',
  'no-skill-match': 'no rep has the skills',
  'optimizer-no-capacity': 'the optimizer had no room left',
};

function renderToken(token: SummaryToken): string {
  const p = token.params;
  switch (token.key) {
    case 'rule.matched':
      return `Rule “${p['rule']}” (#${Number(p['index']) + 1}) matched`;
    case 'rule.fallback':
      return `Fallback rule “${p['rule']}” applied`;
    case 'rule.none':
      return 'No rule matched';
    case 'condition':
      return `${p['field']} ${p['negate'] ? 'not ' : ''}${p['op']} ${p['expected']} (lead: ${p['value'] ?? 'empty'})`;
    case 'affinity.honored':
      return `existing customer of ${p['rep']}, who takes it`;
    case 'affinity.skipped':
      return `existing customer of ${p['rep']}, but ${p['reason']}`;
    case 'method.round-robin':
      return `round-robin: next after ${p['pointerBefore'] ?? 'the start'}`;
    case 'method.weighted':
      return `weighted: weight ${p['weight']} (${Math.round(Number(p['share']) * 100)}% share)`;
    case 'method.load-balanced':
      return `fewest open leads: ${p['open']}/${p['capacity']}`;
    case 'method.load-balanced.away':
      return `least loaded counting time away: ${p['open']} open + ${p['away']} for days away / ${p['capacity']}`;
    case 'method.skill-match':
      return `skills matched: ${p['matched'] || 'none'}`;
    case 'method.skill-match.fallback':
      return 'no rep shares a skill tag, least loaded used';
    case 'method.tier-ladder':
      return `grade ladder: ${p['wanted']} tier`;
    case 'method.tier-ladder.fallback':
      return `no ${p['wanted']} rep available, used ${p['used']} tier instead`;
    case 'method.team':
      return `team: co-owners ${p['coOwners'] || 'none'}`;
    case 'method.optimal':
      return `optimizer (${p['mode']}): expected ${Number(p['value']).toFixed(3)} conversions`;
    case 'excluded':
      return `${p['count']} rep(s) ${EXCLUSION_TEXT[p['code'] as ExclusionCode] ?? p['code']}`;
    case 'recycled.kept-away':
      return `${p['rep']} kept away: the lead was recycled from them (cool-down until ${p['until']})`;
    case 'optimal.equal-fit':
      return 'no rep fits this lead better than another, so the least loaded took it';
    case 'optimal.best-fit':
      return `${p['rep']}: best fit for ${p['segment']} ${p['value']} leads, ${p['rate']}% vs team ${p['teamRate']}% (${p['n']} closed)`;
    case 'optimal.best-fit.plain':
      return `${p['rep']}: best fit (×${p['fit']})`;
    case 'optimal.no-room':
      return `${p['better']} fits better (×${p['betterFit']}) but had no room left`;
    case 'optimal.kept-share':
      return `${p['better']} fits better (×${p['betterFit']}) but already had its share of this grade`;
    case 'optimal.share-floor':
      return `${p['better']} fits better (×${p['betterFit']}), but ${p['rep']} needed this lead for its share of the grade`;
    case 'optimal.whole-batch':
      return `${p['better']} fits better (×${p['betterFit']}), but the batch as a whole converts more this way`;
    case 'optimal.share':
      return `${p['grade']}-lead share kept within ±${p['tolerance']}% (${p['received']} of ${p['lower']}–${p['upper']})`;
    case 'fit.equal':
      return 'too little closed history to learn conversion, so every rep counts the same';
    case 'tiebreak.seeded':
      return `tie between ${p['among']} reps broken by seeded draw`;
    case 'outcome.assigned':
      return `assigned to ${p['rep']}`;
    case 'outcome.pool':
      return `left in the public pool: ${POOL_TEXT[String(p['reason'])] ?? p['reason']}`;
    case 'outcome.manual':
      return 'queued for the team lead to assign';
    default:
      return token.key;
  }
}

const pct = (rate: number | undefined): number => Math.round((rate ?? 0) * 100);

/** The optimizer's real reason for its choice, and the grade share it kept. */
function optimalTokens(
  state: Extract<NonNullable<Explanation['methodState']>, { method: 'optimal' }>,
  repId: string | null,
): SummaryToken[] {
  const tokens: SummaryToken[] = [];
  const reason = state.reason;
  if (reason !== null && repId !== null) {
    if (reason.kind === 'equal-fit')
      tokens.push({ key: 'optimal.equal-fit', params: { fitStatus: reason.fitStatus } });
    else if (reason.kind === 'best-fit')
      tokens.push(
        reason.segment === undefined
          ? { key: 'optimal.best-fit.plain', params: { rep: repId, fit: Math.round(reason.fit * 100) / 100 } }
          : {
              key: 'optimal.best-fit',
              params: {
                rep: repId,
                segment: reason.segment,
                value: reason.key ?? '',
                rate: pct(reason.rate),
                teamRate: pct(reason.teamRate),
                n: reason.n ?? 0,
              },
            },
      );
    else
      tokens.push({
        key: `optimal.${reason.kind}`,
        params: { rep: repId, better: reason.better, betterFit: Math.round(reason.betterFit * 100) / 100 },
      });
  }
  if (state.share !== null)
    tokens.push({
      key: 'optimal.share',
      params: {
        grade: state.share.grade,
        received: state.share.received,
        lower: state.share.lower,
        upper: state.share.upper,
        tolerance: pct(state.share.tolerance),
      },
    });
  return tokens;
}

/** Structured tokens describing the decision, in reading order, and their English rendering. */
export function explanationSummary(explanation: Explanation): ExplanationSummary {
  const tokens: SummaryToken[] = [];
  const rule = explanation.rule;
  if (rule === null) tokens.push({ key: 'rule.none', params: {} });
  else {
    tokens.push({
      key: rule.isFallback ? 'rule.fallback' : 'rule.matched',
      params: { rule: rule.name, index: rule.index },
    });
    for (const c of rule.conditions) {
      tokens.push({
        key: 'condition',
        params: {
          field: c.condition.field,
          op: c.condition.op,
          negate: c.condition.negate === true ? 1 : 0,
          expected: describeExpected(c.condition),
          value: c.value,
        },
      });
    }
  }
  const affinity = explanation.affinity;
  if (affinity !== null) {
    tokens.push(
      affinity.honored
        ? { key: 'affinity.honored', params: { kind: affinity.kind, rep: affinity.repId } }
        : {
            key: 'affinity.skipped',
            params: { kind: affinity.kind, rep: affinity.repId, reason: affinity.why.code },
          },
    );
  }
  const chosen = explanation.candidates.find((c) => c.repId === explanation.repId)?.rank;
  const state = explanation.methodState;
  if (state !== null) {
    switch (state.method) {
      case 'round-robin':
        tokens.push({
          key: 'method.round-robin',
          params: { pointerBefore: state.pointerBefore, skipped: state.skipped.length },
        });
        break;
      case 'weighted':
        tokens.push({
          key: 'method.weighted',
          params: {
            weight: chosen?.method === 'weighted' ? chosen.weight : 0,
            share: chosen?.method === 'weighted' ? chosen.share : 0,
          },
        });
        if (state.fitStatus === 'too-little-history') tokens.push({ key: 'fit.equal', params: {} });
        break;
      case 'load-balanced': {
        const load = chosen?.method === 'load-balanced' ? chosen : null;
        // A rep back from leave (or new) is compared with the open leads their days away would still hold.
        tokens.push({
          key: load?.away === undefined ? 'method.load-balanced' : 'method.load-balanced.away',
          params: {
            open: load?.open ?? 0,
            capacity: load?.capacity ?? 0,
            ...(load?.away === undefined ? {} : { away: load.away }),
          },
        });
        break;
      }
      case 'skill-match':
        tokens.push(
          state.fellBack
            ? { key: 'method.skill-match.fallback', params: {} }
            : {
                key: 'method.skill-match',
                params: { matched: chosen?.method === 'skill-match' ? chosen.matched.join(', ') : '' },
              },
        );
        break;
      case 'tier-ladder':
        tokens.push(
          state.fellBack
            ? {
                key: 'method.tier-ladder.fallback',
                params: { wanted: state.wantedTier, used: state.usedTier },
              }
            : { key: 'method.tier-ladder', params: { wanted: state.wantedTier } },
        );
        break;
      case 'team':
        tokens.push({ key: 'method.team', params: { coOwners: explanation.coOwnerIds.join(', ') } });
        break;
      case 'optimal':
        tokens.push({
          key: 'method.optimal',
          params: { mode: state.mode, value: chosen?.method === 'optimal' ? chosen.value : 0 },
        });
        tokens.push(...optimalTokens(state, explanation.repId));
        break;
    }
  }
  const codes = Object.keys(explanation.exclusionCounts).sort() as ExclusionCode[];
  for (const code of codes) {
    if (code === 'not-in-target' && explanation.outcome === 'assigned') continue;
    tokens.push({ key: 'excluded', params: { code, count: explanation.exclusionCounts[code] ?? 0 } });
  }
  for (const c of explanation.candidates) {
    if (c.exclusion?.code !== 'recycled-from') continue;
    const until = c.exclusion.until;
    tokens.push({
      key: 'recycled.kept-away',
      params: {
        rep: c.repId,
        until: Number.isFinite(until) ? new Date(until).toISOString().slice(0, 10) : null,
      },
    });
  }
  if (explanation.tieBreak.kind === 'seeded-random')
    tokens.push({ key: 'tiebreak.seeded', params: { among: explanation.tieBreak.among.length } });
  if (explanation.outcome === 'assigned')
    tokens.push({ key: 'outcome.assigned', params: { rep: explanation.repId } });
  else if (explanation.outcome === 'manual') tokens.push({ key: 'outcome.manual', params: {} });
  else tokens.push({ key: 'outcome.pool', params: { reason: explanation.poolReason } });
  const text = tokens.map(renderToken).join('; ') + '.';
  return { tokens, text: text.charAt(0).toUpperCase() + text.slice(1) };
}

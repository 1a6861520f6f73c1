// The distribution feature's translations and the words that turn an explanation's tokens into sentences.
import type { TFunction } from 'i18next';
import type { SummaryToken } from '../../../../core/domain/distribution/explanation-summary';
import { useFeatureTranslation, type FeatureBundles } from '../jobs/i18n-bundles';
import en from './i18n.en.json';
import zhCN from './i18n.zh-CN.json';

export const DISTRIBUTION_BUNDLES: FeatureBundles = { 'zh-CN': zhCN, en };

export function useDistributionTranslation() {
  return useFeatureTranslation(DISTRIBUTION_BUNDLES);
}

/** The badge of a history step: a rep's own release reads as one, not as a recycle by the SLA. */
export function kindKey(step: { kind: string; releaseNote: string | null }): string {
  return step.releaseNote !== null ? 'distribution.kinds.released' : `distribution.kinds.${step.kind}`;
}

/** "王芳 put it back in the public pool: not my region", or without words when the rep gave none. */
export function releaseWords(t: TFunction, repName: string, note: string): string {
  return note.trim() === ''
    ? t('distribution.history.released', { from: repName })
    : t('distribution.history.releasedWithNote', { from: repName, note: note.trim() });
}

/** A condition field's label; custom fields show their key. */
export function fieldLabel(t: TFunction, field: string): string {
  if (field.startsWith('custom.')) return field.slice(7);
  const key = `distribution.fields.${field.replace('.', '_')}`;
  const label = t(key);
  return label === key ? field : label;
}

/** One sentence per token, in the UI language; rep ids become names. */
export function describeTokens(
  t: TFunction,
  tokens: readonly SummaryToken[],
  repName: (id: string) => string,
): string[] {
  return tokens.map((token) => {
    const p = token.params;
    const str = (v: unknown) =>
      v === null || v === undefined || v === '' ? t('distribution.empty') : String(v);
    const rep = (v: unknown) => (typeof v === 'string' ? repName(v) : t('distribution.empty'));
    switch (token.key) {
      case 'rule.matched':
        return t('distribution.tokens.rule_matched', { rule: p['rule'], n: Number(p['index']) + 1 });
      case 'condition':
        return t('distribution.tokens.condition', {
          field: fieldLabel(t, String(p['field'])),
          negate: p['negate'] ? t('distribution.not') : '',
          op: t(`distribution.ops.${String(p['op'])}`),
          expected: p['expected'] ?? '',
          value: str(p['value']),
        });
      case 'affinity.honored':
        return t('distribution.tokens.affinity_honored', { rep: rep(p['rep']) });
      case 'affinity.skipped':
        return t('distribution.tokens.affinity_skipped', {
          rep: rep(p['rep']),
          reason: t(`distribution.exclusions.${String(p['reason'])}`),
        });
      case 'method.round-robin':
        return t('distribution.tokens.method_round-robin', {
          pointerBefore: p['pointerBefore'] ? rep(p['pointerBefore']) : t('distribution.start'),
        });
      case 'method.weighted':
        return t('distribution.tokens.method_weighted', {
          weight: p['weight'],
          share: Math.round(Number(p['share']) * 100),
        });
      case 'method.tier-ladder':
      case 'method.tier-ladder.fallback':
        return t(`distribution.tokens.${token.key.replaceAll('.', '_')}`, {
          wanted: t(`distribution.tiers.${String(p['wanted'])}`),
          used: t(`distribution.tiers.${String(p['used'])}`),
        });
      case 'method.team':
        return t('distribution.tokens.method_team', {
          coOwners:
            String(p['coOwners'] ?? '')
              .split(', ')
              .filter(Boolean)
              .map(repName)
              .join(t('distribution.listSeparator')) || t('distribution.empty'),
        });
      case 'method.optimal':
        return t('distribution.tokens.method_optimal', { value: Number(p['value']).toFixed(3) });
      case 'excluded':
        return t('distribution.tokens.excluded', {
          count: p['count'],
          reason: t(`distribution.exclusions.${String(p['code'])}`),
        });
      case 'optimal.best-fit':
      case 'optimal.best-fit.plain':
      case 'optimal.no-room':
      case 'optimal.kept-share':
      case 'optimal.share-floor':
      case 'optimal.whole-batch':
        return t(`distribution.tokens.${token.key.replaceAll('.', '_')}`, {
          ...p,
          rep: rep(p['rep']),
          better: rep(p['better']),
          segment: fieldLabel(t, String(p['segment'] ?? '')),
        });
      case 'recycled.kept-away':
        return t('distribution.tokens.recycled_kept-away', { rep: rep(p['rep']), until: str(p['until']) });
      case 'outcome.assigned':
        return t('distribution.tokens.outcome_assigned', { rep: rep(p['rep']) });
      case 'outcome.pool':
        return t('distribution.tokens.outcome_pool', {
          reason: t(`distribution.poolReasons.${String(p['reason'])}`),
        });
      default:
        return t(`distribution.tokens.${token.key.replaceAll('.', '_')}`, {
          ...p,
          matched: p['matched'] || t('distribution.empty'),
        });
    }
  });
}

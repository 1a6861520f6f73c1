// The Rules page's translations (its own and the distribution feature's), registered on first use.
import { registerBundles, useFeatureTranslation, type FeatureBundles } from '../jobs/i18n-bundles';
import { DISTRIBUTION_BUNDLES } from '../distribution/bundle';
import en from './i18n.en.json';
import zhCN from './i18n.zh-CN.json';

export const RULES_BUNDLES: FeatureBundles = { 'zh-CN': zhCN, en };

export function useRulesTranslation() {
  const result = useFeatureTranslation(RULES_BUNDLES);
  registerBundles(result.i18n, DISTRIBUTION_BUNDLES);
  return result;
}

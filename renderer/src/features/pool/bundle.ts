// The pools' translations (switcher, management, warnings, locks), registered on first use.
import { useFeatureTranslation, type FeatureBundles } from '../jobs/i18n-bundles';
import en from './i18n.en.json';
import zhCN from './i18n.zh-CN.json';

export const POOLS_BUNDLES: FeatureBundles = { 'zh-CN': zhCN, en };

export function usePoolsTranslation() {
  return useFeatureTranslation(POOLS_BUNDLES);
}

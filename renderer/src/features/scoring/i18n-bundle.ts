// The scoring feature's translations, registered on first use (see features/jobs/i18n-bundles.ts).
import { useFeatureTranslation, type FeatureBundles } from '../jobs/i18n-bundles';
import en from './i18n.en.json';
import zhCN from './i18n.zh-CN.json';

export const SCORING_BUNDLES: FeatureBundles = { 'zh-CN': zhCN, en };

export function useScoringTranslation() {
  return useFeatureTranslation(SCORING_BUNDLES);
}

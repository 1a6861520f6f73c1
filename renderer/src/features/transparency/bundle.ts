// The Transparency page's translations, registered on first use.
import { useFeatureTranslation, type FeatureBundles } from '../jobs/i18n-bundles';
import en from './i18n.en.json';
import zhCN from './i18n.zh-CN.json';

export const TRANSPARENCY_BUNDLES: FeatureBundles = { 'zh-CN': zhCN, en };

export function useTransparencyTranslation() {
  return useFeatureTranslation(TRANSPARENCY_BUNDLES);
}

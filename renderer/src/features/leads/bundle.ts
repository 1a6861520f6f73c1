// The Leads feature's own translations (selection); the older lead strings live in the app-wide bundles.
import { useFeatureTranslation, type FeatureBundles } from '../jobs/i18n-bundles';
import en from './i18n.en.json';
import zhCN from './i18n.zh-CN.json';

export const LEADS_BUNDLES: FeatureBundles = { 'zh-CN': zhCN, en };

export function useLeadsTranslation() {
  return useFeatureTranslation(LEADS_BUNDLES);
}

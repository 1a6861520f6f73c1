// The translation bundles of the working-the-leads pages (funnel, queue, pool, notifications), registered on use.
import type { FeatureBundles } from '../jobs/i18n-bundles';
import { useFeatureTranslation } from '../jobs/i18n-bundles';
import en from './i18n.en.json';
import zhCN from './i18n.zh-CN.json';

export const WORK_BUNDLES: FeatureBundles = { 'zh-CN': zhCN, en };

export function useWorkTranslation() {
  return useFeatureTranslation(WORK_BUNDLES);
}

// The import feature's translations (also used by the duplicates view, the export button and the backups section).
import { useFeatureTranslation, type FeatureBundles } from '../jobs/i18n-bundles';
import en from './i18n.en.json';
import zhCN from './i18n.zh-CN.json';

export const IMPORT_BUNDLES: FeatureBundles = { 'zh-CN': zhCN, en };

export function useImportTranslation() {
  return useFeatureTranslation(IMPORT_BUNDLES);
}
